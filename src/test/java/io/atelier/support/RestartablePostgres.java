package io.atelier.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL (embedded binaries from Maven Central) that a test can stop and start again on
 * the same port with the same data, to play a database outage. Separate from the run's shared
 * server in {@link TestDatabase}, which other tests keep using meanwhile.
 */
public final class RestartablePostgres implements AutoCloseable {

  private final Path dataDirectory;
  private final int port;
  private EmbeddedPostgres server;

  private RestartablePostgres(Path dataDirectory, int port) {
    this.dataDirectory = dataDirectory;
    this.port = port;
  }

  /** Starts a server with an empty data directory under {@code target/}. */
  public static RestartablePostgres start() {
    try {
      Path parent = Files.createDirectories(Path.of("target", "postgres"));
      RestartablePostgres postgres =
          new RestartablePostgres(
              Files.createTempDirectory(parent, "data-").toAbsolutePath(), FreePorts.next());
      postgres.startServer();
      return postgres;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the server again after {@link #stop()}, on the same port and data. */
  public synchronized void startServer() {
    if (server != null) {
      return;
    }
    try {
      server =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setPort(port)
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start PostgreSQL on port " + port, e);
    }
  }

  /** A fast shutdown: open sessions are ended, connections refused until started again. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      server = null;
    }
  }

  /** Creates a database and returns its JDBC URL (user {@code postgres}, no password). */
  public String createDatabase(String name) {
    try (Connection connection = running().getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create database " + name, e);
    }
    return jdbcUrl(name);
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port + "/" + database;
  }

  public int port() {
    return port;
  }

  private synchronized EmbeddedPostgres running() {
    if (server == null) {
      throw new IllegalStateException("PostgreSQL is stopped");
    }
    return server;
  }

  @Override
  public void close() {
    stop();
  }
}
