package vn.warddesk.bot.channel.zalo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.http.HeaderNames;
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
import vn.warddesk.bot.testing.TestDatabase;
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

/** POST /webhooks/zalo end to end: signed events → (stand-in) engine → outbox → WireMock as the OA API. */
@ServerTest
class ZaloWebhookTest {
    static final String APP_ID = "2826623761416750119";
    static final String OA_SECRET = "oa-secret-KEY";
    private static WireMockServer zalo;
    private static HikariDataSource pool;
    private static RecordingPort port;
    private static Channels channels;

    private final Http1Client client;

    ZaloWebhookTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        zalo = new WireMockServer(options().dynamicPort());
        zalo.start();
        zalo.stubFor(post(urlEqualTo("/v3.0/oa/message/cs")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"error\":0,\"message\":\"Success\",\"data\":{\"message_id\":\"m1\",\"user_id\":\"u\"}}")));
        pool = TestDatabase.fresh("zalo_webhook");
        port = new RecordingPort(pool);
        Config config = config(zalo.baseUrl());
        ZaloTokens.create(vn.warddesk.bot.WardDeskSettings.read(config).channels().zalo(), pool, Clock.systemUTC())
                .bootstrap("refresh-1", Optional.of("access-1"), Duration.ofHours(25));
        channels = Channels.create(vn.warddesk.bot.WardDeskSettings.read(config).channels(), pool, Clock.systemUTC(), port);
        server.routing(r -> {
            vn.warddesk.bot.http.ErrorEdge.register(r, new vn.warddesk.bot.store.DatabaseCircuit(pool));
            channels.routing(r);
        });
    }

    static Config config(String zaloBase) {
        Map<String, String> map = new HashMap<>();
        map.put("zalo.app-id", APP_ID);
        map.put("zalo.app-secret", "app-secret");
        map.put("zalo.oa-id", "579745863508352884");
        map.put("zalo.oa-secret-key", OA_SECRET);
        map.put("zalo.api-base-url", zaloBase);
        map.put("zalo.oauth-base-url", zaloBase);
        map.put("zalo.graph-base-url", zaloBase + "/v2.0");
        map.put("zalo.max-event-bytes", "4096");
        map.put("zalo.rate.per-chat-per-second", "100");
        map.put("outbox.poll-interval", "PT0.05S");
        map.put("inbox.poll-interval", "PT0.05S");
        map.put("ward.default-id", "test-ward");
        map.put("privacy.hash-key", "test-key");
        return Config.just(ConfigSources.create(map));
    }

    @AfterAll
    static void close() {
        channels.close();
        pool.close();
        zalo.stop();
    }

    @Test
    void a_signed_text_event_reaches_the_engine_and_the_reply_goes_out_as_a_cs_message_with_query_buttons() {
        assertEquals(Status.OK_200, signed(textEvent("msg-1", "8712345", "Đăng ký tạm trú thế nào?")));

        InboundEvent event = eventFor("zalo:msg-1");
        assertEquals(new Input.Text("Đăng ký tạm trú thế nào?"), event.input());
        ConversationRef.ByChannelUser user = (ConversationRef.ByChannelUser) event.conversation();
        assertEquals("8712345", user.address());
        assertEquals(64, user.userHash().length());

        List<LoggedRequest> sent = sentTo("8712345", 1);
        assertEquals(1, sent.size());
        assertEquals("access-1", sent.get(0).getHeader("access_token"));
        String body = sent.get(0).getBodyAsString();
        assertTrue(body.contains("\"text\":\"heard: Đăng ký tạm trú thế nào?\""), body);
        assertTrue(body.contains("\"type\":\"oa.query.hide\",\"payload\":\"#action:hours\""), body);
    }

    @Test
    void a_query_button_payload_comes_back_as_an_action() {
        assertEquals(Status.OK_200, signed(textEvent("msg-2", "8712346", "#action:consent:agree")));
        assertEquals(new Input.Action("consent:agree"), eventFor("zalo:msg-2").input());
    }

    @Test
    void follow_greets_and_unfollow_leaves() {
        String follow = """
                {"app_id":"%s","oa_id":"579745863508352884","user_id_by_app":"55","event_name":"follow","source":"oa_profile",
                 "follower":{"id":"8712347"},"timestamp":"1732780800000"}""".formatted(APP_ID);
        String unfollow = follow.replace("\"follow\"", "\"unfollow\"").replace("1732780800000", "1732780900000");
        assertEquals(Status.OK_200, signed(follow));
        assertEquals(Status.OK_200, signed(unfollow));
        InboundEvent followed = eventWithId(id -> id.startsWith("zalo:follow:") && id.endsWith(":1732780800000"));
        InboundEvent left = eventWithId(id -> id.startsWith("zalo:unfollow:") && id.endsWith(":1732780900000"));
        assertInstanceOf(Input.Started.class, followed.input());
        assertInstanceOf(Input.Left.class, left.input());
        assertFalse(followed.eventId().contains("8712347"), "event ids carry the keyed hash, not the Zalo user id");
        assertEquals(followed.eventId().replace("zalo:follow:", "").replace(":1732780800000", ""),
                     ((ConversationRef.ByChannelUser) followed.conversation()).userHash());
    }

    @Test
    void other_events_are_accepted_and_ignored() {
        String image = """
                {"app_id":"%s","event_name":"user_send_image","sender":{"id":"8712348"},"recipient":{"id":"579745863508352884"},
                 "message":{"msg_id":"msg-img","text":"","attachments":[{"type":"image","payload":{"url":"https://x/y.jpg"}}]},
                 "timestamp":"1732780800000"}""".formatted(APP_ID);
        String seen = """
                {"app_id":"%s","event_name":"user_seen_message","sender":{"id":"579745863508352884"},"recipient":{"id":"8712348"},
                 "message":{"msg_ids":["m1"]},"timestamp":"1732780800000"}""".formatted(APP_ID);
        assertEquals(Status.OK_200, signed(image));
        assertEquals(Status.OK_200, signed(seen));
        assertTrue(port.events().stream().noneMatch(e -> ((ConversationRef.ByChannelUser) e.conversation()).address().equals("8712348")));
    }

    @Test
    void a_wrong_or_missing_signature_is_401() {
        String body = textEvent("msg-3", "8712349", "xin chào");
        assertEquals(Status.UNAUTHORIZED_401, postSigned(body, Optional.of("mac=" + "0".repeat(64))));
        assertEquals(Status.UNAUTHORIZED_401, postSigned(body, Optional.empty()));
        // Signed with the App Secret instead of the OA secret key: still refused.
        assertEquals(Status.UNAUTHORIZED_401, postSigned(body, Optional.of(signature(APP_ID, body, "1732780800000", "app-secret"))));
        assertTrue(port.events().stream().noneMatch(e -> e.eventId().equals("zalo:msg-3")));
    }

    @Test
    void malformed_json_is_400_and_an_oversized_event_is_413() {
        assertEquals(Status.BAD_REQUEST_400, postSigned("{\"app_id\": ", Optional.of("mac=00")));
        assertEquals(Status.REQUEST_ENTITY_TOO_LARGE_413, signed(textEvent("msg-4", "8712350", "a".repeat(5000))));
    }

    @Test
    void a_redelivered_event_gets_no_second_reply() {
        String body = textEvent("msg-5", "8712351", "Giờ làm việc?");
        assertEquals(Status.OK_200, signed(body));
        assertEquals(Status.OK_200, signed(body));
        sentTo("8712351", 1);
        // A later message of the same user is handled after anything stored before it (the inbox keeps each user's
        // order): once its reply is out, a redelivery that had slipped through would have been answered too.
        assertEquals(Status.OK_200, signed(textEvent("msg-5-later", "8712351", "Cảm ơn")));
        assertEquals(2, sentTo("8712351", 2).size(), "one reply per message, none for the redelivery");
    }

    @Test
    void a_signed_event_with_an_overlong_message_id_is_acknowledged_and_kept_once_as_a_dead_letter() throws Exception {
        String poisoned = textEvent("m".repeat(300), "8712399", "Xin chào");
        assertEquals(Status.OK_200, signed(poisoned), "acknowledged: Zalo must not retry it forever");
        assertEquals(Status.OK_200, signed(poisoned), "a redelivery too");
        try (var connection = pool.getConnection();
             var query = connection.prepareStatement("SELECT COUNT(*), MAX(reason) FROM dead_letter WHERE channel = 'zalo'");
             var rows = query.executeQuery()) {
            rows.next();
            assertEquals(1, rows.getInt(1), "stored once");
            assertEquals("an id that is not a Zalo id (length or characters)", rows.getString(2));
        }
        assertTrue(port.events().stream().noneMatch(e -> e.eventId().startsWith("zalo:mmmm")));
    }

    static String textEvent(String msgId, String userId, String text) {
        return """
                {"app_id":"%s","user_id_by_app":"552177279717587730","event_name":"user_send_text",
                 "sender":{"id":"%s"},"recipient":{"id":"579745863508352884"},
                 "message":{"msg_id":"%s","text":"%s"},"timestamp":"1732780800000"}""".formatted(APP_ID, userId, msgId, text);
    }

    /** Zalo's documented signature, computed here independently of the production code. */
    static String signature(String appId, String body, String timestamp, String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((appId + body + timestamp + key).getBytes(StandardCharsets.UTF_8));
            return "mac=" + HexFormat.of().formatHex(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Status signed(String body) {
        String timestamp = body.replaceAll("(?s).*\"timestamp\":\"(\\d+)\".*", "$1");
        return postSigned(body, Optional.of(signature(APP_ID, body, timestamp, OA_SECRET)));
    }

    private Status postSigned(String body, Optional<String> signature) {
        var request = client.post("/webhooks/zalo").header(HeaderNames.CONTENT_TYPE, "application/json");
        signature.ifPresent(s -> request.header(ZaloWebhook.SIGNATURE, s));
        try (Http1ClientResponse response = request.submit(body)) {
            return response.status();
        }
    }

    private InboundEvent eventWithId(java.util.function.Predicate<String> id) {
        assertTrue(Await.until(Waits.BACKGROUND, () -> port.events().stream().anyMatch(e -> id.test(e.eventId()))));
        return port.events().stream().filter(e -> id.test(e.eventId())).findFirst().orElseThrow();
    }

    private InboundEvent eventFor(String eventId) {
        assertTrue(Await.until(Waits.BACKGROUND, () -> port.events().stream().anyMatch(e -> e.eventId().equals(eventId))),
                   "no event " + eventId);
        return port.events().stream().filter(e -> e.eventId().equals(eventId)).findFirst().orElseThrow();
    }

    private List<LoggedRequest> sentTo(String userId, int atLeast) {
        var pattern = postRequestedFor(urlEqualTo("/v3.0/oa/message/cs"))
                .withRequestBody(matchingJsonPath("$.recipient.user_id", equalTo(userId)));
        Await.until(Duration.ofSeconds(5), () -> zalo.findAll(pattern).size() >= atLeast);
        return zalo.findAll(pattern);
    }
}
