package vn.warddesk.bot.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import vn.warddesk.bot.store.StoreException;
import vn.warddesk.bot.ward.Province;
import vn.warddesk.bot.ward.Ward;
import vn.warddesk.bot.ward.WardStore;

/**
 * The catalog of every ward this deployment serves. With a {@code config/wards/} folder (beside the catalog folder,
 * or {@code catalog.wards-dir}) each ward's content is the national procedure texts of the catalog folder ← its
 * province's values ← its own overrides, and provinces and wards are registered in the ward registry at start-up.
 * Without it, the catalog folder alone is the one ward (the layout before many wards). A ward disabled in the
 * registry is not served; that is noticed within {@code catalog.refresh-interval}.
 */
public final class WardCatalogs implements Catalog.ByWard {
    private static final System.Logger LOGGER = System.getLogger(WardCatalogs.class.getName());

    private final Map<String, CatalogStore> byWard;
    private final CatalogStore defaultWard;
    private final WardStore registry;
    private final Optional<ProvinceLayer> provinceLayer;
    private final long refreshNanos;
    private volatile Set<String> disabled = Set.of();
    private volatile long lastCheck = Long.MIN_VALUE;

    private WardCatalogs(Map<String, CatalogStore> byWard, CatalogStore defaultWard, WardStore registry,
                         Duration refresh, Optional<ProvinceLayer> provinceLayer) {
        this.provinceLayer = provinceLayer;
        this.byWard = byWard;
        this.defaultWard = defaultWard;
        this.registry = registry;
        this.refreshNanos = refresh.toNanos();
    }

    /**
     * Reads and validates every ward's content, registers provinces and wards, and loads each ward's live catalog.
     *
     * @param settings the {@code catalog} section
     * @param defaultWardId {@code ward.default-id}: the ward of the old single-ward channels and of staff editors
     * @throws CatalogException a file is broken: the message names the file and the problem
     */
    public static WardCatalogs load(CatalogSettings settings, String defaultWardId, DataSource dataSource, Clock clock) {
        return load(settings, defaultWardId, dataSource, clock, new WardStore(dataSource));
    }

    /** The same over the wiring's one ward registry (Features); the overload above builds its own, for tests. */
    public static WardCatalogs load(CatalogSettings settings, String defaultWardId, DataSource dataSource, Clock clock,
                                    WardStore registry) {
        Path catalogDir = settings.dir();
        Path wardsDir = settings.wardsDir();
        Path provincesDir = settings.provincesDir();
        Duration refresh = settings.refreshInterval();
        Map<String, CatalogStore> byWard = new LinkedHashMap<>();
        if (!Files.isDirectory(wardsDir)) {
            CatalogStore single = CatalogStore.load(settings, dataSource, clock);
            byWard.put(single.wardId(), single);
            return new WardCatalogs(byWard, single, registry, refresh, Optional.empty());
        }
        Seed.Source national = Seed.source(catalogDir);
        // The province layer lives in the database: province.yaml is its first version, a province admin's edits win.
        Map<String, JsonNode> nationalTrees = WardFolders.nationalTrees(national);
        ProvinceLayer layer = new ProvinceLayer(dataSource, clock, nationalTrees);
        WardFolders.ProvinceValues values = layer::seedAndNewest;
        WardFolders.Loaded loaded = WardFolders.load(national, wardsDir, provincesDir, values);
        register(registry, loaded, clock);
        Stamps stamps = new Stamps(dataSource, refresh);
        FieldOrigins origins = new FieldOrigins(layer, nationalTrees);
        Map<String, String> provinceOfWard = new LinkedHashMap<>();
        for (WardFolders.WardEntry ward : loaded.wards()) {
            CatalogStore store = CatalogStore.ofWard(settings, dataSource, clock, ward.seed(),
                    id -> WardFolders.reread(national, wardsDir, provincesDir, values, ward.id(), id), ward.provenance(),
                    stamps);
            store.provenanceFrom(origins);
            byWard.put(ward.id(), store);
            provinceOfWard.put(ward.id(), ward.file().province());
        }
        layer.serve(byWard, provinceOfWard);
        CatalogStore fallback = byWard.getOrDefault(defaultWardId, byWard.values().iterator().next());
        if (!byWard.containsKey(defaultWardId)) {
            LOGGER.log(System.Logger.Level.WARNING, "ward.default-id '" + defaultWardId + "' has no folder in "
                                                    + wardsDir + "; the default ward is " + fallback.wardId());
        }
        fallback.warnIfStaleAtStart();
        fallback.watchMetrics();
        LOGGER.log(System.Logger.Level.INFO, "catalog: " + byWard.size() + " ward(s) in "
                                             + loaded.provinces().size() + " province(s) loaded from " + wardsDir);
        return new WardCatalogs(byWard, fallback, registry, refresh, Optional.of(layer));
    }

    /** Provinces and wards of the folders into the registry; a ward's enabled flag is the registry's own. */
    private static void register(WardStore registry, WardFolders.Loaded loaded, Clock clock) {
        for (WardFolders.ProvinceEntry province : loaded.provinces()) {
            registry.putProvince(new Province(province.id(), province.file().name().vi(),
                                              province.file().name().en()), clock.instant());
        }
        for (WardFolders.WardEntry ward : loaded.wards()) {
            boolean secondFactor = Optional.ofNullable(ward.file().officerSecondFactor())
                    .or(() -> registry.find(ward.id()).map(Ward::officerSecondFactor)).orElse(false);
            registry.putWard(new Ward(ward.id(), ward.file().province(), ward.file().name().vi(),
                                      ward.file().name().en(), true, secondFactor), clock.instant());
        }
    }

    /** The province layer province admins edit; empty in the single-ward layout (no province folders). */
    public Optional<ProvinceLayer> provinceLayer() {
        return provinceLayer;
    }

    /** The default ward's catalog: the old single-ward channels, staff editors, case codes. */
    public CatalogStore defaultCatalog() {
        return defaultWard;
    }

    /** The ids of the wards with content here, in id order (served or not). */
    public List<String> wardIds() {
        return List.copyOf(byWard.keySet());
    }

    /** The catalog of a ward that has content here and is not disabled; empty otherwise. */
    @Override
    public Optional<Catalog> forWard(String wardId) {
        return store(wardId).map(Catalog.class::cast);
    }

    /**
     * Every ward with content here, disabled or not: what an existing case is shown with (its office, procedure,
     * fee), so a citizen can still follow a case of a ward that stopped being served.
     */
    public Catalog.ByWard withContent() {
        return wardId -> Optional.ofNullable(wardId == null ? null : byWard.get(wardId));
    }

    Optional<CatalogStore> store(String wardId) {
        CatalogStore store = wardId == null ? null : byWard.get(wardId);
        if (store == null || disabledNow().contains(wardId)) {
            return Optional.empty();
        }
        return Optional.of(store);
    }

    /** The disabled wards, re-read from the registry at most once per refresh interval. */
    private Set<String> disabledNow() {
        long now = System.nanoTime();
        if (lastCheck == Long.MIN_VALUE || now - lastCheck >= refreshNanos) {
            lastCheck = now;
            try {
                disabled = registry.list().stream().filter(w -> !w.enabled()).map(Ward::id)
                        .collect(Collectors.toUnmodifiableSet());
            } catch (StoreException e) {
                // The database is away: keep the last known answer rather than refuse every ward.
                LOGGER.log(System.Logger.Level.WARNING, "catalog: cannot read the ward registry: " + e.getMessage());
            }
        }
        return disabled;
    }
}
