package vn.warddesk.bot.kiosk;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.KioskServerSupport;
import vn.warddesk.bot.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A citizen asks for an officer at the kiosk; the officer's reply shows up in the kiosk chat (polling). */
@ServerTest
class KioskStaffReplyTest {
    private static final String ADMIN_TOKEN = "kiosk-test-admin-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static HikariDataSource pool;
    private static AutoCloseable features;

    private final URI uri;

    KioskStaffReplyTest(URI uri) {
        this.uri = uri;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        pool = TestDatabase.fresh("kiosk_staff");
        Config config = Config.just(ConfigSources.create(Map.of("admin.token", ADMIN_TOKEN)));
        features = KioskServerSupport.configure(server, config, pool, Clock.systemUTC());
    }

    @AfterAll
    static void close() throws Exception {
        features.close();
        pool.close();
    }

    private String base() {
        return "http://localhost:" + uri.getPort();
    }

    private JsonNode staff(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/api/v1/staff/cases" + path))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .header("Content-Type", "application/json");
        request = body == null ? request.GET() : request.method(method, HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    @Test
    void an_officer_reply_reaches_the_kiosk_chat_and_the_chat_stays_open() throws Exception {
        try (KioskBrowser browser = new KioskBrowser(base(), 1280, 800)) {
            browser.open("", "#/ask");
            browser.waitFor("#question").sendKeys("Tôi muốn gặp cán bộ\n");
            browser.waitFor(".msg-bot");
            assertEquals("#/ask", browser.script("return location.hash"), "a hand-off keeps the citizen in the chat");

            JsonNode cases = staff("GET", "?channel=kiosk", null).get("cases");
            assertEquals(1, cases.size(), "one case opened for the hand-off: " + cases);
            String code = cases.get(0).get("code").asText();
            staff("POST", "/" + code + "/claim", "{\"officer\":\"can-bo-lan\"}");
            String reply = "Chào bạn, mời bạn đến quầy số 2, tầng 1.";
            staff("POST", "/" + code + "/reply", JSON.writeValueAsString(Map.of("text", reply, "officer", "can-bo-lan")));

            browser.waitUntil(d -> !browser.all(".msg-staff").isEmpty(), Duration.ofSeconds(20));
            assertTrue(browser.waitFor(".msg-staff .msg-text").getText().contains(reply));
            assertTrue(browser.waitFor(".msg-staff .msg-who").getText().contains("Cán bộ phường"));
            browser.screenshot("03-ask-staff-reply-vi");
            assertEquals(List.of(), browser.accessibilityViolations(), "axe on the chat with a staff reply");

            // The transcript belongs to the chat screen: leaving it drops the messages.
            browser.click("[data-go='#/']");
            browser.waitFor(".tiles .tile");
            assertFalse(browser.mainText().contains(reply));
        }
    }
}
