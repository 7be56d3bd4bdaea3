package vn.warddesk.bot.inbox;

import java.util.concurrent.atomic.AtomicLong;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;

/**
 * Inbox meters in the global registry (/observe/metrics): events handled, retried and failed; gauges of pending and
 * failed rows and of the age of the oldest pending one, refreshed from the table (so they cover every instance).
 */
final class InboxMetrics {
    private static final AtomicLong PENDING = new AtomicLong();
    private static final AtomicLong OLDEST_AGE_MILLIS = new AtomicLong();
    private static final AtomicLong FAILED_ROWS = new AtomicLong();

    private final Counter handled;
    private final Counter retried;
    private final Counter failed;

    InboxMetrics() {
        MeterRegistry registry = Metrics.globalRegistry();
        handled = registry.getOrCreate(Counter.builder("warddesk.inbox.handled")
                                               .description("Accepted webhook events handled by the engine"));
        retried = registry.getOrCreate(Counter.builder("warddesk.inbox.retried")
                                               .description("Engine failures that will be retried"));
        failed = registry.getOrCreate(Counter.builder("warddesk.inbox.failed")
                                              .description("Events given up after the retry budget"));
        registry.getOrCreate(Gauge.builder("warddesk.inbox.pending", PENDING::get)
                                     .description("Accepted events waiting for the engine"));
        registry.getOrCreate(Gauge.builder("warddesk.inbox.oldest.pending.milliseconds", OLDEST_AGE_MILLIS::get)
                                     .description("Age of the oldest accepted event waiting for the engine"));
        registry.getOrCreate(Gauge.builder("warddesk.inbox.failed.rows", FAILED_ROWS::get)
                                     .description("Events kept as failed for the operator"));
    }

    void handled() {
        handled.increment();
    }

    void retried() {
        retried.increment();
    }

    void failed() {
        failed.increment();
    }

    void backlog(InboxStore.Backlog backlog) {
        PENDING.set(backlog.pending());
        OLDEST_AGE_MILLIS.set(backlog.oldestPending().toMillis());
        FAILED_ROWS.set(backlog.failed());
    }
}
