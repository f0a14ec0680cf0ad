package io.atelier.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.atelier.support.AtelierProcess;
import io.atelier.support.FreePorts;
import io.atelier.support.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A node started with a wrong database setting says which setting is wrong in one line and exits
 * non-zero, without a stack trace. Runs once per build (in the H2 pass); the PostgreSQL cases use
 * the run's embedded PostgreSQL either way.
 */
class DatabaseStartupFailureProcessTest {

  @BeforeEach
  void oncePerBuild() {
    assumeFalse(TestDatabase.isPostgres(), "runs in the H2 pass only");
  }

  @Test
  void startWhenNothingListensAtDatabasePortThenSaysUnreachableAndExitsNonZero() {
    String url = "jdbc:postgresql://127.0.0.1:" + FreePorts.next() + "/modeler";

    String log = failedStart("db-unreachable", url, "postgres");

    assertThat(log)
        .contains(
            "Database unreachable: no connection to the host and port in the URL ("
                + url
                + "): Connection to 127.0.0.1:")
        .contains("Check the host and port in SPRING_DATASOURCE_URL");
  }

  @Test
  void startWhenHostUnknownThenSaysUnreachable() {
    String log = failedStart("db-unknown-host", "jdbc:postgresql://no-such-host.invalid/m", "u");

    assertThat(log).contains("Database unreachable").contains("no-such-host.invalid");
  }

  @Test
  void startWhenUserUnknownThenSaysAuthenticationFailed() {
    String url = postgresUrl("postgres");

    String log = failedStart("db-bad-user", url, "nobody");

    assertThat(log)
        .contains("Database authentication failed: the server refused the user name or password")
        .contains("role \"nobody\" does not exist")
        .contains("Check SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD.");
  }

  @Test
  void startWhenDatabaseMissingThenSaysDoesNotExist() {
    String url = postgresUrl("no_such_database");

    String log = failedStart("db-missing", url, "postgres");

    assertThat(log)
        .contains("Database does not exist: the server is reachable but has no database of that")
        .contains("database \"no_such_database\" does not exist");
  }

  @Test
  void startWhenH2FileUsedByAnotherNodeThenSaysInUse() {
    try (AtelierProcess first = AtelierProcess.named("h2-owner").start().awaitReady()) {
      AtelierProcess second =
          AtelierProcess.named("h2-second").env("ATELIER_DATA_DIR", dataDirectoryOf(first)).start();

      int exitStatus = second.awaitExit(Duration.ofSeconds(90));

      assertThat(exitStatus).isNotZero();
      assertThat(second.logText()).contains("Database is in use by another process");
      assertNoStackTrace(second.logText());
    }
  }

  /** A URL without the user parameter zonky's own URLs carry, so the variable is what counts. */
  private static String postgresUrl(String database) {
    return "jdbc:postgresql://localhost:" + TestDatabase.server().getPort() + "/" + database;
  }

  private static String dataDirectoryOf(AtelierProcess node) {
    return node.environment().get("ATELIER_DATA_DIR");
  }

  private static String failedStart(String name, String url, String username) {
    try (AtelierProcess node = AtelierProcess.named(name).database(url, username, "").start()) {
      int exitStatus = node.awaitExit(Duration.ofSeconds(90));
      String log = node.logText();
      assertThat(exitStatus).as(log).isNotZero();
      assertThat(log).contains("APPLICATION FAILED TO START");
      assertNoStackTrace(log);
      return log;
    }
  }

  private static void assertNoStackTrace(String log) {
    assertThat(log).doesNotContain("\tat ").doesNotContain("Caused by:");
  }
}
