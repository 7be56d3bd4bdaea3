package vn.warddesk.bot.channel.telegram;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.channel.Await;
import vn.warddesk.bot.channel.Channels;
import vn.warddesk.bot.channel.RecordingPort;
import vn.warddesk.bot.conversation.ConversationRef;
import vn.warddesk.bot.conversation.InboundEvent;
import vn.warddesk.bot.conversation.Input;
import vn.warddesk.bot.testing.SwitchableDataSource;
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
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /webhooks/telegram end to end: webhook → (stand-in) engine → outbox → dispatcher → WireMock as Telegram. */
@ServerTest
class TelegramWebhookTest {
    static final String TOKEN = "123456:TEST-token";
    static final String SECRET = "s3cret_webhook-token";
    private static WireMockServer telegram;
    private static HikariDataSource pool;
    private static RecordingPort port;
    private static Channels channels;
    private static SwitchableDataSource database;

    private final Http1Client client;

    TelegramWebhookTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        telegram = new WireMockServer(options().dynamicPort());
        telegram.start();
        telegram.stubFor(post(urlEqualTo("/bot" + TOKEN + "/sendMessage"))
                                 .willReturn(aResponse().withHeader("Content-Type", "application/json")
                                                     .withBody("{\"ok\":true,\"result\":{\"message_id\":1}}")));
        telegram.stubFor(post(urlEqualTo("/bot" + TOKEN + "/answerCallbackQuery"))
                                 .willReturn(aResponse().withHeader("Content-Type", "application/json")
                                                     .withBody("{\"ok\":true,\"result\":true}")));
        pool = TestDatabase.fresh("telegram_webhook");
        port = new RecordingPort(pool);
        database = new SwitchableDataSource(pool);
        channels = Channels.create(vn.warddesk.bot.WardDeskSettings.read(config(telegram.baseUrl())).channels(), database.dataSource(), Clock.systemUTC(), port);
        server.routing(r -> {
            vn.warddesk.bot.http.ErrorEdge.register(r, new vn.warddesk.bot.store.DatabaseCircuit(pool));
            channels.routing(r);
        });
    }

    static Config config(String telegramBase) {
        Map<String, String> map = new HashMap<>();
        map.put("telegram.bot-token", TOKEN);
        map.put("telegram.webhook-secret", SECRET);
        map.put("telegram.api-base-url", telegramBase);
        map.put("telegram.max-update-bytes", "4096");
        map.put("telegram.rate.per-chat-per-second", "100");
        map.put("outbox.poll-interval", "PT0.05S");
        map.put("outbox.backoff.initial", "PT0.05S");
        map.put("inbox.poll-interval", "PT0.05S");
        map.put("inbox.backoff.initial", "PT0.02S");
        map.put("inbox.max-attempts", "2");
        map.put("ward.default-id", "test-ward");
        map.put("privacy.hash-key", "test-key");
        return Config.just(ConfigSources.create(map));
    }

    @AfterAll
    static void close() {
        channels.close();
        pool.close();
        telegram.stop();
    }

    @Test
    void a_text_message_reaches_the_engine_and_its_reply_is_sent_with_buttons() {
        assertEquals(Status.OK_200, webhook(SECRET, textUpdate(1001, 501, "Làm giấy khai sinh cần gì?", "vi")));

        InboundEvent event = eventFor("tg:1001");
        assertEquals(new Input.Text("Làm giấy khai sinh cần gì?"), event.input());
        assertEquals("vi", event.locale());
        ConversationRef.ByChannelUser user = (ConversationRef.ByChannelUser) event.conversation();
        assertEquals("501", user.address());
        assertEquals("test-ward", user.wardId());
        assertEquals(64, user.userHash().length());
        assertFalse(user.userHash().contains("501"), "the raw user id never becomes the user reference");

        List<LoggedRequest> sent = sentTo(501, 1);
        assertEquals(1, sent.size());
        String body = sent.get(0).getBodyAsString();
        assertTrue(body.contains("heard: Làm giấy khai sinh cần gì?"), body);
        assertTrue(body.contains("\"inline_keyboard\":[[{\"text\":\"Giờ làm việc\",\"callback_data\":\"hours\"}]]"), body);
    }

    @Test
    void start_command_starts_the_conversation_in_the_users_language() {
        assertEquals(Status.OK_200, webhook(SECRET, textUpdate(1002, 502, "/start", "en-US")));
        InboundEvent event = eventFor("tg:1002");
        assertInstanceOf(Input.Started.class, event.input());
        assertEquals("en", event.locale());
    }

    @Test
    void a_button_press_becomes_an_action_and_the_callback_is_answered() {
        String update = """
                {"update_id":1003,"callback_query":{"id":"4382bfdwdsb323b2d9","chat_instance":"-7","data":"consent:agree",
                 "from":{"id":503,"is_bot":false,"first_name":"An","language_code":"vi"},
                 "message":{"message_id":77,"date":1732780800,"chat":{"id":503,"type":"private","first_name":"An"},
                            "text":"Bạn đồng ý?"}}}""";
        assertEquals(Status.OK_200, webhook(SECRET, update));
        assertEquals(new Input.Action("consent:agree"), eventFor("tg:1003").input());
        assertTrue(Await.until(Waits.BACKGROUND, () -> !telegram.findAll(
                postRequestedFor(urlEqualTo("/bot" + TOKEN + "/answerCallbackQuery"))
                        .withRequestBody(matchingJsonPath("$.callback_query_id", equalTo("4382bfdwdsb323b2d9")))).isEmpty()));
        assertTrue(sentTo(503, 1).get(0).getBodyAsString().contains("action: consent:agree"));
    }

    @Test
    void a_sticker_gets_the_only_text_notice_once_per_user_and_nothing_reaches_the_engine() {
        String sticker = """
                {"update_id":%d,"message":{"message_id":5,"date":1732780800,
                 "from":{"id":504,"is_bot":false,"first_name":"Bình","language_code":"vi"},
                 "chat":{"id":504,"type":"private","first_name":"Bình"},
                 "sticker":{"file_id":"CAACAgIAAxk","file_unique_id":"AgAD","type":"regular","width":512,"height":512,
                            "is_animated":false,"is_video":false}}}""";
        assertEquals(Status.OK_200, webhook(SECRET, sticker.formatted(1004)));
        assertEquals(Status.OK_200, webhook(SECRET, sticker.formatted(1004))); // replay
        assertEquals(Status.OK_200, webhook(SECRET, sticker.formatted(1005))); // another sticker
        // The notice is sent by the webhook itself before it answers 200: after the three answers, nothing is pending.
        List<LoggedRequest> sent = sentTo(504, 1);
        assertEquals(1, sent.size(), "the notice is said once");
        assertTrue(sent.get(0).getBodyAsString().contains("chỉ đọc được tin nhắn chữ"));
        assertTrue(port.events().stream().noneMatch(e -> e.eventId().equals("tg:1004") || e.eventId().equals("tg:1005")));
    }

    @Test
    void group_messages_and_other_update_kinds_are_accepted_and_ignored() {
        String group = """
                {"update_id":1006,"message":{"message_id":6,"date":1732780800,"from":{"id":505,"is_bot":false,"first_name":"C"},
                 "chat":{"id":-100123,"type":"supergroup","title":"Tổ dân phố 3"},"text":"Xin chào"}}""";
        String edited = """
                {"update_id":1007,"edited_message":{"message_id":6,"date":1732780800,"edit_date":1732780900,
                 "from":{"id":505,"is_bot":false,"first_name":"C"},"chat":{"id":505,"type":"private"},"text":"sửa"}}""";
        String member = """
                {"update_id":1008,"my_chat_member":{"chat":{"id":505,"type":"private"},"from":{"id":505,"is_bot":false,"first_name":"C"},
                 "date":1732780800,"old_chat_member":{"status":"member","user":{"id":1,"is_bot":true,"first_name":"WardDesk"}},
                 "new_chat_member":{"status":"kicked","until_date":0,"user":{"id":1,"is_bot":true,"first_name":"WardDesk"}}}}""";
        assertEquals(Status.OK_200, webhook(SECRET, group));
        assertEquals(Status.OK_200, webhook(SECRET, edited));
        assertEquals(Status.OK_200, webhook(SECRET, member));
        // Stored updates stay in the inbox until handled, and the port records them before the row goes: so at any
        // moment an accepted update is in one of the two. Neither: nothing was accepted.
        assertEquals(0, inboxRows("tg:1006", "tg:1007", "tg:1008"));
        assertTrue(port.events().stream().noneMatch(e -> List.of("tg:1006", "tg:1007", "tg:1008").contains(e.eventId())));
        assertEquals(0, sentTo(-100123, 0).size());
        assertEquals(0, sentTo(505, 0).size());
    }

    @Test
    void a_wrong_or_missing_secret_is_rejected_with_401() {
        assertEquals(Status.UNAUTHORIZED_401, webhook("wrong", textUpdate(1009, 506, "hi", "vi")));
        try (Http1ClientResponse response = client.post("/webhooks/telegram").submit(textUpdate(1010, 506, "hi", "vi"))) {
            assertEquals(Status.UNAUTHORIZED_401, response.status());
        }
        assertTrue(port.events().stream().noneMatch(e -> e.eventId().equals("tg:1009") || e.eventId().equals("tg:1010")));
    }

    @Test
    void malformed_json_is_400_and_an_oversized_update_is_413() {
        assertEquals(Status.BAD_REQUEST_400, webhook(SECRET, "{\"update_id\": 12, \"message\": {"));
        assertEquals(Status.BAD_REQUEST_400, webhook(SECRET, "{\"hello\": 1}"));
        assertEquals(Status.REQUEST_ENTITY_TOO_LARGE_413, webhook(SECRET, textUpdate(1011, 507, "a".repeat(5000), "vi")));
    }

    @Test
    void an_update_with_an_impossible_chat_id_is_acknowledged_once_and_kept_as_a_dead_letter() {
        String poisoned = """
                {"update_id":1050,"message":{"message_id":1,"date":1732780800,
                 "from":{"id":511,"is_bot":false,"first_name":"X"},
                 "chat":{"id":"%s","type":"private"},"text":"Tôi cần giúp"}}""".formatted("9".repeat(200));
        assertEquals(Status.OK_200, webhook(SECRET, poisoned), "acknowledged: Telegram must not retry it forever");
        assertEquals(Status.OK_200, webhook(SECRET, poisoned), "a redelivery too");
        assertEquals(0, inboxRows("tg:1050"), "never stored for the engine");
        assertTrue(port.events().stream().noneMatch(e -> e.eventId().equals("tg:1050")));
        assertEquals(1, deadLetters("telegram", "id is not a Telegram integer id"), "stored once, with its reason");
        assertEquals(0, deadLettersContaining("Tôi cần giúp"), "no message text is kept");
    }

    private static long deadLetters(String channel, String reason) {
        return count("SELECT COUNT(*) FROM dead_letter WHERE channel = ? AND reason = ?", channel, reason);
    }

    private static long deadLettersContaining(String text) {
        return count("SELECT COUNT(*) FROM dead_letter WHERE reason LIKE ? OR event_key LIKE ?", "%" + text + "%",
                     "%" + text + "%");
    }

    private static long count(String sql, String... args) {
        try (var connection = pool.getConnection(); var query = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                query.setString(i + 1, args[i]);
            }
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void a_replayed_update_gets_no_second_reply() {
        String update = textUpdate(1012, 508, "Lệ phí bao nhiêu?", "vi");
        assertEquals(Status.OK_200, webhook(SECRET, update));
        assertEquals(Status.OK_200, webhook(SECRET, update));
        sentTo(508, 1);
        // A later update of the same chat is handled after anything stored before it (the inbox keeps each chat's
        // order): once its reply is out, a replay that had slipped through would have been answered too.
        assertEquals(Status.OK_200, webhook(SECRET, textUpdate(1099, 508, "Cảm ơn", "vi")));
        assertEquals(2, sentTo(508, 2).size(), "one reply for the update, one for the later one, none for the replay");
        assertEquals(1, port.events().stream().filter(e -> e.eventId().equals("tg:1012")).count());
    }

    @Test
    void when_the_update_cannot_be_stored_the_webhook_answers_503_and_the_redelivery_is_handled() {
        String update = textUpdate(1013, 509, "Giờ làm việc?", "vi");
        database.down(true);
        try {
            assertEquals(Status.SERVICE_UNAVAILABLE_503, webhook(SECRET, update));
        } finally {
            database.down(false);
        }
        // Telegram delivers it again (later: while the database circuit is open, the answer is 503 at once).
        assertTrue(Await.until(Waits.BACKGROUND, () -> Status.OK_200.equals(webhook(SECRET, update))));
        assertEquals(new Input.Text("Giờ làm việc?"), eventFor("tg:1013").input());
        assertTrue(sentTo(509, 1).get(0).getBodyAsString().contains("heard: Giờ làm việc?"));
    }

    @Test
    void the_webhook_answers_before_the_engine_has_run_and_nothing_accepted_is_lost() {
        // "boom" makes the stand-in engine fail: the update is still accepted (it is in the inbox), retried, and set
        // aside as failed; the citizen's next message is handled normally.
        assertEquals(Status.OK_200, webhook(SECRET, textUpdate(1014, 510, "boom", "vi")));
        assertEquals(Status.OK_200, webhook(SECRET, textUpdate(1015, 510, "Lệ phí?", "vi")));
        assertEquals(new Input.Text("Lệ phí?"), eventFor("tg:1015").input());
        assertTrue(sentTo(510, 1).get(0).getBodyAsString().contains("heard: Lệ phí?"));
        assertTrue(port.events().stream().noneMatch(e -> e.eventId().equals("tg:1014")));
        assertEquals("failed", inboxStatus("tg:1014"));
    }

    private static String inboxStatus(String eventId) {
        try (var connection = pool.getConnection();
             var select = connection.prepareStatement("SELECT status, failure_reason FROM inbox WHERE event_id = ?")) {
            select.setString(1, eventId);
            try (var rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : "absent";
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Status webhook(String secret, String body) {
        return Webhooks.telegram(client, "/webhooks/telegram", secret, body);
    }

    static String textUpdate(long updateId, long userId, String text, String language) {
        return Webhooks.telegramText(updateId, userId, text, language);
    }

    private InboundEvent eventFor(String eventId) {
        assertTrue(Await.until(Waits.BACKGROUND, () -> port.events().stream().anyMatch(e -> e.eventId().equals(eventId))));
        return port.events().stream().filter(e -> e.eventId().equals(eventId)).findFirst().orElseThrow();
    }

    /** sendMessage requests to the chat, after waiting until there are at least {@code atLeast}. */
    private List<LoggedRequest> sentTo(long chatId, int atLeast) {
        var pattern = postRequestedFor(urlEqualTo("/bot" + TOKEN + "/sendMessage"))
                .withRequestBody(matchingJsonPath("$.chat_id", equalTo(String.valueOf(chatId))));
        Await.until(Duration.ofSeconds(5), () -> telegram.findAll(pattern).size() >= atLeast);
        return telegram.findAll(pattern);
    }

    private static long inboxRows(String... eventIds) {
        try (var connection = pool.getConnection();
             var query = connection.prepareStatement("SELECT COUNT(*) FROM inbox WHERE channel = 'telegram' AND event_id IN ("
                                                     + String.join(",", java.util.Collections.nCopies(eventIds.length, "?")) + ")")) {
            for (int i = 0; i < eventIds.length; i++) {
                query.setString(i + 1, eventIds[i]);
            }
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }
}
