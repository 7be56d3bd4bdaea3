package vn.warddesk.bot.staff;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.warddesk.bot.StaffServerSupport;
import vn.warddesk.bot.testing.TestDatabase;
import vn.warddesk.bot.testing.Waits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18: one walk through every kiosk screen (and the citizen case page it links to) and every staff console
 * screen, in Vietnamese and in English, with axe-core (WCAG 2.0/2.1 A and AA) on each. Other browser tests check a
 * screen's behaviour and stop at its first problem; this one enumerates the screens and collects every violation, so
 * one run names all of them as "screen — rule: help [nodes]".
 */
@ServerTest
class AxeWalkBrowserTest {
    private static final String BASE_URL = "https://warddesk.example.vn";
    private static final List<String> ASPECTS = List.of("documents", "fee", "processing_time", "eligibility", "where", "online");
    private static HikariDataSource pool;
    private static EngineCases engine;
    private final URI uri;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> walked = new LinkedHashSet<>();

    AxeWalkBrowserTest(URI uri) {
        this.uri = uri;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        pool = TestDatabase.fresh("axe_walk");
        engine = new EngineCases(pool);
        Map<String, String> map = new HashMap<>();
        map.put("catalog.dir", "../config/catalog"); // with config/wards and config/provinces: the province layer
        map.put("staff.seed-demo-accounts", "true");
        map.put("privacy.hash-key", "test-key");
        map.put("conversation.public-base-url", BASE_URL);
        StaffServerSupport.configure(server, Config.just(ConfigSources.create(map)), pool, Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    private String base() {
        return uri.toString().replaceAll("/$", "");
    }

    @Test
    void every_kiosk_and_staff_screen_has_no_axe_violation_in_vietnamese_and_english() {
        try (StaffBrowser b = new StaffBrowser(base())) {
            for (String lang : List.of("vi", "en")) {
                b.driver().manage().window().setSize(new Dimension(1080, 1920)); // the kiosk's portrait screen
                String[] slip = kiosk(b, lang);
                casePage(b, lang, slip[0], slip[1]);
                b.driver().manage().window().setSize(new Dimension(1366, 900));
                staff(b, lang);
            }
        }
        System.out.println("axe walk: " + walked.size() + " screens: " + String.join(" | ", walked));
        // The walk itself must not shrink unnoticed: every screen, in both languages.
        assertTrue(walked.size() >= 2 * 36, walked.size() + " screens walked: " + walked);
        assertEquals("", String.join("\n", problems), "axe violations (screen — rule: help [nodes]) on " + walked.size() + " screens");
    }

    /** Every kiosk screen; returns the slip's case code and check. */
    private String[] kiosk(StaffBrowser b, String lang) {
        b.open("/kiosk/#/");
        b.await(By.cssSelector(".tiles .tile"));
        kioskLanguage(b, lang);
        if (lang.equals("vi")) {
            // The walk can fail: an image without a text alternative, planted for a moment, is reported by rule.
            b.driver().executeScript("const i = document.createElement('img'); i.id = 'axe-canary'; i.src = 'icon.svg';"
                                     + " document.getElementById('main').append(i)");
            List<String> planted = b.accessibilityViolations();
            b.driver().executeScript("document.getElementById('axe-canary').remove()");
            assertTrue(planted.stream().anyMatch(v -> v.startsWith("image-alt:") && v.contains("#axe-canary")), planted.toString());
        }
        check(b, lang, "kiosk home");
        b.click(By.cssSelector("[data-large-text]"));
        check(b, lang, "kiosk home, larger text");
        b.click(By.cssSelector("[data-large-text]"));

        // A procedure: each of its aspects (tabs), then asking about it.
        b.click(By.cssSelector("[data-procedure=temporary_residence]"));
        b.await(By.cssSelector("[role=tab]"));
        for (String aspect : ASPECTS) {
            if (!b.driver().findElements(By.id("tab-" + aspect)).isEmpty()) {
                b.click(By.id("tab-" + aspect));
                b.await(By.cssSelector("#panel[aria-labelledby='tab-" + aspect + "']"));
                check(b, lang, "kiosk procedure, aspect " + aspect);
            }
        }

        go(b, "#/ask");
        b.await(By.id("question"));
        check(b, lang, "kiosk ask");
        b.await(By.id("question")).sendKeys((lang.equals("vi") ? "dk tam tru can gi" : "what documents for temporary residence") + "\n");
        b.await(By.cssSelector(".msg-bot .msg-text"));
        settle(b);
        check(b, lang, "kiosk ask, with an answer");

        // A request: consent, the full notice, each step, cancel, summary, slip.
        go(b, "#/request/temporary_residence");
        b.await(By.cssSelector("#main .choice-pair"));
        check(b, lang, "kiosk request consent");
        b.click(By.cssSelector("[data-engine-action='consent:full']"));
        b.await(By.cssSelector(".notice-full"));
        check(b, lang, "kiosk request consent, full notice");
        b.click(By.cssSelector(".choice-pair [data-engine-action='consent:agree']"));
        WebElement name = b.await(By.cssSelector("input#answer[type=text]"));
        name.click(); // the on-screen keyboard
        check(b, lang, "kiosk request step name, on-screen keyboard");
        b.click(By.cssSelector("[data-cancel-request]"));
        b.await(By.cssSelector("[data-cancel-dismiss]"));
        check(b, lang, "kiosk request cancel question");
        b.click(By.cssSelector("[data-cancel-dismiss]"));
        b.await(By.cssSelector("input#answer[type=text]")).sendKeys("Nguyễn Thị Ánh\n");
        b.await(By.cssSelector(".keypad"));
        settle(b);
        check(b, lang, "kiosk request step phone");
        keys(b, "0123");
        b.click(By.cssSelector("form[data-field-form] button[type=submit]"));
        b.await(By.id("field-error"));
        check(b, lang, "kiosk request step phone, refused number");
        b.click(By.cssSelector(".key[data-key='clear']"));
        keys(b, "0905123456");
        b.click(By.cssSelector("form[data-field-form] button[type=submit]"));
        b.await(By.cssSelector(".tile-day"));
        settle(b);
        check(b, lang, "kiosk request step day");
        String saturday = lang.equals("vi") ? "Thứ Bảy" : "Saturday";
        b.driver().findElements(By.cssSelector(".tile-day")).stream().filter(d -> !d.getText().contains(saturday))
                .findFirst().orElseThrow().click();
        for (int step = 1; step <= 5; step++) {
            new WebDriverWait(b.driver(), Waits.BROWSER).until(d -> !d.findElements(
                    By.cssSelector("#main [data-engine-action='confirm'], #main [data-engine-action='skip']")).isEmpty());
            settle(b);
            if (!b.driver().findElements(By.cssSelector("#main [data-engine-action='confirm']")).isEmpty()) {
                break;
            }
            check(b, lang, "kiosk request optional step " + step);
            b.click(By.cssSelector("#main [data-engine-action='skip']"));
        }
        check(b, lang, "kiosk request summary");
        b.click(By.cssSelector("[data-engine-action='confirm']"));
        String code = b.await(By.id("case-code")).getText();
        String caseCheck = b.await(By.id("case-check")).getText();
        new WebDriverWait(b.driver(), Waits.BROWSER).until(d -> (Boolean) b.driver().executeScript(
                "const q = document.getElementById('qr'); return q.complete && q.naturalWidth > 0"));
        check(b, lang, "kiosk slip");
        b.click(By.cssSelector("[data-finish]"));
        b.await(By.cssSelector(".tiles .tile"));

        // Declining consent.
        kioskLanguage(b, lang);
        go(b, "#/request/birth_registration");
        b.click(By.cssSelector(".choice-pair [data-engine-action='consent:decline']"));
        b.await(By.cssSelector("#main [data-finish]"));
        settle(b);
        check(b, lang, "kiosk request declined");
        b.click(By.cssSelector("#main [data-finish]"));
        b.await(By.cssSelector(".tiles .tile"));

        // Check my case: entry, a case's status, an unknown code.
        kioskLanguage(b, lang);
        go(b, "#/case");
        b.await(By.cssSelector(".keypad"));
        check(b, lang, "kiosk check-my-case entry");
        keys(b, code.replaceAll("\\D", ""));
        b.click(By.cssSelector("form[data-case-form] button[type=submit]"));
        b.await(By.id("case-status"));
        check(b, lang, "kiosk check-my-case status");
        b.click(By.cssSelector("[data-case-again]"));
        b.await(By.cssSelector(".keypad"));
        keys(b, "202600000000000000");
        b.click(By.cssSelector("form[data-case-form] button[type=submit]"));
        b.await(By.id("case-error"));
        settle(b);
        check(b, lang, "kiosk check-my-case, unknown code");

        // "Are you still there?" after the idle time (asked only once something was started).
        b.open("/kiosk/?idle=2&countdown=60#/request/temporary_residence");
        b.await(By.cssSelector("#main .choice-pair"));
        kioskLanguage(b, lang);
        new WebDriverWait(b.driver(), Waits.BROWSER).until(d -> !d.findElements(
                By.cssSelector("dialog#idle-dialog[open] #idle-stay")).isEmpty());
        settle(b);
        check(b, lang, "kiosk idle question");
        b.click(By.id("idle-stay"));

        // Shown by the service worker when the network is gone: one page with both languages on it, walked once.
        if (lang.equals("vi")) {
            b.open("/kiosk/offline.html");
            b.await(By.tagName("h1"));
            check(b, lang, "kiosk offline page, Vietnamese and English");
        }
        return new String[] {code, caseCheck};
    }

    /** The citizen's case page the slip's QR code opens: with the check in the link, and asking for it. */
    private void casePage(StaffBrowser b, String lang, String code, String caseCheck) {
        b.open("/c/" + code + "?lang=" + lang + "#k=" + caseCheck);
        b.await(By.id("case-summary"));
        check(b, lang, "citizen case page");
        b.open("/c/" + code + "?lang=" + lang);
        b.await(By.id("check-form"));
        check(b, lang, "citizen case page, asking for the check");
    }

    /** Every staff console screen, signed in as each role that has screens of its own. */
    private void staff(StaffBrowser b, String lang) {
        EngineCases.Created k = engine.request("demo-hoa-an", "web", "birth_registration",
                                               Map.of("contact_name", "Võ Thị Sáu", "phone", "0912 000 111",
                                                      "preferred_day", LocalDate.now().plusDays(3).toString()), "khai sinh");
        b.open("/staff/");
        b.await(By.id("login-form"));
        if (!lang.equals(b.driver().executeScript("return document.documentElement.lang"))) {
            b.click(By.id("language"));
            b.await(By.id("login-form"));
        }
        check(b, lang, "staff sign-in");
        b.type(By.id("username"), "demo.supervisor");
        b.type(By.id("password"), "demo-supervisor-2026");
        b.click(By.id("login-submit"));
        b.await(By.id("login-code"));
        check(b, lang, "staff sign-in, second factor");
        b.type(By.id("login-code"), SecondFactor.code(DemoAccounts.TOTP_SECRET, java.time.Instant.now()));
        b.click(By.id("login-submit"));
        b.await(By.id("queue-list"));
        check(b, lang, "staff queue");
        b.open("/staff/#/case/" + k.code());
        b.await(By.id("case-transcript"));
        check(b, lang, "staff case page");
        b.click(By.id("nav-audit"));
        b.await(By.cssSelector(".audit-row"));
        check(b, lang, "staff audit");
        b.click(By.id("nav-analytics"));
        b.await(By.id("analytics-withheld"));
        check(b, lang, "staff analytics");
        b.open("/staff/#/password");
        b.await(By.id("password-form"));
        check(b, lang, "staff change password");
        b.signOut();

        b.type(By.id("username"), "demo.editor");
        b.type(By.id("password"), "demo-editor-2026");
        b.click(By.id("login-submit"));
        b.await(By.id("catalog-procedure"));
        check(b, lang, "staff catalog editor");
        new Select(b.driver().findElement(By.id("catalog-procedure"))).selectByValue("birth_registration");
        b.await(By.id("catalog-form"));
        check(b, lang, "staff catalog form");
        b.click(By.id("catalog-check"));
        b.await(By.id("preview-kiosk"));
        check(b, lang, "staff catalog form with preview");
        b.click(By.id("catalog-tab-json"));
        b.await(By.id("catalog-json"));
        check(b, lang, "staff catalog JSON");
        b.signOut();

        b.type(By.id("username"), "demo.admin");
        b.type(By.id("password"), "demo-admin-2026");
        b.click(By.id("login-submit"));
        b.enterDemoCode();
        b.await(By.cssSelector("#accounts-list table"));
        check(b, lang, "staff accounts");
        b.click(By.id("nav-channels"));
        b.await(By.id("channels-form"));
        check(b, lang, "staff ward channels");
        b.click(By.id("nav-ward"));
        b.await(By.id("pairing-form"));
        check(b, lang, "staff ward and kiosks");
        b.signOut();

        b.type(By.id("username"), "demo.province");
        b.type(By.id("password"), "demo-province-2026");
        b.click(By.id("login-submit"));
        b.enterDemoCode();
        b.await(By.id("nav-province"));
        b.click(By.id("nav-province"));
        b.await(By.id("ward-form"));
        check(b, lang, "staff province");
        new Select(b.driver().findElement(By.id("layer-procedure"))).selectByValue("marital_status_certificate");
        b.await(By.id("layer-save"));
        check(b, lang, "staff province fees and processing times");
        b.signOut();
    }

    private static void kioskLanguage(StaffBrowser b, String lang) {
        if (!lang.equals(b.driver().executeScript("return document.documentElement.lang"))) {
            b.click(By.cssSelector("[data-lang=" + lang + "]"));
            b.await(By.cssSelector("html[lang=" + lang + "] #main"));
        }
    }

    /** The kiosk router follows a hash change as a link from outside would (the language stays). */
    private static void go(StaffBrowser b, String hash) {
        b.driver().executeScript("location.hash = arguments[0]", hash);
        settle(b);
    }

    private static void keys(StaffBrowser b, String digits) {
        for (char digit : digits.toCharArray()) {
            b.click(By.cssSelector(".keypad .key[data-key='" + digit + "']"));
        }
    }

    /** Waits until the kiosk is not loading (no aria-busy) and animations have had a frame. */
    private static void settle(StaffBrowser b) {
        new WebDriverWait(b.driver(), Waits.BROWSER).until(d -> (Boolean) b.driver().executeScript(
                "const m = document.getElementById('main'); return !m || !m.hasAttribute('aria-busy')"));
        b.driver().executeAsyncScript("const done = arguments[0]; requestAnimationFrame(() => setTimeout(done, 150))");
    }

    private void check(StaffBrowser b, String lang, String screen) {
        String name = screen + " (" + lang + ")";
        assertTrue(walked.add(name), "screen walked twice: " + name);
        assertEquals(lang, b.driver().executeScript("return document.documentElement.lang"), "the language on " + name);
        for (String violation : b.accessibilityViolations()) {
            problems.add(name + " — " + violation);
        }
    }
}
