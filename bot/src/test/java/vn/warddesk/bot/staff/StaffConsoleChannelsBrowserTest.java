package vn.warddesk.bot.staff;

import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
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
import vn.warddesk.bot.testing.Waits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ward admin's "Ward channels" screen in a real Chromium: a token goes in, only its last 4 characters come back. */
@ServerTest
class StaffConsoleChannelsBrowserTest {
    private static HikariDataSource pool;
    private static StaffBrowser browser;
    private final URI uri;

    StaffConsoleChannelsBrowserTest(URI uri) {
        this.uri = uri;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        Map<String, String> map = new HashMap<>();
        map.put("staff.seed-demo-accounts", "true");
        map.put("privacy.hash-key", "test-key");
        map.put("secret.keys", "k1:" + java.util.Base64.getEncoder().encodeToString(new byte[32]));
        pool = TestDatabase.fresh("staff_ui_channels");
        StaffServerSupport.configure(server, Config.just(ConfigSources.create(map)), pool, Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        pool.close();
    }

    @Test
    void an_admin_saves_the_wards_bot_token_and_sees_only_its_last_four_characters() {
        browser = new StaffBrowser(uri.toString().replaceAll("/$", ""));
        StaffBrowser b = browser;
        b.signIn("demo.admin", "demo-admin-2026");
        b.await(By.id("nav-channels"));
        b.click(By.id("nav-channels"));
        b.await(By.id("channel-telegram-bot-token"));
        assertEquals("chưa đặt", b.driver().findElement(By.id("channel-telegram-bot-token")).getAttribute("placeholder"));
        b.type(By.id("channel-telegram-bot-token"), "987654:AAbrowser-token-W7Q2");
        b.type(By.id("channel-telegram-webhook-secret"), "browser_secret");
        b.click(By.cssSelector("#channels-form button[type=submit]"));
        // The form is drawn again after the save: an input found just before that is stale, so look again.
        new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), Waits.BROWSER)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(
                d -> d.findElement(By.id("channel-telegram-bot-token")).getAttribute("placeholder").contains("W7Q2"));
        assertEquals("", b.driver().findElement(By.id("channel-telegram-bot-token")).getAttribute("value"),
                     "the saved token is not put back into the page");
        assertTrue(!b.driver().getPageSource().contains("AAbrowser-token"), "the token is nowhere in the page");
        assertEquals("đã đặt", b.driver().findElement(By.id("channel-telegram-webhook-secret")).getAttribute("placeholder"),
                     "nothing of a secret is shown");
        assertTrue(!b.driver().findElement(By.id("channels-state")).getText().contains("null"));
        b.screenshot("ward-channels");
        // The one expected 401: the password step of a second-factor sign-in ("second_factor_required").
        assertEquals(List.of(), b.consoleErrors().stream()
                .filter(e -> !(e.contains("/api/v1/staff/login") && e.contains("401"))).toList());
        b.signOut();
    }
}
