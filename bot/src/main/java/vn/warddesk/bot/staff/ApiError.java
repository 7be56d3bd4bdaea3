package vn.warddesk.bot.staff;

/** An answer other than success: HTTP status, a stable error key and a message safe to show (no data, no internals). */
final class ApiError extends RuntimeException {
    private final int status;
    private final String error;
    private final long retryAfterSeconds;

    ApiError(int status, String error, String message) {
        this(status, error, message, 0);
    }

    ApiError(int status, String error, String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    static ApiError notFound() {
        // The same answer for "does not exist" and "belongs to another ward": existence must not leak.
        return new ApiError(404, "not_found", "No such case in your ward.");
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, "bad_request", message);
    }

    static ApiError forbidden(String message) {
        return new ApiError(403, "forbidden", message);
    }
}
