package vn.warddesk.bot.catalog;

import java.nio.file.Path;
import java.time.Duration;

import io.helidon.config.Config;

/**
 * The {@code catalog} section (documented key by key in config/application.yaml): where the national content, the
 * wards' and the provinces' folders are, how often a look checks for an editor's change, and when content is stale.
 *
 * @param wardsDir     {@code catalog.wards-dir}, else {@code wards} next to the catalog folder
 * @param provincesDir {@code catalog.provinces-dir}, else {@code provinces} next to the catalog folder
 */
public record CatalogSettings(Path dir, Path wardsDir, Path provincesDir, Duration refreshInterval,
                              Freshness.Settings freshness) {
    /** Read by the one settings reader (WardDeskSettings); a test may call it on a {@code catalog} section. */
    public static CatalogSettings from(Config catalog) {
        Path dir = Path.of(catalog.get("dir").asString().orElse(Seed.DEFAULT_DIR));
        return new CatalogSettings(dir,
                                   catalog.get("wards-dir").asString().map(Path::of).orElse(dir.resolveSibling("wards")),
                                   catalog.get("provinces-dir").asString().map(Path::of)
                                           .orElse(dir.resolveSibling("provinces")),
                                   catalog.get("refresh-interval").as(Duration.class).orElse(Duration.ofSeconds(1)),
                                   Freshness.Settings.from(catalog));
    }

}
