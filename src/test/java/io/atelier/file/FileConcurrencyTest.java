package io.atelier.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.support.Api;
import io.atelier.support.Api.Response;
import io.atelier.support.ApiTest;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Optimistic locking under real contention: two clients, one revision, one winner. */
class FileConcurrencyTest extends ApiTest {

  private static final int ROUNDS = 30;

  @Test
  void updateWhenTwoClientsSendSameRevisionAtOnceThenExactlyOneWins() throws Exception {
    String id =
        TestFiles.create(api, TestFiles.bpmn(TestFiles.project(api))).json().get("id").asString();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 1; round <= ROUNDS; round++) {
        int revision = round;
        String first = TestFiles.BPMN.replace("id=\"s\"", "id=\"first" + revision + "\"");
        String second = TestFiles.BPMN.replace("id=\"s\"", "id=\"second" + revision + "\"");
        CyclicBarrier start = new CyclicBarrier(2);

        Future<Response> a = pool.submit(() -> patch(start, id, first, revision));
        Future<Response> b = pool.submit(() -> patch(start, id, second, revision));

        List<Response> answers = List.of(a.get(), b.get());
        assertThat(answers.stream().map(Response::status))
            .as("round %d: %s", revision, answers)
            .containsExactlyInAnyOrder(200, 409);
        Response loser = answers.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertThat(loser.json().get("currentRevision").asInt()).isEqualTo(revision + 1);
        String winner = answers.get(0).status() == 200 ? first : second;
        Response stored = api.get("/api/v1/files/" + id);
        assertThat(stored.json().get("content").asString()).isEqualTo(winner);
        assertThat(stored.json().get("metadata").get("revision").asInt()).isEqualTo(revision + 1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private Response patch(CyclicBarrier start, String id, String content, int revision)
      throws Exception {
    start.await();
    return api.patch("/api/v1/files/" + id, Api.json("content", content, "revision", revision));
  }
}
