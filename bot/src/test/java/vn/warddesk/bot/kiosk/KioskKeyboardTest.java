package vn.warddesk.bot.kiosk;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import vn.warddesk.bot.KioskServerSupport;
import vn.warddesk.bot.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kiosk's on-screen Vietnamese keyboard and the request steps (progress, Back, Cancel), touched as a citizen
 * would, in headless Chromium on the real server.
 */
@ServerTest
class KioskKeyboardTest {
    private static HikariDataSource pool;
    private static AutoCloseable features;

    private final URI uri;

    KioskKeyboardTest(URI uri) {
        this.uri = uri;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        pool = TestDatabase.fresh("kiosk_keyboard");
        features = KioskServerSupport.configure(server, Config.empty(), pool, Clock.systemUTC());
    }

    @AfterAll
    static void close() throws Exception {
        features.close();
        pool.close();
    }

    private String base() {
        return "http://localhost:" + uri.getPort();
    }

    private static void touch(KioskBrowser browser, String... keys) {
        for (String key : keys) {
            browser.click(".vk [data-vk='" + key + "']");
        }
    }

    @Test
    void a_name_with_tone_marks_is_typed_by_touch_alone() {
        try (KioskBrowser browser = new KioskBrowser(base(), 1080, 1920)) {
            browser.open("", "#/request/temporary_residence");
            browser.click(".choice-pair [data-engine-action='consent:agree']");
            WebElement name = browser.waitFor("input#answer[type=text]");
            assertEquals("none", name.getAttribute("inputmode"), "no system keyboard: the kiosk draws its own");

            touch(browser, "shift", "n", "g", "u", "y", "ê", "tone:4", "n", " ");
            touch(browser, "shift", "t", "h", "i", "tone:5", " ");
            touch(browser, "shift", "a", "n", "h", "tone:1");
            assertEquals("Nguyễn Thị Ánh", name.getAttribute("value"));
            touch(browser, "backspace");
            assertEquals("Nguyễn Thị Án", name.getAttribute("value"), "backspace removes one letter");
            touch(browser, "h");

            for (WebElement key : browser.all(".vk .vk-key")) {
                if (key.isDisplayed()) {
                    assertTrue(key.getRect().getHeight() >= 64 && key.getRect().getWidth() >= 64,
                               "key '" + key.getText() + "' is at least 64 px: " + key.getRect().getDimension());
                }
            }
            browser.screenshot("07-keyboard-vi");
            assertEquals(List.of(), browser.accessibilityViolations(), "axe on the keyboard");

            touch(browser, "layout");
            assertFalse(browser.waitForPresent(".vk [data-vk='tone:1']").isDisplayed(), "the English layout has no tone keys");
            touch(browser, "layout");
            assertTrue(browser.waitFor(".vk [data-vk='tone:1']").isDisplayed(), "back to the Vietnamese layout");

            browser.click("form[data-field-form] button[type=submit]");
            browser.waitFor(".keypad");
            String summaryBound = browser.waitFor("#progress").getText();
            assertTrue(summaryBound.startsWith("Bước 3 / "), "the phone is step 3 (consent, name, phone…): " + summaryBound);
        }
    }

    @Test
    void back_returns_to_the_previous_field_and_cancel_asks_once_then_forgets_the_request() {
        try (KioskBrowser browser = new KioskBrowser(base(), 1280, 800)) {
            browser.open("", "#/request/temporary_residence");
            assertTrue(browser.waitFor("#progress").getText().startsWith("Bước 1 / "), "consent is step 1");
            browser.click(".choice-pair [data-engine-action='consent:agree']");
            String nameQuestion = browser.waitFor("h1#q").getText();
            assertTrue(browser.all("[data-engine-action^='edit:']").isEmpty(), "no Back on the first field");
            browser.waitFor("input#answer[type=text]").sendKeys("Lê Văn Tám\n");
            browser.waitFor(".keypad");
            browser.click("[data-engine-action='edit:contact_name']");
            browser.waitForText("h1#q", nameQuestion);

            browser.click("[data-cancel-request]");
            browser.waitFor("#cancel-confirm");
            browser.click("[data-cancel-dismiss]");
            assertTrue(browser.all("#cancel-confirm").isEmpty(), "'No' keeps the request");
            assertEquals(nameQuestion, browser.waitFor("h1#q").getText());

            browser.click("[data-cancel-request]");
            browser.click("[data-cancel-confirm]");
            browser.waitFor(".tiles .tile");
            assertEquals("#/", browser.script("return location.hash"));
            assertFalse(browser.mainText().contains("Lê Văn Tám"), "nothing typed remains on screen");
        }
    }
}
