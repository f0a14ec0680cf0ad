package io.atelier.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.atelier.support.Api;
import io.atelier.support.AtelierProcess;
import io.atelier.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Prometheus text on the management port, from a real process as operators scrape it. */
class MetricsProcessTest {

  private AtelierProcess node;

  @AfterEach
  void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void metricsWhenApiCalledThenRequestIsTimedWithoutSpringSecurityObservations() {
    // given
    assumeFalse(
        TestDatabase.isPostgres(), "the node uses its own H2 file; once per build is enough");
    node = AtelierProcess.named("metrics").start().awaitReady();
    Api.Response info = node.api(node.adminToken()).get("/api/v1/info");

    // when
    Api.Response metrics = new Api(node.managementUrl(), null).get("/metrics");

    // then
    assertThat(info.status()).isEqualTo(200);
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body())
        .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/v1/info\"")
        .doesNotContain("spring_security_");
  }
}
