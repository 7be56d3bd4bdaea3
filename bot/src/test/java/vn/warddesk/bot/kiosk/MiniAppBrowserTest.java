package vn.warddesk.bot.kiosk;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.staticcontent.StaticContentService;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import vn.warddesk.bot.KioskServerSupport;
import vn.warddesk.bot.testing.TestDatabase;
import vn.warddesk.bot.testing.Waits;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Zalo Mini App (its browser build, kiosk-ui/miniapp/www-browser, with the stand-in for zmp-sdk) in real headless
 * Chromium at 390×844, served from its own origin and calling a running WardDesk across origins (CORS as configured
 * for Zalo). Zalo's Graph API is WireMock: it confirms the citizen's access token and the phone-number token.
 */
@ServerTest
class MiniAppBrowserTest {
    private static final String ADMIN_TOKEN = "miniapp-test-admin-token";
    private static final String ZALO_TOKEN = "zalo-user-token-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path BUNDLE = Path.of("..", "kiosk-ui", "miniapp", "www-browser").toAbsolutePath().normalize();
    private static WireMockServer graph;
    private static WebServer appHost;
    private static HikariDataSource pool;
    private static AutoCloseable features;

    private final URI uri;

    MiniAppBrowserTest(URI uri) {
        this.uri = uri;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        if (!Files.isRegularFile(BUNDLE.resolve("index.html"))) {
            throw new IllegalStateException(BUNDLE + " is missing: the kiosk-ui module builds it in its test phase"
                                            + " (./warddesk test, or ./warddesk miniapp build)");
        }
        graph = new WireMockServer(options().dynamicPort());
        graph.start();
        graph.stubFor(get(urlPathEqualTo("/v2.0/me")).withHeader("access_token", equalTo(ZALO_TOKEN))
                              .willReturn(aResponse().withHeader("Content-Type", "application/json")
                                                  .withBody("{\"id\":\"7301234567890123456\",\"error\":0,\"message\":\"Success\"}")));
        graph.stubFor(get(urlPathEqualTo("/v2.0/me/info")).withHeader("access_token", equalTo(ZALO_TOKEN))
                              .withHeader("code", equalTo("standin-phone-token"))
                              .withHeader("secret_key", equalTo("miniapp-test-app-secret"))
                              .willReturn(aResponse().withHeader("Content-Type", "application/json")
                                                  .withBody("{\"data\":{\"number\":\"84905123456\"},\"error\":0,\"message\":\"Success\"}")));
        // The app's own origin, as Zalo would serve it: only static files, nothing of WardDesk.
        appHost = WebServer.builder().host("127.0.0.1").port(0).shutdownHook(false)
                .routing(r -> r.register("/", StaticContentService.builder(BUNDLE).welcomeFileName("index.html").build()))
                .build().start();
        Map<String, String> map = new HashMap<>();
        map.put("admin.token", ADMIN_TOKEN);
        map.put("zalo.mini-app.cors-origins", "http://127.0.0.1:" + appHost.port());
        map.put("zalo.app-id", "1234567890");
        map.put("zalo.app-secret", "miniapp-test-app-secret");
        map.put("zalo.graph-base-url", graph.baseUrl() + "/v2.0");
        map.put("outbox.enabled", "false");
        pool = TestDatabase.fresh("miniapp_browser");
        features = KioskServerSupport.configure(server, Config.just(ConfigSources.create(map)), pool, Clock.systemUTC());
    }

    @AfterAll
    static void close() throws Exception {
        features.close();
        pool.close();
        appHost.stop();
        graph.stop();
    }

    private String api() {
        return "http://localhost:" + uri.getPort();
    }

    private String app(String query) {
        return "http://127.0.0.1:" + appHost.port() + "/index.html?api=" + URLEncoder.encode(api(), StandardCharsets.UTF_8) + query;
    }

