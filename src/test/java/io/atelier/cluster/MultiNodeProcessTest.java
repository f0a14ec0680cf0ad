package io.atelier.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.atelier.file.TestFiles;
import io.atelier.support.Api;
import io.atelier.support.Api.Response;
import io.atelier.support.AtelierProcess;
import io.atelier.support.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two Atelier nodes as separate processes on one real PostgreSQL, configured like nodes behind one
 * load balancer (same database, same issuer URL). They start at the same moment on an empty
 * database, which also exercises concurrent migration and identity set-up. Runs in the PostgreSQL
 * pass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiNodeProcessTest {

  private AtelierProcess nodeA;
  private AtelierProcess nodeB;
  private Api apiA;
  private Api apiB;

  @BeforeAll
  void startTwoNodesTogether() throws Exception {
    assumeTrue(TestDatabase.isPostgres(), "runs in the PostgreSQL pass");
    String url = emptyPostgresDatabase("cluster");
    nodeA = node("node-a", url).start();
    nodeB = node("node-b", url).start();
    CompletableFuture<?> readyA = CompletableFuture.runAsync(() -> nodeA.awaitReady());
    CompletableFuture<?> readyB = CompletableFuture.runAsync(() -> nodeB.awaitReady());
    CompletableFuture.allOf(readyA, readyB).get();
    String token = nodeA.adminToken();
    apiA = nodeA.api(token);
    apiB = nodeB.api(token);
  }

  @AfterAll
  void stopNodes() {
    for (AtelierProcess node : new AtelierProcess[] {nodeA, nodeB}) {
      if (node != null) {
        node.close();
      }
    }
  }

  @Test
  void tokenWhenIssuedByNodeAThenAcceptedByNodeBAndTheOtherWayRound() {
    String fromB = nodeB.adminToken();

    Response infoOnB = nodeB.api(nodeA.adminToken()).get("/api/v1/info");
    Response infoOnA = nodeA.api(fromB).get("/api/v1/info");

    assertThat(infoOnB.status()).as(infoOnB.toString()).isEqualTo(200);
    assertThat(infoOnA.status()).as(infoOnA.toString()).isEqualTo(200);
  }

  @Test
  void createWhenThroughNodeAThenReadThroughNodeB() {
    String projectId = TestFiles.project(apiA);
    String folderId = TestFiles.folder(apiA, projectId, null, "Shared");
    Map<String, Object> request = TestFiles.bpmn(projectId);
    request.put("folderId", folderId);
    String fileId = TestFiles.create(apiA, request).json().get("id").asString();

    Response file = apiB.get("/api/v1/files/" + fileId);
    Response folder = apiB.get("/api/v1/folders/" + folderId);

    assertThat(file.status()).as(file.toString()).isEqualTo(200);
    assertThat(file.json().get("content").asString()).isEqualTo(TestFiles.BPMN);
    assertThat(file.json().get("metadata").get("revision").asInt()).isEqualTo(1);
    assertThat(file.json().get("metadata").get("folderId").asString()).isEqualTo(folderId);
    assertThat(folder.status()).as(folder.toString()).isEqualTo(200);
  }

  @Test
  void patchWhenSameRevisionThroughBothNodesAtOnceThenExactlyOneWinsEveryRound() throws Exception {
    String projectId = TestFiles.project(apiA);
    String fileId = TestFiles.create(apiA, TestFiles.bpmn(projectId)).json().get("id").asString();
    int rounds = 20;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int i = 1; i <= rounds; i++) {
        int round = i;
        CyclicBarrier together = new CyclicBarrier(2);
        Future<Response> throughA = pool.submit(() -> patch(apiA, together, fileId, round, "A"));
        Future<Response> throughB = pool.submit(() -> patch(apiB, together, fileId, round, "B"));
        List<Integer> statuses = List.of(throughA.get().status(), throughB.get().status());

        assertThat(statuses)
            .as("round %d: %s / %s", round, throughA.get(), throughB.get())
            .containsExactlyInAnyOrder(200, 409);
        Response winner = throughA.get().status() == 200 ? throughA.get() : throughB.get();
        Response readOnA = apiA.get("/api/v1/files/" + fileId);
        Response readOnB = apiB.get("/api/v1/files/" + fileId);
        assertThat(readOnA.json().get("metadata").get("revision").asInt()).isEqualTo(round + 1);
        assertThat(readOnB.body()).isEqualTo(readOnA.body());
        assertThat(readOnA.json().get("content").asString())
            .isEqualTo(contentOf(round, winner == throughA.get() ? "A" : "B"));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Response patch(
      Api api, CyclicBarrier together, String fileId, int revision, String node) throws Exception {
    Map<String, Object> change =
        Api.json("content", contentOf(revision, node), "revision", revision);
    together.await();
    return api.patch("/api/v1/files/" + fileId, change);
  }

  private static String contentOf(int revision, String node) {
    return TestFiles.BPMN.replace("id=\"p\"", "id=\"p_" + node + "_" + revision + "\"");
  }

  private static AtelierProcess.Builder node(String name, String url) {
    return AtelierProcess.named(name)
        .database(url, "postgres", "")
        .issuerUrl(AtelierProcess.SHARED_ISSUER);
  }

  /** A new empty database on the run's PostgreSQL, addressed without zonky's user parameter. */
  static String emptyPostgresDatabase(String prefix) throws Exception {
    String name = prefix + "_" + Long.toHexString(System.nanoTime());
    try (Connection connection = TestDatabase.server().getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + name);
    }
    return "jdbc:postgresql://localhost:" + TestDatabase.server().getPort() + "/" + name;
  }
}
