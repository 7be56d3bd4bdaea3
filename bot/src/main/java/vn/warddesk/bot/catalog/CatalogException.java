package vn.warddesk.bot.catalog;

/**
 * The catalog's seed content is broken or missing. The message is one line naming the file, the line when known,
 * the field and the problem, so that an operator can fix it without reading a stack trace.
 */
public final class CatalogException extends RuntimeException {
    CatalogException(String message) {
        super(message);
    }

    CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
