package io.atelier.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.atelier.support.Api;
import io.atelier.support.AtelierProcess;
import io.atelier.support.TestDatabase;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SIGTERM on a real process: readiness drops first, the request in flight finishes, exit 0. */
class GracefulShutdownProcessTest {

  private AtelierProcess node;

  @AfterEach
  void killNode() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void sigtermWhenRequestInFlightThenReadinessDropsRequestCompletesAndExitIsZero()
      throws Exception {
    // given
    assumeFalse(
        TestDatabase.isPostgres(), "the node uses its own H2 file; once per build is enough");
    node =
        AtelierProcess.named("graceful")
            .env("ATELIER_TEST_SLOW_ENDPOINT", "true")
            .env("ATELIER_SHUTDOWN_DRAIN_DELAY", "3s")
            .start()
            .awaitReady();
    Api api = node.api(null);
    CompletableFuture<Api.Response> inFlight =
        CompletableFuture.supplyAsync(() -> api.get("/test/slow?millis=4000"));
    Thread.sleep(500);

    // when
    node.terminate();
    int readinessWhileDraining = awaitReadinessOtherThan200(Duration.ofSeconds(3));
    Api.Response duringDrain = api.get("/api/v1/info");
    Api.Response slow = inFlight.get();
    int exitStatus = node.awaitExit(Duration.ofSeconds(30));

    // then
    assertThat(readinessWhileDraining).isEqualTo(503);
    assertThat(duringDrain.status()).as("served while draining").isEqualTo(401);
    assertThat(slow.status()).isEqualTo(200);
    assertThat(slow.body()).isEqualTo("{\"sleptMillis\":4000}");
    assertThat(exitStatus).as(node.logTail()).isZero();
    String log = node.logText();
    assertThat(log.indexOf("Shutting down: readiness reports OUT_OF_SERVICE"))
        .isPositive()
        .isLessThan(log.indexOf("Graceful shutdown complete"));
  }

  private int awaitReadinessOtherThan200(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int status = node.readinessStatus();
    while (status == 200 && System.nanoTime() < deadline) {
      Thread.sleep(50);
      status = node.readinessStatus();
    }
    return status;
  }
}
