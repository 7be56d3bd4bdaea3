package vn.warddesk.bot.catalog;

import java.util.concurrent.atomic.AtomicReference;

import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;

/**
 * Catalog gauges in the global registry (/observe/metrics): procedures that need an editor
 * ({@code warddesk_catalog_stale_procedures}: review overdue, legal basis expired or expiring) and procedures with
 * facts marked uncertain. They read the live content each time they are scraped, so an edit shows at once.
 */
final class CatalogMetrics {
    /** The store the gauges read; the newest one loaded (one per process outside tests). */
    private static final AtomicReference<CatalogStore> STORE = new AtomicReference<>();

    private CatalogMetrics() {
    }

    static void watch(CatalogStore store) {
        STORE.set(store);
        MeterRegistry registry = Metrics.globalRegistry();
        registry.getOrCreate(Gauge.builder("warddesk.catalog.stale.procedures",
                                           () -> count(report -> report.needingAction().size()))
                                     .description("Procedures whose review is overdue or whose legal basis has expired"
                                                  + " or expires within catalog.expiry-warning"));
        registry.getOrCreate(Gauge.builder("warddesk.catalog.uncertain.procedures",
                                           () -> count(report -> report.withKind(Freshness.Kind.UNCERTAIN).size()))
                                     .description("Procedures with facts marked uncertain (shown as 'confirm at the desk')"));
    }

    private static long count(java.util.function.ToIntFunction<Freshness.Report> procedures) {
        CatalogStore store = STORE.get();
        if (store == null) {
            return 0;
        }
        try {
            return procedures.applyAsInt(store.freshness());
        } catch (RuntimeException e) {
            return -1; // the database is away: a scrape must not fail, and -1 cannot be mistaken for "all fresh"
        }
    }
}
