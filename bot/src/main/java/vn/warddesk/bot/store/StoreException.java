package vn.warddesk.bot.store;

/** The database could not be reached, started or migrated; the message says what and where, for one log line. */
public final class StoreException extends RuntimeException {
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
