package vn.warddesk.bot.kiosk;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import vn.warddesk.bot.ward.Ward;
import vn.warddesk.bot.ward.WardStore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A kiosk paired to demo-an-cuu (not the default ward) in real Chromium: its top bar names An Cựu in both languages,
 * its procedure screens show An Cựu's fee, and filling the name into the bar shifts nothing (layout-shift entries).
 */
@ServerTest
class KioskWardBrowserTest {
    private static final String WARD = "demo-an-cuu";
    private static final String PROCEDURE = "marital_status_certificate";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static HikariDataSource pool;
    private static AutoCloseable features;
    private final URI uri;

    KioskWardBrowserTest(URI uri) {
        this.uri = uri;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        pool = TestDatabase.fresh("kiosk_ward_browser");
        features = KioskServerSupport.configure(server, Config.just(ConfigSources.create(Map.of(
                "catalog.dir", "../config/catalog", "kiosk.pairing-required", "true", "limits.enabled", "false"))),
                pool, Clock.systemUTC());
    }

    @AfterAll
    static void close() throws Exception {
        features.close();
        pool.close();
    }

    private String base() {
        return "http://localhost:" + uri.getPort();
    }

    private String firstFeeLine(String ward) throws Exception {
        HttpResponse<String> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                base() + "/api/v1/procedures/" + PROCEDURE + "?locale=vi&ward=" + ward)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, res.statusCode(), res.body());
        JsonNode detail = JSON.readTree(res.body());
        return detail.at("/aspects/fee/text").asText().lines().findFirst().orElseThrow();
    }

    /** The layout shifts the page has seen since it loaded, citizen input excluded (what CLS adds up). */
    private static double layoutShift(KioskBrowser browser) {
        Object sum = browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                let total = 0;
                new PerformanceObserver(list => {
                  for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value;
                }).observe({ type: 'layout-shift', buffered: true });
                setTimeout(() => done(total), 300);""");
        return ((Number) sum).doubleValue();
    }

    @Test
    void a_kiosk_paired_to_an_cuu_names_an_cuu_in_its_top_bar_and_shows_its_fee_without_shifting_the_layout()
            throws Exception {
        Ward anCuu = new WardStore(pool).find(WARD).orElseThrow();
        String anCuuFee = firstFeeLine(WARD);
        assertNotEquals(firstFeeLine("demo-hoa-an"), anCuuFee, "the demo provinces' fees differ");
        String code = new KioskDevices(pool).issueCode(WARD, "Sảnh An Cựu", "demo.admin", Instant.now(),
                                                       Duration.ofMinutes(10)).code();
        try (KioskBrowser browser = new KioskBrowser(base(), 1280, 800)) {
            browser.open("", "#/");
            browser.waitFor("#pair-input");
            for (char digit : code.toCharArray()) {
                browser.click("[data-keypad='pair'] [data-key='" + digit + "']");
            }
            browser.click("#pair-submit");
            browser.waitFor(".tiles .tile");
            browser.waitForText("#brand", anCuu.nameVi());

            // A paired kiosk starting afresh: the bar is filled with the ward's name after the first paint.
            browser.driver().navigate().refresh();
            browser.waitFor(".tiles .tile");
            browser.waitForText("#brand", anCuu.nameVi());
            assertEquals(0.0, layoutShift(browser), "the ward's name moves nothing");
            browser.screenshot("ward-an-cuu-home");

            browser.click("[data-procedure=" + PROCEDURE + "]");
            browser.click("[data-tab=fee]");
            browser.waitForText("#panel", anCuuFee);
            assertFalse(browser.waitFor("#panel").getText().contains(firstFeeLine("demo-hoa-an")), "not the default's");

            browser.click("[data-lang=en]");
            browser.waitFor("html[lang=en]");
            browser.waitForText("#brand", anCuu.nameEn());
            assertEquals(List.of(), browser.accessibilityViolations(), "axe on the An Cựu kiosk (en)");

            browser.open("", "#/case");
            browser.waitFor("#case-input");
            assertTrue(browser.waitFor("#case-input").getAttribute("value").startsWith("AC-"),
                       "check-my-case types An Cựu's codes");
        }
    }
}
