package vn.warddesk.bot;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.channel.Await;
import vn.warddesk.bot.channel.zalo.ZaloTokens;
import vn.warddesk.bot.testing.TestDatabase;
import vn.warddesk.bot.testing.Webhooks;
import vn.warddesk.bot.testing.Waits;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The channels wired in Features with the real conversation engine: Telegram and Zalo in, replies out. */
@ServerTest
class ChannelsWithEngineTest {
    private static final String TOKEN = "77:engine";
    private static final String SECRET = "engine-secret";
    private static final String APP_ID = "1234567890";
    private static final String OA_SECRET = "oa-key";
    private static WireMockServer platforms;
    private static HikariDataSource pool;
    private static Features features;

    private final Http1Client client;

    ChannelsWithEngineTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        platforms = new WireMockServer(options().dynamicPort());
        platforms.start();
        platforms.stubFor(post(urlEqualTo("/bot" + TOKEN + "/sendMessage")).willReturn(
                aResponse().withHeader("Content-Type", "application/json").withBody("{\"ok\":true,\"result\":{\"message_id\":1}}")));
        platforms.stubFor(post(urlEqualTo("/bot" + TOKEN + "/answerCallbackQuery")).willReturn(
                aResponse().withHeader("Content-Type", "application/json").withBody("{\"ok\":true,\"result\":true}")));
        platforms.stubFor(post(urlEqualTo("/v3.0/oa/message/cs")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"error\":0,\"message\":\"Success\",\"data\":{\"message_id\":\"m\",\"user_id\":\"u\"}}")));
        pool = TestDatabase.fresh("channels_engine");
        Map<String, String> map = new HashMap<>();
        map.put("catalog.dir", "../config/catalog");
        map.put("telegram.bot-token", TOKEN);
        map.put("telegram.webhook-secret", SECRET);
        map.put("telegram.api-base-url", platforms.baseUrl());
        map.put("telegram.rate.per-chat-per-second", "100");
        map.put("zalo.app-id", APP_ID);
        map.put("zalo.app-secret", "app-secret");
        map.put("zalo.oa-id", "oa-1");
        map.put("zalo.oa-secret-key", OA_SECRET);
        map.put("zalo.api-base-url", platforms.baseUrl());
        map.put("zalo.oauth-base-url", platforms.baseUrl());
        map.put("zalo.rate.per-chat-per-second", "100");
        map.put("outbox.poll-interval", "PT0.05S");
        map.put("privacy.hash-key", "engine-test-key");
        Config config = Config.just(ConfigSources.create(map));
        ZaloTokens.create(vn.warddesk.bot.WardDeskSettings.read(config).channels().zalo(), pool, Clock.systemUTC()).bootstrap("r-1", Optional.of("a-1"), Duration.ofHours(25));
        features = Features.create(WardDeskSettings.read(config), pool, Clock.systemUTC());
        Main.configureServer(server, features);
    }

    @AfterAll
    static void close() {
        features.close();
        pool.close();
        platforms.stop();
    }

    @Test
    void a_telegram_question_gets_the_engines_answer_and_a_replay_gets_nothing_more() {
        String update = """
                {"update_id":5001,"message":{"message_id":1,"date":1732780800,
                 "from":{"id":901,"is_bot":false,"first_name":"Lan","language_code":"vi"},
                 "chat":{"id":901,"type":"private"},"text":"Phường làm việc mấy giờ?"}}""";
        assertEquals(Status.OK_200, telegram(update));
        List<LoggedRequest> first = telegramSent("901", 1);
        assertFalse(first.isEmpty(), "the engine's reply reaches Telegram");

        assertEquals(Status.OK_200, telegram(update));
        // Wait for what is observable: the inbox is empty and the outbox has nothing left to send. A replay that
        // slipped through would by then have added its own citizen message and reply rows.
        assertTrue(Await.until(Waits.BACKGROUND, ChannelsWithEngineTest::drained), "inbox and outbox drained");
        assertEquals(1, count("SELECT COUNT(*) FROM message m JOIN conversation c ON c.id = m.conversation_id"
                              + " WHERE c.channel = 'telegram' AND c.channel_address = '901' AND m.direction = 'in'"),
                     "the replayed update is not handled again");
        assertEquals(count("SELECT COUNT(*) FROM outbox o JOIN conversation c ON c.id = o.conversation_id"
                           + " WHERE c.channel = 'telegram' AND c.channel_address = '901' AND o.status = 'sent'"),
                     telegramSent("901", 0).size(), "Telegram got exactly the replies of the one update");
    }

    @Test
    void start_and_a_button_press_are_answered() {
        assertEquals(Status.OK_200, telegram("""
                {"update_id":5002,"message":{"message_id":2,"date":1732780800,
                 "from":{"id":902,"is_bot":false,"first_name":"An","language_code":"en"},
                 "chat":{"id":902,"type":"private"},"text":"/start"}}"""));
        assertFalse(telegramSent("902", 1).isEmpty());
        assertTrue(Await.until(Waits.BACKGROUND, ChannelsWithEngineTest::drained), "the welcome is fully sent");
        int before = telegramSent("902", 0).size();
        assertEquals(Status.OK_200, telegram("""
                {"update_id":5003,"callback_query":{"id":"cb-5003","chat_instance":"1","data":"hours",
                 "from":{"id":902,"is_bot":false,"first_name":"An","language_code":"en"},
                 "message":{"message_id":3,"date":1732780800,"chat":{"id":902,"type":"private"},"text":"…"}}}"""));
        assertTrue(Await.until(Waits.BACKGROUND, () -> telegramSent("902", 0).size() > before));
        assertTrue(Await.until(Waits.BACKGROUND, () -> !platforms.findAll(postRequestedFor(
                urlEqualTo("/bot" + TOKEN + "/answerCallbackQuery"))).isEmpty()));
    }

    @Test
    void an_erasure_asked_on_telegram_is_confirmed_to_the_citizen_before_the_address_goes() {
        assertEquals(Status.OK_200, telegram("""
                {"update_id":5010,"message":{"message_id":10,"date":1732780800,
                 "from":{"id":904,"is_bot":false,"first_name":"Hoa","language_code":"vi"},
                 "chat":{"id":904,"type":"private"},"text":"Tôi muốn xóa dữ liệu của tôi"}}"""));
        assertTrue(Await.until(Waits.BACKGROUND, () -> telegramSent("904", 1).stream()
                .anyMatch(r -> r.getBodyAsString().contains("erase:confirm"))), "the bot asks to confirm the erasure");
        assertEquals(Status.OK_200, telegram("""
                {"update_id":5011,"callback_query":{"id":"cb-5011","chat_instance":"1","data":"erase:confirm",
                 "from":{"id":904,"is_bot":false,"first_name":"Hoa","language_code":"vi"},
                 "message":{"message_id":11,"date":1732780800,"chat":{"id":904,"type":"private"},"text":"…"}}}"""));
        assertTrue(Await.until(Waits.BACKGROUND, () -> telegramSent("904", 0).stream()
                .anyMatch(r -> r.getBodyAsString().contains("Đã xóa"))), "the confirmation reaches the citizen");
        assertTrue(Await.until(Waits.BACKGROUND, ChannelsWithEngineTest::drained));
        assertEquals(0, count("SELECT COUNT(*) FROM outbox o JOIN conversation c ON c.id = o.conversation_id"
                              + " WHERE c.channel_address = '904' AND o.status = 'sent' AND o.payload LIKE '%Tôi muốn xóa%'"),
                     "no copy of an erased text is kept");
    }

    @Test
    void a_zalo_question_is_answered_as_an_oa_message() {
        String body = """
                {"app_id":"%s","user_id_by_app":"1","event_name":"user_send_text","sender":{"id":"z-903"},
                 "recipient":{"id":"oa-1"},"message":{"msg_id":"zm-1","text":"Làm giấy khai sinh cần gì?"},
                 "timestamp":"1732780800000"}""".formatted(APP_ID);
        assertEquals(Status.OK_200, Webhooks.zaloSigned(client, "/webhooks/zalo", APP_ID, body, "1732780800000", OA_SECRET));
        var pattern = postRequestedFor(urlEqualTo("/v3.0/oa/message/cs"))
                .withRequestBody(matchingJsonPath("$.recipient.user_id", equalTo("z-903")));
        assertTrue(Await.until(Waits.BACKGROUND, () -> !platforms.findAll(pattern).isEmpty()),
                   "the engine's reply reaches Zalo inside the interaction window");
    }

    private Status telegram(String body) {
        return Webhooks.telegram(client, "/webhooks/telegram", SECRET, body);
    }

    private static List<LoggedRequest> telegramSent(String chat, int atLeast) {
        var pattern = postRequestedFor(urlEqualTo("/bot" + TOKEN + "/sendMessage"))
                .withRequestBody(matchingJsonPath("$.chat_id", equalTo(chat)));
        Await.until(Duration.ofSeconds(10), () -> platforms.findAll(pattern).size() >= atLeast);
        return platforms.findAll(pattern);
    }

    /** Nothing waits in the inbox and nothing is left to send in the outbox. */
    private static boolean drained() {
        return count("SELECT COUNT(*) FROM inbox WHERE status = 'pending'") == 0
               && count("SELECT COUNT(*) FROM outbox WHERE status = 'queued'") == 0;
    }

    private static long count(String sql) {
        try (var connection = pool.getConnection();
             var query = connection.prepareStatement(sql);
             var rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }
}
