package vn.warddesk.bot.ward;

import java.time.Instant;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WardStoreTest {
    private static HikariDataSource pool;
    private static WardStore wards;

    @BeforeAll
    static void database() {
        pool = TestDatabase.fresh("ward_store");
        wards = new WardStore(pool);
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void the_existing_data_belongs_to_the_demo_ward_after_the_migration() {
        Ward demo = wards.find("demo-hoa-an").orElseThrow();
        assertEquals("demo-da-nang", demo.provinceId());
        assertTrue(demo.enabled());
    }

    @Test
    void a_ward_is_added_updated_and_disabled_but_never_deleted() {
        Instant now = Instant.parse("2026-12-07T02:00:00Z");
        wards.putProvince(new Province("test-hue", "Thành phố Huế", "Hue City"), now);
        wards.putWard(new Ward("test-thuan-hoa", "test-hue", "Phường Thuận Hóa", "Thuan Hoa Ward", true, false), now);
        wards.putWard(new Ward("test-thuan-hoa", "test-hue", "Phường Thuận Hóa", "Thuan Hoa Ward", true, true), now);

        assertTrue(wards.find("test-thuan-hoa").orElseThrow().officerSecondFactor());
        assertTrue(wards.setEnabled("test-thuan-hoa", false));
        assertFalse(wards.find("test-thuan-hoa").orElseThrow().enabled());
        assertTrue(wards.setEnabled("test-thuan-hoa", false), "disabling twice still names an existing ward");
        assertFalse(wards.setEnabled("no-such-ward", false));
        List<String> ids = wards.list().stream().map(Ward::id).toList();
        assertTrue(ids.contains("test-thuan-hoa") && ids.contains("demo-hoa-an"), ids.toString());
    }

    @Test
    void ids_that_could_not_be_a_path_segment_are_refused_or_not_found() {
        assertTrue(wards.find("../etc").isEmpty());
        assertTrue(wards.find("x".repeat(65)).isEmpty());
        assertThrows(IllegalArgumentException.class,
                     () -> new Ward("Hoa An", "demo-da-nang", "a", "b", true, false));
    }
}
