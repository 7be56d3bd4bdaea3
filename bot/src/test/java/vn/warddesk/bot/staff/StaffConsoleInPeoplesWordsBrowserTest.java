package vn.warddesk.bot.staff;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import vn.warddesk.bot.StaffServerSupport;
import vn.warddesk.bot.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18 in a real Chromium over the real server (engine, cases, outbox, catalog on MariaDB): where staff replies
 * went, the case page after the kiosk session ended (through the slip's QR code), analytics without personal data,
 * the form-based catalog editor from edit to what citizens see, and axe on every staff screen in both languages.
 */
@ServerTest
class StaffConsoleInPeoplesWordsBrowserTest {
    private static final String BASE_URL = "https://warddesk.example.vn";
    private static HikariDataSource pool;
    private static EngineCases engine;
    private final URI uri;
    private final StaffApi api;

    StaffConsoleInPeoplesWordsBrowserTest(URI uri) {
        this.uri = uri;
        this.api = new StaffApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        pool = TestDatabase.fresh("staff_peoples_words");
        engine = new EngineCases(pool);
        StaffServerSupport.configureWithDemoAccounts(server, Map.of("staff.events-poll-interval", "PT0.3S",
                                                                    "conversation.public-base-url", BASE_URL),
                                                     pool, Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    private String base() {
        return uri.toString().replaceAll("/$", "");
    }

    /**
     * A kiosk conversation through the public API whose citizen asks for an officer: returns {id, token, code, the
     * case page URL the kiosk got for its slip}.
     */
    private String[] kioskHandoff() throws Exception {
        JsonNode created = call("POST", "/api/v1/conversations", null, "{\"channel\":\"kiosk\",\"locale\":\"vi\"}");
        String id = created.get("id").asText();
        String token = created.get("token").asText();
        JsonNode handoff = call("POST", "/api/v1/conversations/" + id + "/messages", token, "{\"text\":\"Tôi muốn gặp cán bộ\"}");
        String code = single("SELECT code FROM case_file WHERE conversation_id = ?", id);
        assertEquals(code, handoff.path("caseCode").asText(), handoff.toString());
        assertTrue(handoff.path("casePageUrl").asText().endsWith("#k=" + handoff.path("caseCheck").asText()), handoff.toString());
        return new String[] {id, token, code, handoff.path("casePageUrl").asText()};
    }

    private JsonNode call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() < 300, path + ": " + response.statusCode() + " " + response.body());
        return response.body().isEmpty() ? null : StaffApi.JSON.readTree(response.body());
    }

    private static String single(String sql, Object... args) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                q.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void update(String sql, Object... args) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                q.setObject(i + 1, args[i]);
            }
            q.executeUpdate();
        }
    }

    private void reply(StaffBrowser b, String code, String text) {
        b.open("/staff/#/case/" + code);
        b.awaitText(By.id("case-code"), code); // the case view is drawn in one go once its heading is there
        if (!b.driver().findElements(By.id("case-claim")).isEmpty()) {
            b.click(By.id("case-claim"));
        }
        b.type(By.id("reply-text"), text);
        b.click(By.id("reply-send"));
        b.awaitText(By.id("case-transcript"), text);
    }

    @Test
    void each_staff_reply_says_where_it_went_and_a_closed_kiosk_session_sends_the_citizen_to_the_case_page() throws Exception {
        String[] ended = kioskHandoff();
        call("DELETE", "/api/v1/conversations/" + ended[0], ended[1], null); // the citizen pressed "Finish"
        String[] open = kioskHandoff();
        EngineCases.Created telegram = engine.request("demo-hoa-an", "telegram", "birth_registration",
                                                      Map.of("contact_name", "Lê Thị Hoa", "phone", "0905 123 456",
                                                             "preferred_day", "2026-12-08"), "Tôi muốn làm khai sinh");
        try (StaffBrowser b = new StaffBrowser(base())) {
            b.signIn("demo.officer", "demo-officer-2026");
            b.await(By.id("queue-list"));

            reply(b, ended[2], "Mời anh/chị đến quầy số 2 vào sáng thứ Hai.");
            b.awaitText(By.cssSelector("#case-transcript .delivery"), "Công dân không còn trong cuộc trò chuyện — xem trên trang hồ sơ");
            assertEquals("case_page", b.driver().findElement(By.cssSelector("#case-transcript .delivery")).getDomAttribute("data-state"));

            reply(b, open[2], "Chào bạn, cán bộ đây.");
            b.awaitText(By.cssSelector("#case-transcript .delivery"), "Hiện trong cuộc trò chuyện Kiosk đang mở");

            reply(b, telegram.code(), "Chị mang giấy chứng sinh nhé.");
            b.awaitText(By.cssSelector("#case-transcript .delivery"), "Đang chờ gửi qua Telegram");
            reply(b, telegram.code(), "Lịch hẹn của chị là thứ Ba.");
            assertTrue(engine.outbound(telegram).stream().anyMatch(m -> m[1].contains("Xem hồ sơ: " + BASE_URL + "/c/" + telegram.code() + "#k=")),
                       "the claim notice on Telegram links to the case page");
            // The dispatcher's outcome per row, matched to its message by id (not by order).
            String first = single("SELECT MIN(id) FROM message WHERE conversation_id = ? AND origin = 'staff'", telegram.conversationId());
            String second = single("SELECT MAX(id) FROM message WHERE conversation_id = ? AND origin = 'staff'", telegram.conversationId());
            assertEquals("2", single("SELECT COUNT(*) FROM outbox WHERE message_id IN (?, ?)", first, second));
            update("UPDATE outbox SET status = 'failed', failure_reason = 'telegram 403: Forbidden: bot was blocked by the user'"
                   + " WHERE message_id = ?", second);
            update("UPDATE outbox SET status = 'sent', sent_at = ?, platform_message_id = '4242' WHERE message_id = ?",
                   Timestamp.from(Instant.now()), first);
            b.driver().navigate().refresh(); // the same hash: reload to read the rows again
            b.awaitText(By.cssSelector("#case-transcript li[data-seq='" + first + "'] .delivery"), "Đã gửi qua Telegram");
            assertTrue(b.driver().findElement(By.cssSelector("#case-transcript li[data-seq='" + first + "'] .delivery")).getText()
                               .contains("(mã tin 4242)"));
            assertTrue(b.driver().findElement(By.cssSelector("#case-transcript li[data-seq='" + second + "'] .delivery")).getText()
                               .contains("Không gửi được qua Telegram — xem trên trang hồ sơ, hoặc gọi 0905 123 456"));
            // People's words: labels from the intake definitions, the day with its weekday, consent as a sentence.
            String fields = b.driver().findElement(By.id("case-fields")).getText();
            assertTrue(fields.contains("Số điện thoại") && fields.contains("Ngày muốn đến") && fields.contains("08/12/2026"), fields);
            assertFalse(fields.contains("preferred_day") || fields.contains("contact_name"), fields);
            assertTrue(b.driver().findElement(By.id("consent-sentence")).getText()
                               .startsWith("Đã đồng ý bằng cách bấm nút lúc "), "consent in words");
            b.screenshot("delivery-states");

            // The slip's QR code of the ended kiosk case opens the case page, where the reply waits for the citizen.
            String url = vn.warddesk.bot.cases.QrCodes.decode(new String(HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(base() + "/api/v1/cases/" + ended[2] + "/qr.svg?check="
                                                      + ended[3].substring(ended[3].indexOf("#k=") + 3))).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body(), java.nio.charset.StandardCharsets.UTF_8));
            assertTrue(url.matches(java.util.regex.Pattern.quote(BASE_URL + "/c/" + ended[2]) + "#k=\\d{4}"), url);
            assertEquals(ended[3], url, "the slip's QR code and the link the kiosk got are the same");
            b.open(url.replace(BASE_URL, "")); // the same path and fragment on this test server
            b.awaitText(By.id("case-messages"), "Mời anh/chị đến quầy số 2 vào sáng thứ Hai.");
            b.screenshot("case-page-after-kiosk");
        }
    }

    @Test
    void analytics_never_shows_a_name_or_phone_number_typed_into_a_request_or_to_an_officer() throws Exception {
        String ward = "demo-hoa-an";
        for (int i = 0; i < 3; i++) {
            String conversation = conversation(ward);
            message(conversation, "Cho tôi hỏi lịch chiếu phim rạp Lotte tối nay", Instant.now().minusSeconds(600));
        }
        EngineCases.Created intake = engine.request(ward, "kiosk", "birth_registration",
                                                    Map.of("contact_name", "Phạm Minh Khôi", "phone", "0987 654 321"), "khai sinh");
        for (int i = 0; i < 4; i++) {
            engine.citizenWrites(intake, "Phạm Minh Khôi");
            engine.citizenWrites(intake, "0987 654 321");
        }
        try (StaffBrowser b = new StaffBrowser(base())) {
            b.signIn("demo.supervisor", "demo-supervisor-2026");
            b.await(By.id("nav-analytics"));
            b.click(By.id("nav-analytics"));
            b.await(By.id("analytics-withheld"));
            String page = b.driver().findElement(By.id("main")).getText();
            assertFalse(page.contains("Phạm Minh Khôi") || page.contains("0987") || page.contains("654 321"), page);
            assertFalse(page.matches("(?s).*\\b[a-z]+_[a-z_]+\\b.*"), "no intent or procedure codes: " + page);
            b.screenshot("analytics");
        }
    }

    @Test
    void an_editor_changes_a_procedure_in_the_form_sees_errors_and_the_preview_publishes_and_citizens_see_it() throws Exception {
        try (StaffBrowser b = new StaffBrowser(base())) {
            b.signIn("demo.editor", "demo-editor-2026");
            b.await(By.id("catalog-procedure"));
            new Select(b.driver().findElement(By.id("catalog-procedure"))).selectByValue("death_registration");
            b.await(By.id("catalog-form"));
            // A new document row, moved to the top; a source with a bad address.
            b.click(By.id("cf-documents-add"));
            int rows = b.driver().findElements(By.cssSelector("#cf-documents .row-item")).size();
            String last = "#cf-documents .row-item[data-index='" + (rows - 1) + "']";
            b.type(By.cssSelector(last + " [data-path='documents[" + (rows - 1) + "].text.vi']"), "Sổ hộ khẩu cũ (nếu còn giữ)");
            b.click(By.cssSelector(last + " button.up"));
            b.click(By.id("cf-sources-add"));
            int sources = b.driver().findElements(By.cssSelector("#cf-sources .row-item")).size();
            b.type(By.cssSelector("[data-path='sources[" + (sources - 1) + "].title']"), "Bài hướng dẫn của phường");
            b.type(By.cssSelector("[data-path='sources[" + (sources - 1) + "].number']"), "HD-01/2026");
            b.type(By.cssSelector("[data-path='sources[" + (sources - 1) + "].issuer']"), "UBND phường Hòa An");
            b.type(By.cssSelector("[data-path='sources[" + (sources - 1) + "].url']"), "www.example.vn/huong-dan");
            b.click(By.id("catalog-check"));
            b.await(By.id("catalog-problems"));
            b.awaitText(By.id("catalog-problems"), "Địa chỉ phải bắt đầu bằng https:// hoặc http://");
            b.awaitText(By.id("catalog-problems"), "Giấy tờ (tiếng Anh): Bắt buộc phải điền."); // the new document's English text
            assertEquals("true", b.driver().findElement(By.cssSelector("[data-path='sources[" + (sources - 1) + "].url']"))
                    .getDomAttribute("aria-invalid"));
            assertTrue(b.driver().findElement(By.id("catalog-publish")).getDomProperty("disabled").equals("true"),
                       "nothing can be published while there are problems");
            b.screenshot("catalog-form-errors");

            b.type(By.cssSelector("[data-path='sources[" + (sources - 1) + "].url']"), "https://example.vn/huong-dan");
            b.type(By.cssSelector("[data-path='documents[" + (rows - 2) + "].text.en']"), "Old household book (if you still have it)");
            b.click(By.id("catalog-check"));
            b.awaitText(By.id("preview-kiosk"), "Sổ hộ khẩu cũ (nếu còn giữ)");
            b.awaitText(By.id("preview-chat"), "Sổ hộ khẩu cũ (nếu còn giữ)");
            String diff = b.driver().findElement(By.id("catalog-diff")).getText();
            assertTrue(diff.contains("documents") && diff.contains("sources"), diff);
            b.screenshot("catalog-form-preview");
            b.click(By.id("catalog-publish"));
            b.awaitText(By.id("catalog-live"), "2");
        }
        HttpResponse<String> detail = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base() + "/api/v1/procedures/death_registration?locale=vi")).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode documents = StaffApi.JSON.readTree(detail.body()).get("documents");
        assertEquals("Sổ hộ khẩu cũ (nếu còn giữ)", documents.get(documents.size() - 2).get("text").asText(),
                     "the citizen's answer lists the new paper where the editor moved it");
        // And the chat: asking about the documents answers with the new paper.
        JsonNode created = call("POST", "/api/v1/conversations", null, "{\"channel\":\"web\",\"locale\":\"vi\"}");
        JsonNode answer = call("POST", "/api/v1/conversations/" + created.get("id").asText() + "/messages",
                               created.get("token").asText(), "{\"action\":\"ask:death_registration:documents\"}");
        assertTrue(answer.toString().contains("Sổ hộ khẩu cũ (nếu còn giữ)"), answer.toString());
    }

    @Test
    void every_staff_screen_has_no_axe_violation_in_vietnamese_and_english_and_the_console_logs_no_error() throws Exception {
        EngineCases.Created k = engine.request("demo-hoa-an", "web", "birth_registration",
                                               Map.of("contact_name", "Võ Thị Sáu", "phone", "0912 000 111",
                                                      "preferred_day", LocalDate.now().plusDays(3).toString()), "khai sinh");
        try (StaffBrowser b = new StaffBrowser(base())) {
            for (String lang : List.of("vi", "en")) {
                b.open("/staff/");
                b.await(By.id("login-form"));
                if (!b.driver().executeScript("return document.documentElement.lang").equals(lang)) {
                    b.click(By.id("language"));
                    b.await(By.id("login-form"));
                }
                assertEquals(lang, b.driver().executeScript("return document.documentElement.lang"));
                assertEquals(List.of(), b.consoleErrors(), "no 401 before sign-in, no missing favicon");
                axe(b, lang + " sign-in");

                b.signInOnForm("demo.supervisor", "demo-supervisor-2026");
                b.await(By.id("queue-list"));
                axe(b, lang + " queue");
                b.open("/staff/#/case/" + k.code());
                b.await(By.id("case-transcript"));
                axe(b, lang + " case");
                b.click(By.id("nav-audit"));
                b.await(By.cssSelector(".audit-row"));
                axe(b, lang + " audit");
                b.click(By.id("nav-analytics"));
                b.await(By.id("analytics-withheld"));
                axe(b, lang + " analytics");
                b.open("/staff/#/password");
                b.await(By.id("password-form"));
                axe(b, lang + " password");
                b.signOut();

                b.signInOnForm("demo.editor", "demo-editor-2026");
                b.await(By.id("catalog-procedure"));
                axe(b, lang + " catalog");
                new Select(b.driver().findElement(By.id("catalog-procedure"))).selectByValue("birth_registration");
                b.await(By.id("catalog-form"));
                b.click(By.id("catalog-check"));
                b.await(By.id("preview-kiosk"));
                axe(b, lang + " catalog form with preview");
                b.click(By.id("catalog-tab-json"));
                b.await(By.id("catalog-json"));
                axe(b, lang + " catalog JSON");
                b.signOut();

                b.signInOnForm("demo.admin", "demo-admin-2026");
                b.await(By.id("accounts-list"));
                b.await(By.cssSelector("#accounts-list table"));
                axe(b, lang + " accounts");
                // The one expected 401: the password step of a second-factor sign-in ("second_factor_required").
                assertEquals(List.of(), b.consoleErrors().stream()
                                     .filter(e -> !(e.contains("/api/v1/staff/login") && e.contains("401"))).toList(),
                             "no console errors while working (" + lang + ")");
                b.signOut();
            }
        }
    }

    @Test
    void a_locked_out_account_is_told_how_long_to_wait() {
        try (StaffBrowser b = new StaffBrowser(base())) {
            b.open("/staff/");
            b.await(By.id("login-form"));
            // Throttled per (account, address) with growing waits: the message says how long, from Retry-After.
            // Wrong passwords until the wait is shown, as someone guessing would: on a slow machine an early wait can
            // have passed before the next try, so the count is bounded, not exact.
            java.util.regex.Pattern wait = java.util.regex.Pattern.compile("(?s).*Vui lòng thử lại sau \\d+ (giây|phút)\\..*");
            boolean told = false;
            for (int i = 0; i < 15 && !told; i++) {
                b.type(By.id("username"), "demo.phumy");
                b.type(By.id("password"), "wrong-password-" + i);
                b.click(By.id("login-submit"));
                b.awaitText(By.id("login-error"), "."); // an answer came (wrong password, then the wait)
                told = wait.matcher(b.driver().findElement(By.id("login-error")).getText()).matches();
            }
            assertTrue(told, "after repeated wrong passwords the console says how long to wait");
        }
    }

    private static void axe(StaffBrowser b, String screen) {
        assertEquals(List.of(), b.accessibilityViolations(), "axe on " + screen);
    }

    private static String conversation(String ward) throws SQLException {
        String id = UUID.randomUUID().toString();
        update("INSERT INTO conversation (id, ward_id, channel, created_at, updated_at) VALUES (?, ?, 'web', ?, ?)",
               id, ward, Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
        return id;
    }

    private static void message(String conversation, String text, Instant at) throws SQLException {
        update("INSERT INTO message (conversation_id, direction, origin, text, created_at) VALUES (?, 'in', 'citizen', ?, ?)",
               conversation, text, Timestamp.from(at));
    }
}
