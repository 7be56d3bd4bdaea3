package vn.warddesk.bot.store;

/** The database could not be reached, started or migrated; the message says what and where, for one log line. */
public class StoreException extends RuntimeException {
    /** Connector/J's SQLState after it reconnected to another host: the transaction in progress was lost. */
    private static final String FAILOVER = "25S03";

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }

    /**
     * True when InnoDB rolled the transaction back as a deadlock victim (or a lock wait ran out): nothing of it was
     * kept, so running it again is safe.
     */
    public boolean rolledBackByLockConflict() {
        return isLockConflict(getCause());
    }

    /**
     * True when running the work again in a new transaction is safe and likely to succeed: it was rolled back by a lock
     * conflict (InnoDB deadlock or lock wait timeout, or a Galera certification failure, also error 1213 / SQLState
     * 40001), or the driver lost the connection and reconnected to another node ({@code jdbc:mariadb:sequential://}
     * failover, SQLState 25S03), which rolled the transaction back. A failover during COMMIT leaves the outcome
     * unknown: {@link Jdbc#inTransaction} does not repeat work in that case.
     */
    public boolean retryable() {
        return isRetryable(getCause());
    }

    public static boolean isRetryable(Throwable error) {
        return isLockConflict(error) || isFailover(error);
    }

    /** True when the driver reconnected to another host after a communications failure (the transaction was lost). */
    static boolean isFailover(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && FAILOVER.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code error} or one of its causes is InnoDB's deadlock or lock-wait-timeout error. */
    public static boolean isLockConflict(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql
                && ("40001".equals(sql.getSQLState()) || sql.getErrorCode() == 1213 || sql.getErrorCode() == 1205)) {
                return true;
            }
        }
        return false;
    }
}
