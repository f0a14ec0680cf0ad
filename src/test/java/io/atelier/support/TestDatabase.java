package io.atelier.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The database a test run uses, chosen by the system property {@code atelier.test.database}: an
 * in-memory H2 by default, or a real PostgreSQL (embedded binaries from Maven Central, started once
 * per JVM) when it is {@code postgresql}. Maven's build runs the suite once with each.
 */
public final class TestDatabase {

  private static EmbeddedPostgres postgres;

  private TestDatabase() {}

  public static boolean isPostgres() {
    return "postgresql".equals(System.getProperty("atelier.test.database"));
  }

  /** Points a Spring context at the run's shared database. */
  public static void register(DynamicPropertyRegistry registry) {
    String url = sharedUrl();
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> isPostgres() ? "postgres" : "sa");
    registry.add("spring.datasource.password", () -> "");
  }

  private static String sharedUrl;

  /** The JDBC URL of the database every context of this run shares. */
  public static synchronized String sharedUrl() {
    if (sharedUrl == null) {
      sharedUrl = freshDatabaseUrl();
    }
    return sharedUrl;
  }

  /** A new, empty database, for tests that need one of their own. */
  public static synchronized String freshDatabaseUrl() {
    String name = "atelier_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    if (!isPostgres()) {
      return "jdbc:h2:mem:"
          + name
          + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }
    try (Connection connection = server().getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create test database " + name, e);
    }
    return server().getJdbcUrl("postgres", name);
  }

  /** The embedded PostgreSQL server, started on first use. */
  public static synchronized EmbeddedPostgres server() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stop));
    }
    return postgres;
  }

  private static void stop() {
    try {
      postgres.close();
    } catch (IOException ignored) {
      // The JVM is exiting; the server's directory is temporary.
    }
  }
}
