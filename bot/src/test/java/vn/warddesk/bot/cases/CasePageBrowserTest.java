package vn.warddesk.bot.cases;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.warddesk.bot.KioskServerSupport;
import vn.warddesk.bot.consent.ConsentLog;
import vn.warddesk.bot.store.Jdbc;
import vn.warddesk.bot.testing.Axe;
import vn.warddesk.bot.testing.TestDatabase;
import vn.warddesk.bot.testing.Waits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The citizen's case page in a real Chromium at phone size: the right check opens it, a wrong one does not. */
@ServerTest
class CasePageBrowserTest {
    private static HikariDataSource pool;
    private static AutoCloseable features;
    private final URI uri;

    CasePageBrowserTest(URI uri) {
        this.uri = uri;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        pool = TestDatabase.fresh("case_page_browser");
        Config config = Config.just(ConfigSources.create(Map.of("privacy.hash-key", "case-page-test-key",
                                                                "conversation.public-base-url", "https://warddesk.example.vn")));
        features = KioskServerSupport.configure(server, config, pool, Clock.systemUTC());
    }

    @AfterAll
    static void close() throws Exception {
        features.close();
        pool.close();
    }

    /** A confirmed birth-registration request from a kiosk with a staff reply on it. */
    static String requestWithReply(HikariDataSource pool, String phone, LocalDate day, String reply) {
        Cases cases = new Cases(pool, "PH", ZoneId.of("Asia/Ho_Chi_Minh"),
                                vn.warddesk.bot.conversation.ConversationLog.access(vn.warddesk.bot.outbox.Outbox.QUEUE));
        Instant now = Instant.now();
        String code = Jdbc.inTransaction(pool, c -> {
            String id = UUID.randomUUID().toString();
            try (var ps = c.prepareStatement("""
                    INSERT INTO conversation (id, ward_id, channel, locale, state, created_at, updated_at)
                    VALUES (?, 'demo-hoa-an', 'kiosk', 'vi', 'handed_off', ?, ?)""")) {
                ps.setString(1, id);
                ps.setTimestamp(2, java.sql.Timestamp.from(now));
                ps.setTimestamp(3, java.sql.Timestamp.from(now));
                ps.executeUpdate();
            }
            long consent = ConsentLog.record(c, id, ConsentLog.PURPOSE_REQUEST, "2026-07-01", ConsentLog.sha256("notice"),
                                             "kiosk", ConsentLog.Decision.AGREE, ConsentLog.Method.BUTTON, now);
            return cases.createRequest(c, "demo-hoa-an", id, "kiosk", "birth_registration",
                                       Map.of("contact_name", "Đặng Thu Thảo", "phone", phone, "preferred_day", day.toString()),
                                       consent, now);
        });
        cases.claim("demo-hoa-an", code, "demo.officer", now);
        cases.reply("demo-hoa-an", code, "demo.officer", reply, now);
        return code;
    }

    @Test
    void the_last_three_digits_of_the_phone_open_the_case_page_and_a_wrong_check_shows_nothing() throws Exception {
        LocalDate day = LocalDate.of(2026, 12, 8);
        String code = requestWithReply(pool, "0905 123 456", day, "Nhớ mang theo giấy chứng sinh bản chính.");
        Path profile = Files.createTempDirectory("case-page-chrome-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                             "--window-size=390,844", "--user-data-dir=" + profile);
        ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build(), options);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Waits.BROWSER);
            driver.get(base() + "/c/" + code);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("check-form")));
            assertEquals(List.of(), Axe.violations(driver), "axe on the check form");
            driver.findElement(By.id("check")).sendKeys("654");
            driver.findElement(By.id("check-open")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("check-error"), "không khớp"));
            assertTrue(driver.findElements(By.id("case-summary")).isEmpty(), "a wrong check shows nothing of the case");

            driver.findElement(By.id("check")).clear();
            driver.findElement(By.id("check")).sendKeys("456");
            driver.findElement(By.id("check-open")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("case-summary")));
            String page = driver.findElement(By.tagName("main")).getText();
            assertTrue(page.contains(code), page);
            assertTrue(page.contains("Cán bộ đang xử lý"), "status in words: " + page);
            assertTrue(page.contains("08/12/2026"), "the appointment day: " + page);
            assertTrue(driver.findElement(By.id("case-bring")).getText().contains("Giấy chứng sinh"), "what to bring");
            assertTrue(driver.findElement(By.id("case-office")).getText().contains("Hòa An"), "the office address");
            assertTrue(driver.findElement(By.id("case-messages")).getText().contains("Nhớ mang theo giấy chứng sinh bản chính."));
            assertFalse(page.contains("Đặng Thu Thảo") || page.contains("0905"), "no name, no phone on a public page");
            assertEquals(List.of(), Axe.violations(driver), "axe on the case page (vi)");

            driver.findElement(By.id("lang")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-day"), "Appointment day"));
            assertEquals("en", driver.executeScript("return document.documentElement.lang"));
            assertEquals(List.of(), Axe.violations(driver), "axe on the case page (en)");
        } finally {
            driver.quit();
        }
    }

    @Test
    void the_qr_code_holds_the_case_page_url_with_its_check_only_for_a_caller_who_knows_a_check() throws Exception {
        String code = requestWithReply(pool, "0911 222 333", LocalDate.of(2026, 12, 9), "Hẹn gặp bạn.");
        String bare = QrCodes.decode(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base() + "/api/v1/cases/" + code + "/qr.svg")).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertEquals("https://warddesk.example.vn/c/" + code, bare, "the public QR endpoint never hands out a check");
        HttpResponse<String> svg = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base() + "/api/v1/cases/" + code + "/qr.svg?check=333")).build(), HttpResponse.BodyHandlers.ofString());
        String url = QrCodes.decode(svg.body());
        assertTrue(url.matches("https://warddesk\\.example\\.vn/c/" + code + "#k=\\d{4}"), url);
        String check = url.substring(url.indexOf("#k=") + 3);
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base() + "/api/v1/cases/" + code + "/page?check=" + check)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("Hẹn gặp bạn."));
        HttpResponse<String> html = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base() + "/c/" + code)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, html.statusCode());
        assertTrue(html.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
    }

    private String base() {
        return "http://localhost:" + uri.getPort();
    }
}
