package vn.warddesk.bot.kiosk;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

import vn.warddesk.bot.KioskServerSupport;
import vn.warddesk.bot.testing.TestDatabase;
import vn.warddesk.bot.ward.KioskDevices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With kiosk.pairing-required, a kiosk's first screen asks for the admin's code on its keypad; revoked, it asks again. */
@ServerTest
class KioskPairingBrowserTest {
    private static HikariDataSource pool;
    private static AutoCloseable features;
    private final URI uri;

    KioskPairingBrowserTest(URI uri) {
        this.uri = uri;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        pool = TestDatabase.fresh("kiosk_pairing_browser");
        features = KioskServerSupport.configure(server, Config.just(ConfigSources.create(Map.of(
                "catalog.dir", "../config/catalog", "kiosk.pairing-required", "true", "limits.enabled", "false"))),
                pool, Clock.systemUTC());
    }

    @AfterAll
    static void close() throws Exception {
        features.close();
        pool.close();
    }

    private static void tap(KioskBrowser browser, String digits) {
        for (char digit : digits.toCharArray()) {
            browser.click("[data-keypad='pair'] [data-key='" + digit + "']");
        }
    }

    @Test
    void an_unpaired_kiosk_is_paired_by_typing_the_admins_code_on_its_keypad_and_a_revoked_one_asks_again() {
        KioskDevices devices = new KioskDevices(pool);
        String code = devices.issueCode("demo-hoa-an", "Sảnh chính", "demo.admin", Instant.now(), Duration.ofMinutes(10)).code();
        try (KioskBrowser browser = new KioskBrowser("http://localhost:" + uri.getPort(), 1280, 800)) {
            browser.open("", "#/ask");
            browser.waitFor("#pair-input");
            assertTrue(browser.all(".tiles .tile").isEmpty(), "nothing but the pairing screen");
            assertEquals(List.of(), browser.accessibilityViolations(), "axe on the pairing screen");
            browser.screenshot("pairing-screen");

            tap(browser, "00000000");
            browser.click("#pair-submit");
            browser.waitFor("#pair-error");

            tap(browser, code);
            assertEquals(code, browser.waitFor("#pair-input").getAttribute("value"));
            browser.click("#pair-submit");
            browser.waitFor(".tiles .tile");
            String token = (String) browser.script("return localStorage.getItem('warddesk.kiosk.device')");
            assertTrue(token != null && token.length() >= 40, "the device token is kept by the kiosk");
            assertEquals(1, devices.devices("demo-hoa-an").size());

            browser.driver().navigate().refresh();
            browser.waitFor(".tiles .tile");
            assertEquals(token, browser.script("return localStorage.getItem('warddesk.kiosk.device')"),
                         "still paired after a reload");

            devices.revoke("demo-hoa-an", devices.devices("demo-hoa-an").get(0).id(), Instant.now());
            browser.driver().navigate().refresh();
            browser.waitFor("#pair-input");
            assertEquals(null, browser.script("return localStorage.getItem('warddesk.kiosk.device')"),
                         "a revoked token is forgotten");
        }
    }
}
