package vn.warddesk.bot.catalog;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.testing.TestDatabase;
import vn.warddesk.bot.ward.WardStore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two instances over one database with the repository's wards: versions, edits and re-seeds stay in their ward. */
class WardCatalogsTest {
    private static final String MARITAL = "marital_status_certificate";
    private static HikariDataSource pool;

    @BeforeAll
    static void open() {
        pool = TestDatabase.fresh("ward_catalogs");
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    private static WardCatalogs instance() {
        Config config = Config.just(ConfigSources.create(Map.of("catalog.dir", "../config/catalog",
                                                                "catalog.refresh-interval", "PT0S")));
        return WardCatalogs.load(vn.warddesk.bot.catalog.CatalogSettings.from(config.get("catalog")), "demo-hoa-an", pool, Clock.systemUTC());
    }

    private static Procedure withFee(Procedure p, long amount) {
        Procedure.Fee fee = new Procedure.Fee(amount, false, p.fee().text(), p.fee().lateFine());
        return new Procedure(p.id(), p.reviewed(), p.icon(), p.authority(), p.portalCode(), p.portalCodeUncertain(),
                             p.name(), p.summary(), p.eligibility(), p.documents(), fee, p.processingTime(), p.online(),
                             p.legalBasis(), p.sources(), p.editorNotes(), p.intake(), p.eligibilityUncertain());
    }

    @Test
    void an_edit_of_one_ward_is_seen_by_the_other_instance_and_leaves_the_other_ward_alone() {
        WardCatalogs first = instance();
        WardCatalogs second = instance();
        CatalogStore anCuu = first.store("demo-an-cuu").orElseThrow();

        CatalogStore.Saved saved = anCuu.save(withFee(anCuu.live(MARITAL).orElseThrow().procedure(), 7000), "editor",
                                              null, Optional.empty());

        assertEquals(2, saved.version());
        String seen = second.forWard("demo-an-cuu").orElseThrow().answer(MARITAL, "fee", Lang.VI).orElseThrow().text();
        assertTrue(seen.startsWith("Lệ phí: 7.000 đồng."), seen);
        String other = second.forWard("demo-hoa-an").orElseThrow().answer(MARITAL, "fee", Lang.VI).orElseThrow().text();
        assertTrue(other.startsWith("Lệ phí: 3.000 đồng."), other);
        assertEquals(1, second.store("demo-hoa-an").orElseThrow().history(MARITAL).size(), "versions are per ward");
        assertEquals(5000L, anCuu.seedFile(MARITAL).fee().amountVnd(), "a re-seed reads the layered files again");
    }

    @Test
    void the_registry_gets_the_folders_wards_and_a_disabled_ward_is_not_served() {
        WardCatalogs catalogs = instance();
        WardStore registry = new WardStore(pool);
        assertEquals("demo-hue", registry.find("demo-an-cuu").orElseThrow().provinceId());
        assertTrue(registry.provinces().stream().anyMatch(p -> p.id().equals("demo-hue")));

        registry.setEnabled("demo-an-cuu", false);
        try {
            assertFalse(catalogs.forWard("demo-an-cuu").isPresent());
            instance(); // a restart keeps the registry's flag: the files do not enable a disabled ward
            assertFalse(registry.find("demo-an-cuu").orElseThrow().enabled());
        } finally {
            registry.setEnabled("demo-an-cuu", true);
        }
        assertTrue(catalogs.forWard("demo-an-cuu").isPresent());
        assertFalse(catalogs.forWard("no-such-ward").isPresent());
    }
}