    private JsonNode staff(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api() + "/api/v1/staff/cases" + path))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", "application/json");
        request = body == null ? request.GET() : request.method(method, HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private static void axe(KioskBrowser browser, String screen, List<String> problems) {
        browser.screenshot("miniapp-" + screen);
        browser.accessibilityViolations().forEach(v -> problems.add(screen + ": " + v));
    }

    private static void tab(KioskBrowser browser, int n) {
        browser.click("#tabs button:nth-child(" + n + ")");
    }

    /** Clicks after scrolling the element to the middle: zmp-ui's tab bar is fixed over the bottom of the page. */
    private static void press(KioskBrowser browser, String css) {
        WebElement element = browser.waitFor(css);
        browser.script("arguments[0].scrollIntoView({block: 'center'})", element);
        browser.click(css);
    }

    /** Waits for the screen's heading and for zmp-ui's page transition to end (one page left in the router). */
    private static void heading(KioskBrowser browser, String text) {
        try {
            browser.waitUntil(d -> Boolean.TRUE.equals(browser.script(
                    "return [...document.querySelectorAll('h1')].some(h => h.textContent.trim() === arguments[0])", text)),
                              Waits.BROWSER);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no heading '" + text + "' on screen; it shows: " + browser.mainText() + "\nrequests: "
                                     + browser.script("return performance.getEntriesByType('resource').map(r => r.name.replace(/^.*\\/api/, '/api') + ' '"
                                                      + " + Math.round(r.duration) + 'ms ' + r.responseStatus).join('\\n')"), e);
        }
        settled(browser);
    }

    private static void settled(KioskBrowser browser) {
        browser.waitUntil(d -> d.findElements(By.cssSelector(".zaui-routes-item")).size() == 1, Waits.BROWSER);
    }

    private static WebElement visible(KioskBrowser browser, String css) {
        try {
            WebElement element = browser.waitFor(css);
            settled(browser);
            return element;
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("nothing matches " + css + "; the screen shows: " + browser.mainText(), e);
        }
    }

    @Test
    void a_zalo_citizen_requests_with_consent_reads_the_officer_reply_then_withdraws_and_erases() throws Exception {
        List<String> problems = new ArrayList<>();
        try (KioskBrowser browser = new KioskBrowser(api(), 390, 844)) {
            browser.driver().get(app("&zaloToken=" + ZALO_TOKEN));
            visible(browser, ".procedure-list [data-procedure='birth_registration']");
            axe(browser, "01-home-vi", problems);

            press(browser, ".procedure-list [data-procedure='birth_registration']");
            visible(browser, "#start-request");
            axe(browser, "02-procedure-vi", problems);

            // Consent first: nothing is asked before the citizen agrees.
            press(browser, "#start-request");
            heading(browser, "Bảo vệ dữ liệu cá nhân");
            assertTrue(browser.all("#answer").isEmpty(), "no field before consent");
            axe(browser, "03-consent-vi", problems);
            press(browser, "[data-action='consent:agree']");

            // One field per screen: name, then the phone through Zalo's permission, then a working day.
            visible(browser, "#answer").sendKeys("Nguyễn Thị Mai");
            axe(browser, "04-field-name-vi", problems);
            press(browser, "form.field button[type='submit']");
            press(browser, "#zalo-phone");
            browser.waitUntil(d -> "0905123456".equals(d.findElement(By.id("answer")).getAttribute("value")), Waits.BROWSER);
            axe(browser, "05-field-phone-vi", problems);
            press(browser, "form.field button[type='submit']");
            browser.waitUntil(d -> !d.findElements(By.cssSelector(".choices button")).isEmpty(), Waits.BROWSER);
            axe(browser, "06-field-day-vi", problems);
            press(browser, ".choices button");
            press(browser, "[data-action='skip']"); // the optional note
            visible(browser, "[data-action='confirm']");
            assertTrue(browser.mainText().contains("0905123456"), "the summary shows the number from Zalo");
            axe(browser, "07-summary-vi", problems);
            press(browser, "[data-action='confirm']");
            String code = visible(browser, "#case-code").getText();
            Matcher m = KioskRequestTest.CASE_CODE.matcher(code);
            assertTrue(m.matches(), code);
            axe(browser, "08-sent-vi", problems);

            // The case is in the staff queue with the details; an officer claims it and replies.
            JsonNode cases = staff("GET", "?channel=zalo_mini_app", null).get("cases");
            assertEquals(1, cases.size(), cases.toString());
            assertEquals(code, cases.get(0).get("code").asText());
            JsonNode detail = staff("GET", "/" + code, null);
            assertEquals("0905123456", detail.path("fields").path("phone").asText(), detail.toString());
            staff("POST", "/" + code + "/claim", "{\"officer\":\"can-bo-lan\"}");
            String reply = "Mời chị Mai đến quầy 2 lúc 9:00 sáng thứ Hai, mang theo giấy chứng sinh.";
            staff("POST", "/" + code + "/reply", JSON.writeValueAsString(Map.of("text", reply, "officer", "can-bo-lan")));

            press(browser, "#see-cases");
            visible(browser, "[data-case='" + code + "']");
            browser.waitUntil(d -> browser.mainText().contains(reply), Waits.BROWSER);
            assertEquals("Cán bộ đang xử lý", browser.waitFor("[data-case='" + code + "'] .status").getText());
            // The appointment day the citizen chose, read from the case page API with the check the request returned.
            String chosen = detail.path("fields").path("preferred_day").asText();
            assertTrue(chosen.matches("\\d{4}-\\d{2}-\\d{2}"), "the case holds the chosen day: " + detail);
            WebElement day = browser.waitFor("[data-case='" + code + "'] .appointment-day");
            assertEquals(chosen, day.getAttribute("data-day"));
            String shown = chosen.substring(8) + "/" + chosen.substring(5, 7) + "/" + chosen.substring(0, 4);
            assertTrue(day.getText().contains(shown), "the day is shown as " + shown + ": " + day.getText());
            axe(browser, "09-cases-vi", problems);

            // A new launch of the app (same Zalo user): the case and the reply are still there.
            browser.script("localStorage.clear()");
            browser.driver().get("about:blank");
            browser.driver().get(app("&zaloToken=" + ZALO_TOKEN));
            visible(browser, ".procedure-list [data-procedure]");
            tab(browser, 4);
            visible(browser, "[data-case='" + code + "']");
            browser.waitUntil(d -> browser.mainText().contains(reply), Waits.BROWSER);

            // Privacy centre: the receipt, then withdraw and erase.
            tab(browser, 5);
            assertTrue(visible(browser, "#receipt-id").getText().startsWith("WD-CR-"));
            visible(browser, "[data-decision='agree']");
            axe(browser, "10-privacy-vi", problems);
            press(browser, "#my-data");
            browser.waitUntil(d -> browser.mainText().contains("Nguyễn Thị Mai"), Waits.BROWSER);
            press(browser, "#withdraw");
            visible(browser, "[data-action='erase:confirm']");
            axe(browser, "11-withdraw-confirm-vi", problems);
            press(browser, "[data-action='erase:confirm']");
            visible(browser, "[data-decision='withdraw']");

            JsonNode after = staff("GET", "/" + code, null);
            assertEquals("withdrawn", after.path("status").asText(), after.toString());
            assertTrue(after.path("fields").isObject() && after.path("fields").isEmpty(), "the case's fields are erased: " + after);
            assertFalse(after.toString().contains("0905123456"), "the phone number is gone");
            // Erased at the ward, forgotten on the phone: "My cases" no longer lists it (nor shows the reply).
            assertEquals("null", String.valueOf(browser.script("return localStorage.getItem('warddesk.miniapp.cases')")));
            tab(browser, 4);
            visible(browser, ".staff-messages .actions");
            browser.waitUntil(d -> d.findElements(By.cssSelector("[data-case='" + code + "']")).isEmpty(), Waits.BROWSER);
            browser.waitUntil(d -> !browser.mainText().contains(reply), Waits.BROWSER);
        }
        assertEquals(List.of(), problems, "axe violations");
    }

    @Test
    void every_screen_has_no_axe_violation_in_either_language() throws Exception {
        List<String> problems = new ArrayList<>();
        try (KioskBrowser browser = new KioskBrowser(api(), 390, 844)) {
            browser.driver().get(app(""));
            visible(browser, ".procedure-list [data-procedure]");
            for (String lang : List.of("vi", "en")) {
                press(browser, ".langs button[lang='" + lang + "']");
                browser.waitUntil(d -> lang.equals(browser.script("return document.documentElement.lang")), Waits.BROWSER);
                tab(browser, 1);
                heading(browser, lang.equals("vi") ? "Xin chào!" : "Hello!");
                visible(browser, "#main .procedure-list [data-procedure]");
                axe(browser, "20-home-" + lang, problems);

                tab(browser, 2);
                WebElement search = visible(browser, "#procedure-search");
                search.sendKeys(lang.equals("vi") ? "tam tru" : "residence");
                browser.waitUntil(d -> !d.findElements(By.cssSelector("[data-procedure='temporary_residence']")).isEmpty(), Waits.BROWSER);
                axe(browser, "21-procedures-" + lang, problems);
                press(browser, ".procedure-list.detailed [data-procedure='temporary_residence']");
                visible(browser, "[role='tab']");
                for (WebElement aspect : browser.all("[role='tab']")) {
                    aspect.click();
                }
                axe(browser, "22-procedure-" + lang, problems);

                tab(browser, 3);
                WebElement question = visible(browser, "#question");
                int before = browser.all(".msg-bot").size();
                question.sendKeys(lang.equals("vi") ? "Giờ làm việc của phường?\n" : "What are the office hours?\n");
                browser.waitUntil(d -> d.findElements(By.cssSelector(".msg-bot")).size() > before, Waits.BROWSER);
                axe(browser, "23-ask-" + lang, problems);

                tab(browser, 1);
                press(browser, ".office-status");
                visible(browser, ".weekly li");
                axe(browser, "24-office-" + lang, problems);

                tab(browser, 4);
                visible(browser, ".staff-messages");
                axe(browser, "25-cases-" + lang, problems);

                tab(browser, 5);
                visible(browser, "#withdraw");
                browser.waitUntil(d -> !d.findElements(By.cssSelector("#consents p")).isEmpty(), Waits.BROWSER);
                axe(browser, "26-privacy-" + lang, problems);
            }
            // A request in English: consent, then decline; nothing is stored and the screen says so.
            tab(browser, 2);
            press(browser, ".procedure-list.detailed [data-procedure='birth_registration']");
            press(browser, "#start-request");
            heading(browser, "Personal data protection");
            axe(browser, "27-consent-en", problems);
            press(browser, "[data-action='consent:decline']");
            heading(browser, "No request was sent");
            axe(browser, "28-declined-en", problems);
        }
        assertEquals(List.of(), problems, "axe violations");
    }
}
