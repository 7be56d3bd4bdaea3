package vn.warddesk.bot.kiosk;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

import vn.warddesk.bot.KioskServerSupport;
import vn.warddesk.bot.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kiosk installs as a full-screen app; when WardDesk cannot be reached, the service worker shows "the kiosk is reconnecting — please ask at the desk". */
class KioskOfflineTest {

    @Test
    void the_service_worker_serves_the_reconnecting_page_when_the_server_is_gone() throws Exception {
        HikariDataSource pool = TestDatabase.fresh("kiosk_offline");
        WebServerConfig.Builder builder = WebServer.builder().port(0).host("127.0.0.1").shutdownHook(false);
        AutoCloseable features = KioskServerSupport.configure(builder, Config.empty(), pool, Clock.systemUTC());
        WebServer server = builder.build().start();
        try (KioskBrowser browser = new KioskBrowser("http://localhost:" + server.port(), 1280, 800)) {
            browser.open("", "#/");
            browser.waitFor(".tiles .tile");
            browser.waitUntil(d -> (Boolean) browser.script("return !!navigator.serviceWorker.controller"), Duration.ofSeconds(20));
            @SuppressWarnings("unchecked")
            Map<String, Object> manifest = (Map<String, Object>) ((ChromeDriver) browser.driver())
                    .executeCdpCommand("Page.getAppManifest", Map.of());
            assertEquals(List.of(), manifest.get("errors"), "the web app manifest parses");
            assertTrue(String.valueOf(manifest.get("data")).contains("\"display\": \"fullscreen\""), "full screen app: " + manifest.get("data"));
            @SuppressWarnings("unchecked")
            List<Object> shell = (List<Object>) browser.asyncScript("""
                    const done = arguments[arguments.length - 1];
                    caches.open('warddesk-kiosk-shell-v3').then(c => c.keys()).then(k => done(k.map(r => new URL(r.url).pathname)));
                    """);
            assertTrue(shell.contains("/kiosk/offline.html"), "offline page in the shell cache: " + shell);
            assertTrue(shell.stream().noneMatch(p -> String.valueOf(p).startsWith("/api/")), "no API response cached: " + shell);

            server.stop();
            browser.driver().navigate().refresh();
            browser.waitForText("h1", "Kiosk đang kết nối lại");
            assertTrue(browser.mainText().contains("The kiosk is reconnecting — please ask at the desk."), browser.mainText());
            browser.screenshot("08-offline");
            assertEquals(List.of(), browser.accessibilityViolations(), "axe on the offline page");
        } finally {
            server.stop();
            features.close();
            pool.close();
        }
    }
}
