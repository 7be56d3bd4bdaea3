package vn.warddesk.bot.store;

/** The database could not be reached, started or migrated; the message says what and where, for one log line. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
