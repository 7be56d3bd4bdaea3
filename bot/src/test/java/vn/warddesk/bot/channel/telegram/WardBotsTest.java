package vn.warddesk.bot.channel.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import vn.warddesk.bot.secret.SecretKeys;
import vn.warddesk.bot.testing.TestDatabase;
import vn.warddesk.bot.testing.Webhooks;
import vn.warddesk.bot.ward.ChannelField;
import vn.warddesk.bot.ward.Ward;
import vn.warddesk.bot.ward.WardChannelSecrets;
import vn.warddesk.bot.ward.WardStore;
import vn.warddesk.bot.testing.Waits;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A ward's own Telegram bot: /webhooks/telegram/{ward} checked with that ward's secret, replies through its token. */
@ServerTest
class WardBotsTest {
    static final String KEYS = "k1:" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
    static final String GLOBAL_TOKEN = "111:global-token";
    static final String GLOBAL_SECRET = "global-secret";
    static final String WARD_TOKEN = "222:ward-b-token";
    static final String WARD_SECRET = "ward-b-secret";
    private static WireMockServer telegram;
    private static HikariDataSource pool;
    private static RecordingPort port;
    private static Channels channels;

    private final Http1Client client;

    WardBotsTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        telegram = new WireMockServer(options().dynamicPort());
        telegram.start();
        telegram.stubFor(post(urlMatching("/bot.*/(sendMessage|answerCallbackQuery)"))
                                 .willReturn(aResponse().withHeader("Content-Type", "application/json")
                                                     .withBody("{\"ok\":true,\"result\":{\"message_id\":1}}")));
        pool = TestDatabase.fresh("ward_bots");
        Instant now = Instant.now();
        WardStore wards = new WardStore(pool);
        wards.putWard(new Ward("ward-b", "demo-da-nang", "Phường Bắc", "North Ward", true, false), now);
        wards.putWard(new Ward("ward-off", "demo-da-nang", "Phường Tắt", "Off Ward", true, false), now);
        wards.setEnabled("ward-off", false);
        WardChannelSecrets secrets = new WardChannelSecrets(pool, SecretKeys.parse(KEYS));
        secrets.update("ward-b", Map.of(ChannelField.TELEGRAM_BOT_TOKEN, WARD_TOKEN,
                                        ChannelField.TELEGRAM_WEBHOOK_SECRET, WARD_SECRET), now);
        secrets.update("ward-off", Map.of(ChannelField.TELEGRAM_BOT_TOKEN, "333:off",
                                          ChannelField.TELEGRAM_WEBHOOK_SECRET, "off-secret"), now);
        port = new RecordingPort(pool);
        channels = Channels.create(vn.warddesk.bot.WardDeskSettings.read(config(telegram.baseUrl(), false)).channels(), pool, Clock.systemUTC(), port);
        server.routing(r -> {
            vn.warddesk.bot.http.ErrorEdge.register(r, new vn.warddesk.bot.store.DatabaseCircuit(pool));
            channels.routing(r);
        });
    }

    static Config config(String telegramBase, boolean provinceWide) {
        Map<String, String> map = new HashMap<>();
        map.put("telegram.bot-token", GLOBAL_TOKEN);
        map.put("telegram.webhook-secret", GLOBAL_SECRET);
        map.put("telegram.api-base-url", telegramBase);
        map.put("telegram.province-wide", String.valueOf(provinceWide));
        map.put("telegram.rate.per-chat-per-second", "100");
        map.put("secret.keys", KEYS);
        map.put("outbox.poll-interval", "PT0.05S");
        map.put("inbox.poll-interval", "PT0.05S");
        map.put("ward.default-id", "demo-hoa-an");
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
    void a_wards_bot_is_checked_with_its_secret_and_answers_through_its_own_token() {
        assertEquals(Status.OK_200, webhook("/webhooks/telegram/ward-b", WARD_SECRET,
                                         TelegramWebhookTest.textUpdate(2001, 701, "Xin chào", "vi")));
        InboundEvent event = eventFor("tg:2001");
        ConversationRef.ByChannelUser user = (ConversationRef.ByChannelUser) event.conversation();
        assertEquals("ward-b", user.wardId());
        List<LoggedRequest> sent = sent(WARD_TOKEN, 701, 1);
        assertEquals(1, sent.size(), "the reply goes out through the ward's bot");
        assertTrue(sent.get(0).getBodyAsString().contains("heard: Xin chào"));
        assertEquals(0, sent(GLOBAL_TOKEN, 701, 0).size(), "not through the configuration's bot");
    }

    @Test
    void a_wrong_secret_or_another_bots_secret_is_401_and_nothing_is_stored() {
        assertEquals(Status.UNAUTHORIZED_401, webhook("/webhooks/telegram/ward-b", "wrong",
                                                   TelegramWebhookTest.textUpdate(2002, 702, "hi", "vi")));
        assertEquals(Status.UNAUTHORIZED_401, webhook("/webhooks/telegram/ward-b", GLOBAL_SECRET,
                                                   TelegramWebhookTest.textUpdate(2003, 702, "hi", "vi")));
        assertEquals(0, inboxRows("tg:2002", "tg:2003"));
    }

    @Test
    void an_unknown_or_disabled_ward_or_one_without_its_own_bot_is_404_without_touching_the_inbox() {
        assertEquals(Status.NOT_FOUND_404, webhook("/webhooks/telegram/no-such-ward", WARD_SECRET,
                                                TelegramWebhookTest.textUpdate(2004, 703, "hi", "vi")));
        assertEquals(Status.NOT_FOUND_404, webhook("/webhooks/telegram/ward-off", "off-secret",
                                                TelegramWebhookTest.textUpdate(2005, 703, "hi", "vi")));
        assertEquals(Status.NOT_FOUND_404, webhook("/webhooks/telegram/demo-hoa-an", GLOBAL_SECRET,
                                                TelegramWebhookTest.textUpdate(2006, 703, "hi", "vi")));
        assertEquals(Status.NOT_FOUND_404, webhook("/webhooks/telegram/Bad%20Id!", WARD_SECRET,
                                                TelegramWebhookTest.textUpdate(2007, 703, "hi", "vi")));
        assertEquals(0, inboxRows("tg:2004", "tg:2005", "tg:2006", "tg:2007"));
    }

    @Test
    void the_old_path_keeps_serving_the_default_ward_with_the_configurations_bot() {
        assertEquals(Status.OK_200, webhook("/webhooks/telegram", GLOBAL_SECRET,
                                         TelegramWebhookTest.textUpdate(2008, 704, "Lệ phí?", "vi")));
        assertEquals("demo-hoa-an", ((ConversationRef.ByChannelUser) eventFor("tg:2008").conversation()).wardId());
        assertEquals(1, sent(GLOBAL_TOKEN, 704, 1).size());
        assertEquals(0, sent(WARD_TOKEN, 704, 0).size());
    }

    private Status webhook(String path, String secret, String body) {
        return Webhooks.telegram(client, path, secret, body);
    }

    private static InboundEvent eventFor(String eventId) {
        assertTrue(Await.until(Waits.BACKGROUND, () -> port.events().stream().anyMatch(e -> e.eventId().equals(eventId))));
        return port.events().stream().filter(e -> e.eventId().equals(eventId)).findFirst().orElseThrow();
    }

    /** sendMessage requests through the bot of {@code token} to the chat, after waiting for at least {@code atLeast}. */
    static List<LoggedRequest> sent(WireMockServer telegram, String token, long chatId, int atLeast) {
        var pattern = postRequestedFor(urlEqualTo("/bot" + token + "/sendMessage"))
                .withRequestBody(matchingJsonPath("$.chat_id", equalTo(String.valueOf(chatId))));
        Await.until(Duration.ofSeconds(10), () -> telegram.findAll(pattern).size() >= atLeast);
        return telegram.findAll(pattern);
    }

    private static List<LoggedRequest> sent(String token, long chatId, int atLeast) {
        return sent(telegram, token, chatId, atLeast);
    }

    static long inboxRows(HikariDataSource pool, String... eventIds) {
        try (var connection = pool.getConnection();
             var query = connection.prepareStatement("SELECT COUNT(*) FROM inbox WHERE event_id IN ("
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

    private static long inboxRows(String... eventIds) {
        return inboxRows(pool, eventIds);
    }
}
