package vn.warddesk.bot.kiosk;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import vn.warddesk.bot.KioskServerSupport;
import vn.warddesk.bot.testing.TestDatabase;
import vn.warddesk.bot.testing.Waits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Home → procedure → documents, in Vietnamese and English, on the real server in headless Chromium. */
@ServerTest
class KioskBrowsingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static HikariDataSource pool;
    private static AutoCloseable features;

    private final URI uri;

    KioskBrowsingTest(URI uri) {
        this.uri = uri;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        pool = TestDatabase.fresh("kiosk_browsing");
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

    private JsonNode api(String path) throws Exception {
        try (var in = URI.create(base() + path).toURL().openStream()) {
            return JSON.readTree(in);
        }
    }

    @Test
    void home_shows_every_procedure_and_the_office_hours_in_both_languages() throws Exception {
        try (KioskBrowser browser = new KioskBrowser(base(), 1280, 800)) {
            for (String locale : List.of("vi", "en")) {
                JsonNode procedures = api("/api/v1/procedures?locale=" + locale);
                JsonNode office = api("/api/v1/office?locale=" + locale);
                browser.open("", "#/");
                if (locale.equals("en")) {
                    browser.click("[data-lang=en]");
                }
                browser.waitForText(".tiles", procedures.get(0).get("name").asText());
                browser.waitForText(".office-status", office.get("status").asText());
                assertEquals(locale, browser.script("return document.documentElement.lang"), "lang attribute follows the choice");

                List<String> tiles = browser.all(".tiles .tile").stream().map(WebElement::getText).toList();
                assertEquals(procedures.size(), tiles.size(), "one tile per procedure");
                assertEquals(15, tiles.size(), "the 15 ward procedures");
                for (JsonNode p : procedures) {
                    assertTrue(tiles.contains(p.get("name").asText()), "tile for " + p.get("id") + ": " + tiles);
                    assertEquals(1, browser.all("[data-procedure='" + p.get("id").asText() + "'] svg").size(), "icon for " + p.get("id"));
                }
                String home = browser.mainText();
                assertTrue(home.contains(locale.equals("vi") ? "Hỏi đáp" : "Ask a question"), home);
                assertTrue(home.contains(locale.equals("vi") ? "Tra cứu hồ sơ" : "Check my case"), home);
                browser.screenshot("01-home-" + locale);
                assertEquals(List.of(), browser.accessibilityViolations(), "axe on home (" + locale + ")");
                assertMinimumSizes(browser, "home " + locale);
            }
        }
    }

    @Test
    void home_fits_a_portrait_tablet_and_a_full_hd_screen() {
        for (int[] size : new int[][] {{768, 1024}, {1920, 1080}}) {
            try (KioskBrowser browser = new KioskBrowser(base(), size[0], size[1])) {
                browser.open("", "#/");
                browser.waitFor(".tiles .tile");
                long overflow = (Long) browser.script("return document.documentElement.scrollWidth - window.innerWidth");
                assertTrue(overflow <= 0, "no horizontal scrolling at " + size[0] + "×" + size[1] + " (" + overflow + " px)");
                browser.screenshot("01-home-" + size[0] + "x" + size[1]);
            }
        }
    }

    @Test
    void procedure_shows_the_documents_as_a_checklist_then_other_aspects_in_both_languages() throws Exception {
        try (KioskBrowser browser = new KioskBrowser(base(), 1280, 800)) {
            for (String locale : List.of("vi", "en")) {
                JsonNode detail = api("/api/v1/procedures/temporary_residence?locale=" + locale);
                browser.open("", "#/");
                if (locale.equals("en")) {
                    browser.click("[data-lang=en]");
                    browser.waitFor("html[lang=en] .tiles .tile");
                }
                browser.click("[data-procedure=temporary_residence]");
                browser.waitForText("h1", detail.get("name").asText());
                assertEquals("#/procedure/temporary_residence", browser.script("return location.hash"));

                // Read in one script: the page may render the list once more after the heading appears, and an element
                // found before that render is stale (seen on a loaded CI machine).
                int documents = detail.get("documents").size();
                List<String> items = browser.waitUntil(d -> {
                    List<String> texts = browser.texts(".checklist li");
                    return texts.size() == documents ? texts : null;
                }, Waits.BROWSER);
                for (int i = 0; i < items.size(); i++) {
                    assertTrue(items.get(i).contains(detail.get("documents").get(i).get("text").asText()), items.get(i));
                }
                browser.waitFor("#doc-0");
                browser.click("label[for=doc-0]");
                assertEquals(Boolean.TRUE, browser.script("return document.getElementById('doc-0').checked"),
                             "a document can be ticked off");
                browser.screenshot("02-procedure-documents-" + locale);
                assertEquals(List.of(), browser.accessibilityViolations(), "axe on procedure documents (" + locale + ")");
                assertMinimumSizes(browser, "procedure " + locale);

                browser.click("[data-tab=fee]");
                String feeText = detail.get("aspects").get("fee").get("text").asText();
                browser.waitForText("#panel", feeText.lines().findFirst().orElse(feeText));
                browser.click("[data-tab=processing_time]");
                browser.waitForText("#panel", detail.get("aspects").get("processing_time").get("text").asText().lines().findFirst().orElseThrow());
                browser.screenshot("02-procedure-time-" + locale);
                assertEquals(List.of(), browser.accessibilityViolations(), "axe on procedure tabs (" + locale + ")");
            }
        }
    }

    @Test
    void everything_works_from_the_keyboard_and_larger_text_grows_the_type() throws Exception {
        try (KioskBrowser browser = new KioskBrowser(base(), 1280, 800)) {
            browser.open("", "#/");
            browser.waitFor(".tiles .tile");
            double normal = fontSize(browser, ".tile-title");
            browser.click("[data-large-text]");
            double larger = fontSize(browser, ".tile-title");
            assertTrue(larger >= normal * 1.15, "larger text: " + normal + " → " + larger);
            browser.screenshot("01-home-larger-text");
            assertEquals(List.of(), browser.accessibilityViolations(), "axe with larger text");

            // Tab from the top to the first procedure tile, open it with Enter, move across tabs with the arrow keys.
            browser.script("document.activeElement && document.activeElement.blur(); window.focus();");
            WebElement active = null;
            for (int i = 0; i < 30; i++) {
                browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
                active = browser.driver().switchTo().activeElement();
                if ("temporary_residence".equals(active.getAttribute("data-procedure"))) {
                    break;
                }
            }
            assertEquals("temporary_residence", active.getAttribute("data-procedure"), "tile reachable with Tab");
            boolean focusVisible = (Boolean) browser.script(
                    "const s = getComputedStyle(document.activeElement); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2");
            assertTrue(focusVisible, "the focused tile shows a focus ring");
            active.sendKeys(Keys.ENTER);
            browser.waitFor(".checklist");
            browser.click("[data-tab=documents]");
            browser.driver().switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
            assertEquals("fee", browser.driver().switchTo().activeElement().getAttribute("data-tab"), "arrow keys move between tabs");
            assertEquals("true", browser.driver().switchTo().activeElement().getAttribute("aria-selected"));
        }
    }

    private static double fontSize(KioskBrowser browser, String css) {
        return ((Number) browser.script("return parseFloat(getComputedStyle(document.querySelector(arguments[0])).fontSize)", css)).doubleValue();
    }

    /** Every visible control is at least 48×48 px and every visible text at least 18 px (our rule for body text). */
    @SuppressWarnings("unchecked")
    static void assertMinimumSizes(KioskBrowser browser, String where) {
        List<Object> small = (List<Object>) browser.script("""
                const out = [];
                const visible = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; };
                document.querySelectorAll('button, input, [role=tab], label.check').forEach(el => {
                  if (!visible(el) || el.type === 'checkbox') return;
                  const r = el.getBoundingClientRect();
                  if (r.width < 48 || r.height < 48) out.push('target ' + (el.id || el.textContent.trim().slice(0, 30)) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));
                });
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                while (walker.nextNode()) {
                  const node = walker.currentNode, el = node.parentElement;
                  if (!node.textContent.trim() || !el || !visible(el) || el.closest('dialog:not([open])')) continue;
                  const size = parseFloat(getComputedStyle(el).fontSize);
                  if (size < 17.9) out.push('text ' + size + 'px: ' + node.textContent.trim().slice(0, 30));
                }
                return out;
                """);
        assertEquals(List.of(), new ArrayList<>(small), "touch targets ≥ 48 px and readable text on " + where);
    }
}
