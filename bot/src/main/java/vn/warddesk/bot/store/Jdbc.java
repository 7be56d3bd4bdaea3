package vn.warddesk.bot.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

/** Runs work in one JDBC transaction: commit on success, rollback on any failure. */
public final class Jdbc {
    /** Attempts of one transaction rolled back by a lock conflict, a certification failure or a failover. */
    static final int ATTEMPTS = 4;

    private Jdbc() {
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in a transaction. When the database rolled it back whole (deadlock, lock wait timeout, a
     * Galera certification failure — at any statement or at COMMIT — or a failover to another node before COMMIT), the
     * work runs again in a new transaction, up to {@value #ATTEMPTS} times with a short random pause: {@code work}
     * must therefore do nothing outside the connection that cannot be done twice. A connection lost during COMMIT is
     * not repeated (the commit may have happened) and surfaces as a {@link StoreException}.
     */
    public static <T> T inTransaction(DataSource dataSource, Work<T> work) {
        return inTransaction(dataSource, Connection.TRANSACTION_REPEATABLE_READ, work);
    }

    /**
     * The same in READ COMMITTED: for range deletes and updates (retention) that must lock only the rows they change,
     * not the gaps that the inbox's batches insert into at the same time.
     */
    public static <T> T inReadCommitted(DataSource dataSource, Work<T> work) {
        return inTransaction(dataSource, Connection.TRANSACTION_READ_COMMITTED, work);
    }

    private static <T> T inTransaction(DataSource dataSource, int isolation, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(dataSource, isolation, work);
            } catch (StoreException e) {
                if (attempt >= ATTEMPTS || !e.retryable() || e instanceof CommitOutcomeUnknown) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private static <T> T once(DataSource dataSource, int isolation, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (isolation == Connection.TRANSACTION_READ_COMMITTED) {
                    // For this transaction only: the session stays at the pool's REPEATABLE READ, so there is nothing
                    // to set back. Setting the session's level and resetting it were two round trips of each inbox
                    // and outbox claim, a tenth of all statements per update (issue 13, 2026-12-07).
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
                    }
                }
                T result = work.run(connection);
                commit(connection);
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            } finally {
                resetQuietly(connection);
            }
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }

    private static void commit(Connection connection) throws SQLException {
        try {
            connection.commit();
        } catch (SQLException e) {
            if (StoreException.isLockConflict(e)) {
                throw e; // certification failure or deadlock at COMMIT: rolled back, safe to run again
            }
            throw new CommitOutcomeUnknown(e);
        }
    }

    /** The connection failed during COMMIT: the transaction may or may not have been committed. */
    static final class CommitOutcomeUnknown extends StoreException {
        CommitOutcomeUnknown(SQLException cause) {
            super("database error during commit (outcome unknown): " + cause.getMessage(), cause);
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is gone with its transaction; the original error says why.
        }
    }

    private static void resetQuietly(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // Broken connection: the pool discards it.
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 25L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while retrying a transaction", e);
        }
    }

    public static <T> T withConnection(DataSource dataSource, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }
}
