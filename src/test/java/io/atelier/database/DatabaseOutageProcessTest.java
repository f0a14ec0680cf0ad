package io.atelier.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.atelier.file.TestFiles;
import io.atelier.support.Api;
import io.atelier.support.Api.Response;
import io.atelier.support.AtelierProcess;
import io.atelier.support.RestartablePostgres;
import io.atelier.support.TestDatabase;
import io.atelier.support.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped under load and started again: while it is down, readiness says so and the API
 * answers 503 with a problem body; once it is back, the same process serves 200s again and no write
 * was half done. Runs in the PostgreSQL pass.
 */
class DatabaseOutageProcessTest {

  private static final Duration OUTAGE = Duration.ofSeconds(6);

  private RestartablePostgres postgres;
  private AtelierProcess node;
  private final List<Response> answers = Collections.synchronizedList(new ArrayList<>());
  private final AtomicBoolean loadRunning = new AtomicBoolean(true);

  @AfterEach
  void stopEverything() {
    loadRunning.set(false);
    if (node != null) {
      node.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void loadWhenDatabaseStopsAndReturnsThen503ProblemsThenServesAgainWithoutRestart()
      throws Exception {
    // given
    assumeTrue(TestDatabase.isPostgres(), "runs in the PostgreSQL pass");
    postgres = RestartablePostgres.start();
    String url = postgres.createDatabase("outage");
    node = AtelierProcess.named("outage").database(url, "postgres", "").start().awaitReady();
    long pid = node.pid();
    Api api = node.api(node.adminToken());
    String projectId = TestFiles.project(api);
    String fileId = TestFiles.create(api, TestFiles.bpmn(projectId)).json().get("id").asString();
    ExecutorService load = Executors.newFixedThreadPool(3);
    load.submit(() -> readLoop(api, fileId));
    load.submit(() -> readLoop(api, fileId));
    load.submit(() -> writeLoop(api, fileId));
    Thread.sleep(1000);

    // when
    answers.clear();
    postgres.stop();
    int readinessWhileDown = awaitReadiness(status -> status == 503, OUTAGE);
    String readinessBody = node.readinessBody();
    HttpResponse<String> tokenWhileDown =
        TestTokens.request(
            node.identityPort(),
            "client_id=test-admin&client_secret=test-secret&grant_type=client_credentials");
    Thread.sleep(OUTAGE.toMillis());
    List<Response> whileDown = snapshot();
    postgres.startServer();
    long back = System.nanoTime();
    Response recovered = awaitStatus(api, "/api/v1/files/" + fileId, 200, Duration.ofSeconds(30));
    Duration recovery = Duration.ofNanos(System.nanoTime() - back);
    int readinessAfter = awaitReadiness(status -> status == 200, Duration.ofSeconds(30));
    answers.clear();
    Thread.sleep(1000);
    List<Response> afterRecovery = snapshot();
    loadRunning.set(false);
    load.shutdown();
    load.awaitTermination(30, TimeUnit.SECONDS);

    // then
    assertThat(readinessWhileDown).isEqualTo(503);
    assertThat(readinessBody).contains("\"db\":{").contains("\"status\":\"DOWN\"");
    assertThat(tokenWhileDown.statusCode()).as(tokenWhileDown.body()).isEqualTo(503);
    assertThat(tokenWhileDown.body())
        .contains("\"error\":\"temporarily_unavailable\"")
        .doesNotContain("Exception");
    assertThat(whileDown).isNotEmpty();
    assertThat(whileDown)
        .allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isIn(200, 503));
    List<Response> unavailable = whileDown.stream().filter(a -> a.status() == 503).toList();
    assertThat(unavailable).hasSizeGreaterThan(3);
    assertThat(unavailable).allSatisfy(DatabaseOutageProcessTest::isProblemWithoutInternals);
    assertThat(recovered.status()).isEqualTo(200);
    assertThat(recovery).as("recovery time").isLessThan(Duration.ofSeconds(10));
    assertThat(readinessAfter).isEqualTo(200);
    assertThat(afterRecovery).isNotEmpty();
    assertThat(afterRecovery)
        .allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isIn(200, 409));
    assertThat(afterRecovery.stream().filter(a -> a.status() == 200).count()).isPositive();
    assertThat(node.pid()).isEqualTo(pid);
    assertThat(node.isAlive()).isTrue();
    Response file = api.get("/api/v1/files/" + fileId);
    int revision = file.json().get("metadata").get("revision").asInt();
    assertThat(file.json().get("content").asString())
        .as("content belongs to its revision: no half-written update")
        .isEqualTo(contentOf(revision));
  }

  private static void isProblemWithoutInternals(Response answer) {
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertThat(answer.json().get("status").asInt()).isEqualTo(503);
    assertThat(answer.json().get("title").asString()).isEqualTo("Service Unavailable");
    assertThat(answer.json().get("detail").asString()).contains("database");
    assertThat(answer.body())
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("org.")
        .doesNotContain("SQL");
  }

  private void readLoop(Api api, String fileId) {
    while (loadRunning.get()) {
      answers.add(api.get("/api/v1/files/" + fileId));
    }
  }

  /** Updates the file again and again; content names the revision it creates. */
  private void writeLoop(Api api, String fileId) {
    int revision = 1;
    while (loadRunning.get()) {
      Map<String, Object> change =
          Api.json("content", contentOf(revision + 1), "revision", revision);
      Response answer = api.patch("/api/v1/files/" + fileId, change);
      answers.add(answer);
      if (answer.status() == 200) {
        revision++;
      } else if (answer.status() == 409) {
        revision =
            api.get("/api/v1/files/" + fileId).json().get("metadata").get("revision").asInt();
      } else {
        pause();
      }
    }
  }

  private static String contentOf(int revision) {
    return revision == 1
        ? TestFiles.BPMN
        : TestFiles.BPMN.replace("id=\"p\"", "id=\"p_" + revision + "\"");
  }

  private List<Response> snapshot() {
    synchronized (answers) {
      return List.copyOf(answers);
    }
  }

  private int awaitReadiness(java.util.function.IntPredicate wanted, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int status = node.readinessStatus();
    while (!wanted.test(status) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      status = node.readinessStatus();
    }
    return status;
  }

  private static Response awaitStatus(Api api, String path, int status, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Response answer = api.get(path);
    while (answer.status() != status && System.nanoTime() < deadline) {
      Thread.sleep(100);
      answer = api.get(path);
    }
    return answer;
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
