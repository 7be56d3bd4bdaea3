package vn.warddesk.bot.catalog;

import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import vn.warddesk.bot.store.Jdbc;

/**
 * The version stamp of every ward's catalog, read in one query at most once per refresh interval: with hundreds of
 * wards, looking for other instances' edits costs one query a second instead of one per ward (and no answer waits
 * for more than that one). Thread-safe.
 */
final class Stamps implements UnaryOperator<String> {
    private static final String NONE = "0:0";

    private final DataSource dataSource;
    private final long refreshNanos;
    private volatile Map<String, String> stamps = Map.of();
    private volatile long readAt = Long.MIN_VALUE;

    Stamps(DataSource dataSource, Duration refresh) {
        this.dataSource = dataSource;
        this.refreshNanos = refresh.toNanos();
    }

    /** The ward's stamp as of at most one refresh interval ago; throws StoreException when the database is away. */
    @Override
    public String apply(String wardId) {
        long now = System.nanoTime();
        if (readAt == Long.MIN_VALUE || now - readAt >= refreshNanos) {
            stamps = Jdbc.withConnection(dataSource, VersionStore::stamps);
            readAt = now;
        }
        return stamps.getOrDefault(wardId, NONE);
    }
}
