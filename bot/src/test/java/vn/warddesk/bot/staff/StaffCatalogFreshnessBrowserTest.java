package vn.warddesk.bot.staff;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import vn.warddesk.bot.StaffServerSupport;
import vn.warddesk.bot.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalog editor's banner in Chromium, on a server whose clock says 15 January 2027: the civil-status law and
 * Decrees 120/2025 and 151/2025 end on 1 March 2027, within the 60-day warning, so editors see what to update.
 */
@ServerTest
class StaffCatalogFreshnessBrowserTest {
    private static final Clock JANUARY_2027 = Clock.fixed(Instant.parse("2027-01-15T02:00:00Z"), ZoneOffset.UTC);
    private static HikariDataSource pool;
    private final URI uri;

    StaffCatalogFreshnessBrowserTest(URI uri) {
        this.uri = uri;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        pool = TestDatabase.fresh("staff_catalog_freshness");
        Map<String, String> map = new HashMap<>();
        map.put("staff.seed-demo-accounts", "true");
        map.put("privacy.hash-key", "test-key");
        StaffServerSupport.configure(server, Config.just(ConfigSources.create(map)), pool, JANUARY_2027);
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void editors_see_which_procedures_rest_on_a_legal_basis_that_ends_within_sixty_days() {
        try (StaffBrowser b = new StaffBrowser(uri.toString().replaceAll("/$", ""))) {
            b.signIn("demo.editor", "demo-editor-2026");
            b.await(By.id("catalog-stale"));
            String banner = b.driver().findElement(By.id("catalog-stale")).getText();
            assertTrue(banner.contains("Cần cập nhật ngay"), banner);
            assertTrue(banner.contains("Đăng ký khai sinh — 60/2014/QH13 ends on 2027-03-01 (in 45 days), replaced by 03/2026/QH16"),
                       banner);
            assertTrue(banner.contains("151/2025/NĐ-CP ends on 2027-03-01"), "land is listed too: " + banner);
            String changes = b.driver().findElement(By.id("catalog-changes")).getText();
            assertTrue(changes.contains("03/2026/QH16 comes into force on 2027-03-01"), changes);
            b.screenshot("catalog-freshness-banner");
        }
    }

    @Test
    void officers_are_refused_the_freshness_report() {
        StaffApi api = new StaffApi(uri);
        StaffApi.Session officer = api.signIn("demo.officer", "demo-officer-2026");
        assertEquals(401, api.get("/api/v1/admin/catalog/freshness", officer).status());
        StaffApi.Session editor = api.signIn("demo.editor", "demo-editor-2026");
        assertEquals(200, api.get("/api/v1/admin/catalog/freshness", editor).status());
    }
}
