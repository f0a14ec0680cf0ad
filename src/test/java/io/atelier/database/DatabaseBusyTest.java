package io.atelier.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.file.TestFiles;
import io.atelier.support.Api.Response;
import io.atelier.support.ApiTest;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Every pooled connection in use: requests that need one get 503 saying the server is busy, not
 * that the database is gone, and are served again as soon as a connection is free.
 */
// Two connections: Flyway needs as many at start-up.
@TestPropertySource(
    properties = {
      "spring.datasource.hikari.maximum-pool-size=2",
      "spring.datasource.hikari.connection-timeout=250"
    })
class DatabaseBusyTest extends ApiTest {

  @Autowired DataSource dataSource;

  @Test
  void requestWhenEveryConnectionInUseThen503SayingBusy() throws Exception {
    String projectId = TestFiles.project(api);

    Response busy;
    try (Connection first = dataSource.getConnection();
        Connection second = dataSource.getConnection()) {
      busy = api.get("/api/v1/projects/" + projectId);
    }
    Response afterwards = api.get("/api/v1/projects/" + projectId);

    assertThat(busy.status()).isEqualTo(503);
    assertThat(busy.header("Content-Type")).startsWith("application/problem+json");
    assertThat(busy.json().get("detail").asString())
        .startsWith("The server is busy: every database connection is in use");
    assertThat(busy.body()).doesNotContain("Exception").doesNotContain("Hikari");
    assertThat(afterwards.status()).isEqualTo(200);
  }
}
