package io.atelier.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

/** Which misconfiguration a failed start is blamed on, from the driver's SQL state. */
class DatabaseStartupFailureAnalyzerTest {

  private final DatabaseStartupFailureAnalyzer analyzer =
      new DatabaseStartupFailureAnalyzer(
          new MockEnvironment()
              .withProperty("spring.datasource.url", "jdbc:postgresql://db/m?password=secret"));

  @Test
  void analyzeWhenPasswordRejectedThenAuthenticationFailedWithoutThePassword() {
    FailureAnalysis analysis =
        analyzer.analyze(startFailure(new SQLException("password authentication failed", "28P01")));

    assertThat(analysis.getDescription())
        .startsWith("Database authentication failed")
        .contains("jdbc:postgresql://db/m?password=***")
        .doesNotContain("secret");
    assertThat(analysis.getAction())
        .isEqualTo("Check SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD.");
  }

  @Test
  void analyzeWhenDatabaseMissingThenDoesNotExist() {
    FailureAnalysis analysis =
        analyzer.analyze(startFailure(new SQLException("database \"m\" does not exist", "3D000")));

    assertThat(analysis.getDescription()).startsWith("Database does not exist");
  }

  @Test
  void analyzeWhenConnectionRefusedThenUnreachable() {
    SQLException refused =
        new SQLException("Connection to db:5432 refused.", "08001", new ConnectException("no"));

    FailureAnalysis analysis = analyzer.analyze(startFailure(refused));

    assertThat(analysis.getDescription())
        .startsWith("Database unreachable")
        .endsWith("Connection to db:5432 refused. (java.net.ConnectException: no)");
  }

  @Test
  void analyzeWhenFailureIsNotAboutTheDatabaseThenLeavesItToOthers() {
    assertThat(analyzer.analyze(new IllegalStateException("port in use"))).isNull();
    assertThat(analyzer.analyze(startFailure(new SQLException("syntax error", "42601")))).isNull();
  }

  private static Throwable startFailure(SQLException cause) {
    return new BeanCreationException("flywayInitializer", "Unable to obtain connection", cause);
  }
}
