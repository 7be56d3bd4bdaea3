package vn.warddesk.bot.staff;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
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
import vn.warddesk.bot.ward.WardStore;
import vn.warddesk.bot.testing.Waits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ward admin's "Phường & kiosk" page: the officers' second-factor toggle, a pairing code, revoking the kiosk. */
@ServerTest
class StaffConsoleWardBrowserTest {
    private static HikariDataSource pool;
    private final URI uri;

    StaffConsoleWardBrowserTest(URI uri) {
        this.uri = uri;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        pool = TestDatabase.fresh("staff_ui_ward");
        StaffServerSupport.configure(server, Config.just(ConfigSources.create(Map.of(
                "staff.seed-demo-accounts", "true", "privacy.hash-key", "test-key", "limits.enabled", "false"))),
                pool, Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void a_ward_admin_requires_the_officers_second_factor_pairs_a_kiosk_and_revokes_it() throws Exception {
        try (StaffBrowser b = new StaffBrowser(uri.toString().replaceAll("/$", ""))) {
            b.signIn("demo.admin", "demo-admin-2026");
            b.click(By.id("nav-ward"));
            b.await(By.id("officer-second-factor"));
            assertEquals(List.of(), b.accessibilityViolations(), "axe on the ward page");
            b.click(By.id("officer-second-factor"));
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), Waits.BROWSER).until(
                    d -> new WardStore(pool).find("demo-hoa-an").orElseThrow().officerSecondFactor());

            b.type(By.id("kiosk-label"), "Sảnh chính");
            b.click(By.id("pairing-submit"));
            String code = b.await(By.id("pairing-code-value")).getText();
            assertTrue(code.matches("\\d{8}"), code);
            b.screenshot("ward-kiosk-pairing-code");
            HttpResponse<String> paired = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(uri.resolve("/api/v1/kiosk/pair")).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, paired.statusCode(), paired.body());

            b.driver().navigate().refresh();
            b.awaitText(By.id("kiosk-devices"), "Sảnh chính");
            b.awaitText(By.id("kiosk-devices"), "Đang dùng");
            b.click(By.cssSelector("#kiosk-devices button"));
            b.awaitText(By.id("kiosk-devices"), "Đã thu hồi");
        }
    }
}
