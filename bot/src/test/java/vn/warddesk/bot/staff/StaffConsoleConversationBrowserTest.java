package vn.warddesk.bot.staff;

import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end in a real Chromium over the full service: a citizen hands over through the conversation API, an
 * officer claims, replies (the reply reaches the conversation), sees the citizen's answer arrive live, resolves;
 * the officer of another ward gets nothing.
 */
@ServerTest
class StaffConsoleConversationBrowserTest {
    private static HikariDataSource pool;
    private final URI uri;
    private final StaffApi api;

    StaffConsoleConversationBrowserTest(URI uri) {
        this.uri = uri;
        this.api = new StaffApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        pool = TestDatabase.fresh("staff_ui_conversation");
        Map<String, String> map = new HashMap<>();
        map.put("staff.seed-demo-accounts", "true");
        map.put("staff.events-poll-interval", "PT0.3S");
        map.put("privacy.hash-key", "test-key");
        map.put("ward.default-id", "demo-hoa-an");
        StaffServerSupport.configure(server, Config.just(ConfigSources.create(map)), pool, Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    /** The citizen's side: the web conversation API with its bearer token. */
    private record Citizen(String id, String token) {
    }

    private Citizen startConversation() {
        StaffApi.Answer created = api.send("POST", "/api/v1/conversations", Optional.empty(),
                                           Map.of("channel", "web", "locale", "vi"), false, Map.of());
        assertEquals(201, created.status(), created.body());
        return new Citizen(created.json().path("id").asText(), created.json().path("token").asText());
    }

    private JsonNode say(Citizen citizen, Map<String, String> body) {
        StaffApi.Answer answer = api.send("POST", "/api/v1/conversations/" + citizen.id() + "/messages", Optional.empty(),
                                          body, false, Map.of("Authorization", "Bearer " + citizen.token()));
        assertEquals(200, answer.status(), answer.body());
        return answer.json();
    }

    private JsonNode messages(Citizen citizen) {
        StaffApi.Answer answer = api.send("GET", "/api/v1/conversations/" + citizen.id() + "/messages?after=0", Optional.empty(),
                                          null, false, Map.of("Authorization", "Bearer " + citizen.token()));
        assertEquals(200, answer.status(), answer.body());
        return answer.json().path("messages");
    }

    @Test
    void a_case_from_the_conversation_api_is_claimed_answered_and_resolved_in_the_console() {
        String base = uri.toString().replaceAll("/$", "");
        try (StaffBrowser b = new StaffBrowser(base)) {
            b.signIn("demo.officer", "demo-officer-2026");
            b.await(By.id("queue-list"));
            b.awaitText(By.id("live-state"), "Trực tuyến");

            // The citizen writes (with markup that must stay text) and asks for a member of staff.
            Citizen citizen = startConversation();
            say(citizen, Map.of("text", "<img src=x onerror=\"document.title='pwned'\">Tôi cần hỏi về giấy khai sinh cho con"));
            JsonNode handoff = say(citizen, Map.of("action", "staff"));
            String code = handoff.path("caseCode").asText();
            assertTrue(code.matches("[A-Z]+-\\d{4}-\\d{7}-\\d{7}"), handoff.toString());

            // It appears in the open queue without a reload.
            b.await(By.cssSelector("tr.case-row[data-code='" + code + "']"));
            b.screenshot("real-queue");
            b.click(By.cssSelector("tr.case-row[data-code='" + code + "'] button.claim"));
            b.await(By.id("reply-text"));
            assertTrue(b.driver().findElement(By.id("case-transcript")).getText().contains("<img src=x onerror="));
            assertTrue(b.driver().findElements(By.cssSelector("#case-transcript img")).isEmpty());

            b.type(By.id("reply-text"), "Chào anh/chị, tôi là cán bộ phường. Cháu sinh ngày nào ạ?");
            b.click(By.id("reply-send"));
            b.awaitText(By.id("case-transcript"), "Cháu sinh ngày nào");
            b.awaitText(By.id("case-transcript"), "Hiện trong cuộc trò chuyện Web đang mở của công dân");

            // The reply reached the citizen's conversation, as the kiosk/web client reads it.
            boolean reached = false;
            for (JsonNode m : messages(citizen)) {
                reached |= "staff".equals(m.path("origin").asText()) && m.path("text").asText().contains("Cháu sinh ngày nào");
            }
            assertTrue(reached, "the staff reply is in GET /api/v1/conversations/{id}/messages");

            // The citizen answers; the open case shows it without a reload.
            say(citizen, Map.of("text", "Cháu sinh ngày 5/11 ạ"));
            b.awaitText(By.id("case-transcript"), "Cháu sinh ngày 5/11 ạ");
            b.screenshot("real-case");

            b.type(By.id("resolve-outcome"), "Đã hướng dẫn đăng ký khai sinh");
            b.click(By.id("case-resolve"));
            b.awaitText(By.id("case-status"), "Đã giải quyết");
            boolean told = false;
            for (JsonNode m : messages(citizen)) {
                told |= m.path("text").asText().contains(code) && m.path("text").asText().contains("giải quyết");
            }
            assertTrue(told, "the citizen is told the case was resolved");
            assertFalse(b.driver().getTitle().contains("pwned"));
            b.signOut();

            // The officer of the other ward: nothing in any tab, and the direct link says "not found".
            b.signIn("demo.phumy", "demo-phumy-2026");
            b.await(By.id("queue-list"));
            for (String tab : new String[] {"new", "claimed", "waiting", "resolved", "withdrawn"}) {
                b.click(By.id("tab-" + tab));
                b.await(By.id("queue-empty"));
            }
            b.open("/staff/#/case/" + code);
            b.await(By.id("case-missing"));
            assertFalse(b.driver().getPageSource().contains("khai sinh cho con"));
            b.screenshot("real-other-ward");
        }
    }

    @Test
    void a_supervisor_sees_an_unanswered_question_masked_once_three_conversations_asked_it() {
        for (int i = 0; i < 3; i++) {
            Citizen citizen = startConversation();
            say(citizen, Map.of("text", "giá vàng hôm nay bao nhiêu vậy, gọi tôi số 098765432" + i));
            say(citizen, Map.of("text", "làm giấy khai sinh cần gì"));
        }
        try (StaffBrowser b = new StaffBrowser(uri.toString().replaceAll("/$", ""))) {
            b.signIn("demo.supervisor", "demo-supervisor-2026");
            b.click(By.id("nav-analytics"));
            b.await(By.id("analytics-oos"));
            String page = b.driver().findElement(By.id("analytics-body")).getText();
            assertTrue(page.contains("giá vàng hôm nay"), "the out-of-scope question is listed for review");
            assertFalse(page.contains("098765432"), "phone numbers are masked");
            assertTrue(page.contains("Đăng ký khai sinh"), "top intents, by name");
            assertFalse(page.contains("birth_registration"), "never as codes");
            b.screenshot("analytics");
        }
    }
}
