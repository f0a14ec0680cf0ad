package io.atelier.database;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Turns a start that failed because the database could not be used into one line saying why —
 * unreachable, refused credentials, or a missing database — instead of the whole cause chain.
 * Spring Boot prints the analysis and the process exits with status 1.
 */
public class DatabaseStartupFailureAnalyzer implements FailureAnalyzer, Ordered {

  private static final String URL_VARIABLE = "SPRING_DATASOURCE_URL";
  private static final String CREDENTIAL_VARIABLES =
      "SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD";

  private final Environment environment;

  public DatabaseStartupFailureAnalyzer(Environment environment) {
    this.environment = environment;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public FailureAnalysis analyze(Throwable failure) {
    SQLException database = deepest(failure, SQLException.class);
    if (database == null) {
      return null;
    }
    Problem problem = Problem.of(database, failure);
    if (problem == null) {
      return null;
    }
    String description = "Database " + problem.summary + " (" + url() + "): " + detail(database);
    return new FailureAnalysis(description, problem.action, failure);
  }

  /** The kinds of misconfiguration an operator can fix, each with what to check. */
  private enum Problem {
    UNREACHABLE(
        "unreachable: no connection to the host and port in the URL",
        "Check the host and port in " + URL_VARIABLE + " and that the database server is running."),
    AUTHENTICATION_FAILED(
        "authentication failed: the server refused the user name or password",
        "Check " + CREDENTIAL_VARIABLES + "."),
    DATABASE_MISSING(
        "does not exist: the server is reachable but has no database of that name",
        "Create the database (for PostgreSQL: CREATE DATABASE <name>) or correct its name in "
            + URL_VARIABLE
            + "."),
    IN_USE(
        "is in use by another process: an H2 file database serves one process only",
        "Stop the other process, or run several nodes on PostgreSQL (" + URL_VARIABLE + ").");

    private final String summary;
    private final String action;

    Problem(String summary, String action) {
      this.summary = summary;
      this.action = action;
    }

    static Problem of(SQLException database, Throwable failure) {
      String state = database.getSQLState() == null ? "" : database.getSQLState();
      if (state.equals("28P01") || state.equals("28000")) {
        return AUTHENTICATION_FAILED;
      }
      if (state.equals("3D000") || database.getErrorCode() == 90146) {
        return DATABASE_MISSING;
      }
      if (database.getErrorCode() == 90020) {
        return IN_USE;
      }
      if (state.startsWith("08") || networkFailure(failure)) {
        return UNREACHABLE;
      }
      return null;
    }

    private static boolean networkFailure(Throwable failure) {
      return deepest(failure, ConnectException.class) != null
          || deepest(failure, UnknownHostException.class) != null
          || deepest(failure, NoRouteToHostException.class) != null
          || deepest(failure, SocketTimeoutException.class) != null;
    }
  }

  /** The configured URL without any password it may carry. */
  private String url() {
    String url = environment.getProperty("spring.datasource.url", "");
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  private static <T extends Throwable> T deepest(Throwable failure, Class<T> type) {
    T found = null;
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        found = type.cast(cause);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return found;
  }

  /** The driver's message, and the network's where the driver's alone says little. */
  private static String detail(SQLException database) {
    Throwable root = database;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String detail = firstLine(database.getMessage());
    if (root != database && root.getMessage() != null && !detail.contains(root.getMessage())) {
      detail += " (" + firstLine(root.toString()) + ")";
    }
    return detail;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no detail given";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message.trim() : message.substring(0, newline).trim();
  }
}
