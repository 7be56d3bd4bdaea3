package vn.warddesk.bot.observe;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.webserver.http.Filter;

/**
 * Meters the operator's alerts need that no feature owns (deploy/observability/alerts.yaml): HTTP responses by status
 * class, whether the database answers, cases waiting past their claim SLA. Gauges that ask the database are cached
 * for {@link #CACHE}, so a scrape every few seconds costs at most one query per gauge and period.
 */
public final class OperationsMetrics {
    static final Duration CACHE = Duration.ofSeconds(10);

    private OperationsMetrics() {
    }

    /** A routing filter counting responses in {@code warddesk.http.responses} tagged {@code class=2xx|3xx|4xx|5xx}. */
    public static Filter responses() {
        MeterRegistry registry = Metrics.globalRegistry();
        Counter[] byClass = new Counter[6];
        for (int c = 1; c <= 5; c++) {
            byClass[c] = registry.getOrCreate(Counter.builder("warddesk.http.responses")
                                                      .description("HTTP responses by status class")
                                                      .addTag(io.helidon.metrics.api.Tag.create("class", c + "xx")));
        }
        return (chain, request, response) -> {
            try {
                chain.proceed();
            } catch (RuntimeException e) {
                byClass[5].increment();
                throw e;
            }
            int code = response.status().code();
            byClass[Math.min(5, Math.max(1, code / 100))].increment();
        };
    }

    /** {@code warddesk.database.up}: 1 while the database answers, 0 otherwise (what readiness reports). */
    public static void databaseUp(BooleanSupplier reachable) {
        Cached cached = new Cached(() -> reachable.getAsBoolean() ? 1 : 0);
        Metrics.globalRegistry().getOrCreate(Gauge.builder("warddesk.database.up", cached::get)
                                                     .description("1 while the database answers, else 0"));
    }

    /** {@code warddesk.cases.late}: new cases not claimed within staff.claim-within, over all wards. */
    public static void lateCases(LongSupplier count) {
        Cached cached = new Cached(count);
        Metrics.globalRegistry().getOrCreate(Gauge.builder("warddesk.cases.late", cached::get)
                                                     .description("New cases waiting longer than staff.claim-within"));
    }

    /** A value read at most once per {@link #CACHE}; a failed read keeps the last value. */
    private static final class Cached {
        private final LongSupplier source;
        private final AtomicLong value = new AtomicLong();
        private volatile Instant readAt = Instant.EPOCH;

        Cached(LongSupplier source) {
            this.source = source;
        }

        long get() {
            Instant now = Instant.now();
            if (Duration.between(readAt, now).compareTo(CACHE) >= 0) {
                readAt = now;
                try {
                    value.set(source.getAsLong());
                } catch (RuntimeException e) {
                    // The database is away: keep the last value; warddesk.database.up says why.
                }
            }
            return value.get();
        }
    }
}
