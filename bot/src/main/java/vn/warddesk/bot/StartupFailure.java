package vn.warddesk.bot;

/** Start-up cannot go on; the message is the one line the operator reads (what, and which file or key). */
final class StartupFailure extends RuntimeException {
    StartupFailure(String message) {
        super(message);
    }

    StartupFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
