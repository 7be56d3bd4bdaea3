package vn.warddesk.bot.inbox;

import java.time.Duration;

import io.helidon.config.Config;

/** The {@code inbox} configuration section (documented key by key in config/application.yaml). */
public record InboxSettings(boolean enabled, int workers, Duration pollInterval, int maxAttempts,
                            Duration backoffInitial, Duration backoffMax, Duration keepFailed, int batch) {
    /** Events per batch unless configured: one commit for up to this many turns. */
    public static final int DEFAULT_BATCH = 32;

    /** With the default batch size. */
    public InboxSettings(boolean enabled, int workers, Duration pollInterval, int maxAttempts, Duration backoffInitial,
                         Duration backoffMax, Duration keepFailed) {
        this(enabled, workers, pollInterval, maxAttempts, backoffInitial, backoffMax, keepFailed, DEFAULT_BATCH);
    }

    public static InboxSettings from(Config inbox) {
        return new InboxSettings(
                inbox.get("enabled").asBoolean().orElse(true),
                Math.max(1, inbox.get("workers").asInt().orElse(2)),
                inbox.get("poll-interval").as(Duration.class).orElse(Duration.ofSeconds(1)),
                Math.max(1, inbox.get("max-attempts").asInt().orElse(5)),
                inbox.get("backoff.initial").as(Duration.class).orElse(Duration.ofSeconds(1)),
                inbox.get("backoff.max").as(Duration.class).orElse(Duration.ofMinutes(5)),
                inbox.get("keep-failed").as(Duration.class).orElse(Duration.ofDays(7)),
                Math.max(1, Math.min(500, inbox.get("batch").asInt().orElse(DEFAULT_BATCH))));
    }
}
