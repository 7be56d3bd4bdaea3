package vn.warddesk.bot.outbox;

import java.time.Duration;

import io.helidon.config.Config;

/** The {@code outbox} configuration section (documented key by key in config/application.yaml). */
public record DispatcherSettings(boolean enabled, int workers, Duration pollInterval, int maxAttempts,
                                 Duration backoffInitial, double backoffMultiplier, double backoffJitter,
                                 Duration backoffMax, float circuitFailureRate, int circuitMinimumCalls,
                                 Duration circuitOpenWait, Duration botRateWait, Duration claimLease,
                                 Duration coalesce) {
    /**
     * A claim woken by a new reply waits until this long after the previous claim began, so that under load the
     * replies of several inbox commits share one claim (2026-12-08, issue 13); a quiet ward's replies wait for nothing.
     */
    static final Duration DEFAULT_COALESCE = Duration.ofMillis(10);

    public static DispatcherSettings from(Config outbox) {
        return new DispatcherSettings(
                outbox.get("enabled").asBoolean().orElse(true),
                Math.max(1, outbox.get("workers").asInt().orElse(2)),
                outbox.get("poll-interval").as(Duration.class).orElse(Duration.ofSeconds(1)),
                Math.max(1, outbox.get("max-attempts").asInt().orElse(10)),
                outbox.get("backoff.initial").as(Duration.class).orElse(Duration.ofSeconds(2)),
                outbox.get("backoff.multiplier").asDouble().orElse(2.0),
                outbox.get("backoff.jitter").asDouble().orElse(0.3),
                outbox.get("backoff.max").as(Duration.class).orElse(Duration.ofMinutes(10)),
                outbox.get("circuit-breaker.failure-rate").asDouble().orElse(50.0).floatValue(),
                outbox.get("circuit-breaker.minimum-calls").asInt().orElse(10),
                outbox.get("circuit-breaker.open-wait").as(Duration.class).orElse(Duration.ofSeconds(30)),
                outbox.get("bot-rate-wait").as(Duration.class).orElse(Duration.ofSeconds(2)),
                outbox.get("claim-lease").as(Duration.class).orElse(Duration.ofSeconds(30)),
                outbox.get("coalesce").as(Duration.class).orElse(DEFAULT_COALESCE));
    }
}
