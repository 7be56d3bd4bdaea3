package vn.warddesk.bot.testing;

import java.time.Duration;

/**
 * Upper bounds for the tests' waits on an observable event. They are generous on purpose: CI has two cores that run
 * two test forks (each with its own Chromium, server and MariaDB) side by side, and a busy moment there once made a
 * 10 s browser wait time out. A green test never waits this long: every wait ends as soon as its event is seen.
 */
public final class Waits {
    /** For a page to render, react to a click or show a server's answer in headless Chromium. */
    public static final Duration BROWSER = Duration.ofSeconds(60);
    /** For background work (inbox, outbox, webhooks) to reach a state a test can observe. */
    public static final Duration BACKGROUND = Duration.ofSeconds(30);

    private Waits() {
    }
}
