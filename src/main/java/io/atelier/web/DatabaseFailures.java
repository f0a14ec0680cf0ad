package io.atelier.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Recognises a lost database connection behind exceptions Spring does not translate as one: a
 * commit or rollback the JDBC driver could not carry out ({@link TransactionSystemException}; in
 * practice the connection died under it, and the pool's "Connection is closed" carries no SQL
 * state), or a driver exception that arrives untranslated. Those mean 503, not 500.
 */
public final class DatabaseFailures {

  private DatabaseFailures() {}

  public static boolean isConnectionLoss(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof TransactionSystemException) {
        return true;
      }
      if (cause instanceof DataAccessResourceFailureException
          || cause instanceof CannotCreateTransactionException
          || cause instanceof SQLTransientConnectionException
          || cause instanceof SQLNonTransientConnectionException
          || cause instanceof SQLRecoverableException
          || cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
        return true;
      }
      if (cause.getCause() == cause) {
        return false;
      }
    }
    return false;
  }

  /**
   * Whether the pool gave up waiting for a connection while every one was in use. The pool names
   * the last failure to connect as the cause of its timeout and forgets it once a connection
   * succeeds; a timeout without a cause therefore means the database is up and busy.
   */
  public static boolean isPoolExhausted(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException timeout) {
        return timeout.getCause() == null;
      }
      if (cause.getCause() == cause) {
        return false;
      }
    }
    return false;
  }

  /** SQL state class 08 (connection exception) and PostgreSQL's 57P0x (server shutting down). */
  private static boolean isConnectionState(String state) {
    return state != null && (state.startsWith("08") || state.startsWith("57P0"));
  }
}
