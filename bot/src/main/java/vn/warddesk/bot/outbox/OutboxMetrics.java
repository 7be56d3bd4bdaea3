package vn.warddesk.bot.outbox;

import java.util.concurrent.atomic.AtomicLong;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;

/**
 * Outbox meters in the global registry (shown at /observe/metrics): counters of sent, retried and failed messages,
 * gauges of queued messages and the age of the oldest one still pending. The gauges read values the dispatcher
 * refreshes from the table, so they count rows of every instance, not just this one.
 */
final class OutboxMetrics {
    private static final AtomicLong QUEUED = new AtomicLong();
    private static final AtomicLong OLDEST_AGE_SECONDS = new AtomicLong();
    /** Per channel: is its circuit breaker open (sends paused)? The newest dispatcher's breaker answers. */
    private static final java.util.Map<String, java.util.function.BooleanSupplier> CIRCUIT_OPEN =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final Counter sent;
    private final Counter retried;
    private final Counter failed;

    OutboxMetrics() {
        MeterRegistry registry = Metrics.globalRegistry();
        sent = registry.getOrCreate(Counter.builder("warddesk.outbox.sent").description("Messages delivered"));
        retried = registry.getOrCreate(Counter.builder("warddesk.outbox.retried")
                                               .description("Delivery attempts that will be retried"));
        failed = registry.getOrCreate(Counter.builder("warddesk.outbox.failed")
                                              .description("Messages given up (failure_reason is shown to staff)"));
        registry.getOrCreate(Gauge.builder("warddesk.outbox.queued", QUEUED::get)
                                     .description("Messages waiting to be sent"));
        registry.getOrCreate(Gauge.builder("warddesk.outbox.oldest.pending.seconds", OLDEST_AGE_SECONDS::get)
                                     .description("Age of the oldest message waiting to be sent"));
    }

    /** {@code warddesk.outbox.circuit.open{channel=…}}: 1 while the channel's circuit breaker holds sends back. */
    void circuit(String channel, java.util.function.BooleanSupplier open) {
        CIRCUIT_OPEN.put(channel, open);
        Metrics.globalRegistry().getOrCreate(
                Gauge.builder("warddesk.outbox.circuit.open",
                              () -> CIRCUIT_OPEN.getOrDefault(channel, () -> false).getAsBoolean() ? 1 : 0)
                        .addTag(io.helidon.metrics.api.Tag.create("channel", channel))
                        .description("1 while the platform's circuit breaker is open (sends paused)"));
    }

    void sent() {
        sent.increment();
    }

    void retried() {
        retried.increment();
    }

    void failed() {
        failed.increment();
    }

    void pending(long queued, long oldestAgeSeconds) {
        QUEUED.set(queued);
        OLDEST_AGE_SECONDS.set(oldestAgeSeconds);
    }
}
