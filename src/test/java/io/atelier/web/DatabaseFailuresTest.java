package io.atelier.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean "the database is gone" (503) rather than a bug (500). */
class DatabaseFailuresTest {

  @Test
  void isConnectionLossWhenRollbackFailedAfterConnectionDiedThenTrue() {
    TransactionSystemException rollbackFailed =
        new TransactionSystemException("JDBC rollback failed", new SQLException("closed"));
    rollbackFailed.initApplicationException(
        new DataAccessResourceFailureException("I/O error", new SQLException("eof", "08006")));

    assertThat(DatabaseFailures.isConnectionLoss(rollbackFailed)).isTrue();
  }

  /**
   * Seen in the outage test: the commit failed, then the pool's closed connection refused rollback.
   */
  @Test
  void isConnectionLossWhenRollbackOnCommitFailureHitsClosedPoolConnectionThenTrue() {
    TransactionSystemException rollbackFailed =
        new TransactionSystemException(
            "JDBC rollback failed", new SQLException("Connection is closed"));

    assertThat(DatabaseFailures.isConnectionLoss(rollbackFailed)).isTrue();
  }

  @Test
  void isConnectionLossWhenServerShutsDownThenTrue() {
    SQLException adminShutdown = new SQLException("terminating connection", "57P01");

    assertThat(DatabaseFailures.isConnectionLoss(new IllegalStateException(adminShutdown)))
        .isTrue();
  }

  @Test
  void isConnectionLossWhenConstraintViolatedThenFalse() {
    DataIntegrityViolationException duplicate =
        new DataIntegrityViolationException("duplicate", new SQLException("dup", "23505"));

    assertThat(DatabaseFailures.isConnectionLoss(duplicate)).isFalse();
    assertThat(DatabaseFailures.isConnectionLoss(new IllegalStateException("bug"))).isFalse();
  }

  @Test
  void isPoolExhaustedWhenPoolTimedOutWithoutConnectFailureThenTrue() {
    SQLTransientConnectionException timeout =
        new SQLTransientConnectionException("Connection is not available, request timed out");

    assertThat(DatabaseFailures.isPoolExhausted(new IllegalStateException(timeout))).isTrue();
    assertThat(DatabaseFailures.isConnectionLoss(timeout)).isTrue();
  }

  @Test
  void isPoolExhaustedWhenPoolTimedOutAfterConnectFailureThenFalse() {
    SQLTransientConnectionException timeout =
        new SQLTransientConnectionException(
            "Connection is not available, request timed out",
            "08001",
            new SQLException("Connection refused", "08001"));

    assertThat(DatabaseFailures.isPoolExhausted(timeout)).isFalse();
    assertThat(DatabaseFailures.isConnectionLoss(timeout)).isTrue();
  }
}
