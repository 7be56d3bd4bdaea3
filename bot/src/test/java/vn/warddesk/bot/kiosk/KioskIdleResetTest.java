package vn.warddesk.bot.kiosk;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.KioskServerSupport;
import vn.warddesk.bot.testing.TestDatabase;
import vn.warddesk.bot.testing.Waits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A shared screen: after the idle timeout and its "Are you still there?" countdown, nothing typed by the previous
 * citizen is left in the DOM, the URL, Web Storage, IndexedDB, cookies or Cache Storage.
 */
@ServerTest
class KioskIdleResetTest {
    private static final String NAME = "Nguyễn Thị Ánh Tuyết";
    private static final String PHONE = "0905123456";
    private static HikariDataSource pool;
    private static AutoCloseable features;

    private final URI uri;

    KioskIdleResetTest(URI uri) {
        this.uri = uri;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        pool = TestDatabase.fresh("kiosk_idle");
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

    @Test
    void idle_timeout_asks_are_you_still_there_then_leaves_no_trace_of_the_citizen() {
        try (KioskBrowser browser = new KioskBrowser(base(), 1280, 800)) {
            browser.open("?idle=3&countdown=4", "#/request/temporary_residence");
            typePersonalData(browser);
            plantLeftovers(browser);

            // The dialog comes after 3 s without a touch; "I'm still here" keeps everything.
            browser.waitUntil(d -> browser.all("dialog#idle-dialog[open]").size() == 1, Waits.BROWSER);
            assertTrue(browser.textOf("#idle-title").contains("Bạn còn ở đây không?"));
            browser.screenshot("07-idle-dialog-vi");
            assertEquals(List.of(), browser.accessibilityViolations(), "axe on the idle dialog");
            browser.click("#idle-stay");
            assertTrue(browser.all("dialog#idle-dialog[open]").isEmpty(), "dialog closed");
            assertEquals(PHONE, browser.waitFor("#answer").getAttribute("value"), "still there: nothing cleared");

            // Then nobody touches the screen: countdown, then a full reset.
            browser.waitUntil(d -> browser.all("dialog#idle-dialog[open]").size() == 1, Waits.BROWSER);
            browser.waitUntil(d -> browser.all("dialog#idle-dialog[open]").isEmpty()
                                   && !browser.all(".tiles .tile").isEmpty(), Waits.BROWSER);
            browser.screenshot("07-after-idle-reset");
            assertNoTrace(browser, NAME, PHONE);
            assertEquals("vi", browser.script("return document.documentElement.lang"), "back to Vietnamese");
            assertKioskConversationsEnded();
        }
    }

    @Test
    void finish_on_the_ticket_resets_at_once() {
        try (KioskBrowser browser = new KioskBrowser(base(), 1280, 800)) {
            browser.open("", "#/");
            browser.click("[data-lang=en]");
            browser.open("", "#/request/temporary_residence");
            typePersonalData(browser);
            browser.click("form[data-field-form] button[type=submit]");
            // The engine books Monday to Friday only (see the ticket test): take the first weekday tile.
            browser.waitFor(".tile-day");
            browser.clickFirst(".tile-day", text -> !text.contains("Saturday"));
            KioskRequestTest.skipOptionalFields(browser);
            browser.click("[data-engine-action='confirm']");
            String code = browser.textOf("#case-code");
            plantLeftovers(browser);
            browser.click("[data-finish]");
            browser.waitFor(".tiles .tile");
            assertNoTrace(browser, NAME, PHONE, code);
            assertKioskConversationsEnded();
        }
    }

    /** The reset also ends the session on the server (DELETE /api/v1/conversations/{id}): unsubmitted data goes. */
    private static void assertKioskConversationsEnded() {
        try (Connection c = pool.getConnection();
             Statement statement = c.createStatement();
             ResultSet rows = statement.executeQuery("SELECT state FROM conversation WHERE channel = 'kiosk'")) {
            int count = 0;
            while (rows.next()) {
                count++;
                assertEquals("closed", rows.getString(1), "kiosk conversation ended by the reset");
            }
            assertTrue(count > 0, "the kiosk opened a conversation");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void typePersonalData(KioskBrowser browser) {
        browser.click(".choice-pair [data-engine-action='consent:agree']");
        browser.waitFor("input#answer[type=text]").sendKeys(NAME + "\n");
        browser.waitFor(".keypad");
        for (char digit : PHONE.toCharArray()) {
            browser.click(".key[data-key='" + digit + "']");
        }
        assertEquals(PHONE, browser.waitFor("#answer").getAttribute("value"));
    }

    /** What a buggy page, an extension or a previous build could have left: the reset must remove it all. */
    private static void plantLeftovers(KioskBrowser browser) {
        browser.asyncScript("""
                const [name, phone, done] = arguments;
                localStorage.setItem('draft', name);
                sessionStorage.setItem('phone', phone);
                document.cookie = 'citizen=' + phone + '; path=/';
                document.cookie = 'kiosk=' + phone + '; path=/kiosk/';
                const open = indexedDB.open('leftover', 1);
                open.onupgradeneeded = () => open.result.createObjectStore('s').put(name, 'name');
                open.onsuccess = async () => {
                  open.result.close();
                  await (await caches.open('leftover-cache')).put('/api/v1/leftover', new Response(name));
                  await (await caches.open('warddesk-kiosk-shell-v2')).put('/api/v1/conversations/x/messages', new Response(phone));
                  done(true);
                };
                open.onerror = () => done(false);
                """, NAME, PHONE);
        assertEquals(1L, browser.script("return localStorage.length"), "leftovers planted");
    }

    @SuppressWarnings("unchecked")
    static void assertNoTrace(KioskBrowser browser, String... secrets) {
        String html = (String) browser.script("return document.documentElement.outerHTML");
        String text = browser.mainText();
        Map<String, Object> storage = (Map<String, Object>) browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                (async () => {
                  const out = {hash: location.hash, local: localStorage.length, session: sessionStorage.length,
                               cookie: document.cookie, inputs: [...document.querySelectorAll('input')].map(i => i.value).join('|'),
                               idb: (await indexedDB.databases()).map(d => d.name), caches: [], urls: [], entries: []};
                  for (const key of await caches.keys()) {
                    out.caches.push(key);
                    const cache = await caches.open(key);
                    for (const request of await cache.keys()) {
                      const body = await (await cache.match(request)).text();
                      out.urls.push(request.url);
                      out.entries.push(request.url + ' ' + body);
                    }
                  }
                  return out;
                })().then(done, e => done({error: String(e)}));
                """);
        assertEquals(null, storage.get("error"));
        for (String secret : secrets) {
            assertFalse(html.contains(secret), "DOM still holds " + secret);
            assertFalse(text.contains(secret), "screen still shows " + secret);
            assertFalse(String.valueOf(storage.get("entries")).contains(secret), "a cache still holds " + secret);
            assertFalse(String.valueOf(storage.get("inputs")).contains(secret), "an input still holds " + secret);
        }
        assertEquals("#/", storage.get("hash"), "URL back to the home screen");
        assertEquals(0L, storage.get("local"), "localStorage empty");
        assertEquals(0L, storage.get("session"), "sessionStorage empty");
        assertEquals("", storage.get("cookie"), "no cookies");
        assertEquals(List.of(), storage.get("idb"), "no IndexedDB databases");
        for (Object key : (List<Object>) storage.get("caches")) {
            assertEquals("warddesk-kiosk-shell-v2", key, "only the app-shell cache is kept");
        }
        for (Object url : (List<Object>) storage.get("urls")) {
            assertFalse(URI.create(String.valueOf(url)).getPath().startsWith("/api/"), "no API response cached: " + url);
        }
    }
}
