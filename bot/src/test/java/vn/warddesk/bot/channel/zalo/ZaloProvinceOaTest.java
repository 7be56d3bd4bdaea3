package vn.warddesk.bot.channel.zalo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.tomakehurst.wiremock.WireMockServer;
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
import vn.warddesk.bot.store.Jdbc;
import vn.warddesk.bot.testing.TestDatabase;
import vn.warddesk.bot.ward.Province;
import vn.warddesk.bot.ward.Ward;
import vn.warddesk.bot.ward.WardStore;
import vn.warddesk.bot.testing.Waits;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A province-wide Zalo OA (zalo.province-wide) asks each follower which ward, remembers it and routes there. */
@ServerTest
class ZaloProvinceOaTest {
    private static final String CS = "/v3.0/oa/message/cs";
    private static WireMockServer zalo;
    private static HikariDataSource pool;
    private static RecordingPort port;
    private static Channels channels;
    private final Http1Client client;

    ZaloProvinceOaTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        zalo = new WireMockServer(options().dynamicPort());
        zalo.start();
        zalo.stubFor(post(urlEqualTo(CS)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"error\":0,\"message\":\"Success\",\"data\":{\"message_id\":\"m1\",\"user_id\":\"u\"}}")));
        pool = TestDatabase.fresh("zalo_province_oa");
        Instant now = Instant.now();
        WardStore wards = new WardStore(pool);
        wards.putProvince(new Province("demo-quang-nam", "Tỉnh Quảng Nam (DEMO)", "Quang Nam Province (DEMO)"), now);
        wards.putWard(new Ward("hoa-khanh", "demo-da-nang", "Phường Hòa Khánh", "Hoa Khanh Ward", true, false), now);
        wards.putWard(new Ward("hoa-phu-dn", "demo-da-nang", "Xã Hòa Phú", "Hoa Phu Commune", true, false), now);
        wards.putWard(new Ward("hoa-phu-qn", "demo-quang-nam", "Phường Hòa Phú", "Hoa Phu Ward", true, false), now);
        port = new RecordingPort(pool);
        Map<String, String> map = new HashMap<>();
        map.put("zalo.app-id", ZaloWebhookTest.APP_ID);
        map.put("zalo.app-secret", "app-secret");
        map.put("zalo.oa-id", "579745863508352884");
        map.put("zalo.oa-secret-key", ZaloWebhookTest.OA_SECRET);
        map.put("zalo.api-base-url", zalo.baseUrl());
        map.put("zalo.oauth-base-url", zalo.baseUrl());
        map.put("zalo.rate.per-chat-per-second", "100");
        map.put("zalo.province-wide", "true");
        map.put("outbox.poll-interval", "PT0.05S");
        map.put("inbox.poll-interval", "PT0.05S");
        map.put("ward.default-id", "demo-hoa-an");
        map.put("privacy.hash-key", "test-key");
        Config config = Config.just(ConfigSources.create(map));
        ZaloTokens.create(vn.warddesk.bot.WardDeskSettings.read(config).channels().zalo(), pool, Clock.systemUTC()).bootstrap("refresh-1", Optional.of("access-1"), Duration.ofHours(25));
        channels = Channels.create(vn.warddesk.bot.WardDeskSettings.read(config).channels(), pool, Clock.systemUTC(), port);
        server.routing(r -> {
            vn.warddesk.bot.http.ErrorEdge.register(r, new vn.warddesk.bot.store.DatabaseCircuit(pool));
            channels.routing(r);
        });
    }

    @AfterAll
    static void close() {
        channels.close();
        pool.close();
        zalo.stop();
    }

    @Test
    void the_first_message_asks_which_ward_and_the_typed_name_routes_the_conversation_there() {
        assertEquals(Status.OK_200, signed(ZaloWebhookTest.textEvent("pw1", "9001", "Xin chào")));
        // Zalo has no /start: a first text that names no ward is answered with the request to type the ward's name.
        assertTrue(sentTo("9001").stream().anyMatch(b -> b.contains("Hãy gõ tên phường/xã")), "asked for the ward");
        assertEquals(0, inboxRows("zalo:pw1"), "nothing for the engine yet");
        assertTrue(port.events().stream().noneMatch(e -> e.eventId().equals("zalo:pw1")), "nor handled");

        assertEquals(Status.OK_200, signed(ZaloWebhookTest.textEvent("pw2", "9001", "phuong hoa an")));
        InboundEvent chosen = eventFor("zalo:pw2");
        assertEquals("demo-hoa-an", ward(chosen));
        assertInstanceOf(Input.Started.class, chosen.input(), "the ward's conversation starts with its greeting");

        assertEquals(Status.OK_200, signed(ZaloWebhookTest.textEvent("pw3", "9001", "Lệ phí khai sinh?")));
        InboundEvent next = eventFor("zalo:pw3");
        assertEquals("demo-hoa-an", ward(next), "the choice is remembered");
        assertEquals(new Input.Text("Lệ phí khai sinh?"), next.input());
        assertTrue(Await.until(Waits.BACKGROUND, () -> sentTo("9001").stream().anyMatch(b -> b.contains("heard: Lệ phí"))),
                   "the ward's reply goes out through the province OA");
    }

    @Test
    void an_address_routes_and_an_ambiguous_name_offers_buttons_whose_press_routes() {
        assertEquals(Status.OK_200, signed(ZaloWebhookTest.textEvent("pw11", "9002", "12 Âu Cơ, P. Hòa Khánh, Đà Nẵng")));
        assertEquals("hoa-khanh", ward(eventFor("zalo:pw11")));

        assertEquals(Status.OK_200, signed(ZaloWebhookTest.textEvent("pw21", "9003", "Hoa Phu")));
        assertTrue(Await.until(Waits.BACKGROUND, () -> !zalo.findAll(postRequestedFor(urlEqualTo(CS))
                .withRequestBody(matchingJsonPath("$.recipient.user_id", equalTo("9003")))
                .withRequestBody(matchingJsonPath("$.message.attachment.payload.buttons[1].payload"))).isEmpty()));
        String question = sentTo("9003").get(0);
        assertTrue(question.contains("#action:ward:hoa-phu-dn") && question.contains("#action:ward:hoa-phu-qn"), question);
        assertEquals(0, inboxRows("zalo:pw21"));
        assertTrue(port.events().stream().noneMatch(e -> e.eventId().equals("zalo:pw21")));

        assertEquals(Status.OK_200, signed(ZaloWebhookTest.textEvent("pw22", "9003", "#action:ward:hoa-phu-qn")));
        assertEquals("hoa-phu-qn", ward(eventFor("zalo:pw22")));
    }

    @Test
    void a_new_follower_is_asked_and_an_unfollow_before_any_choice_is_dropped() {
        assertEquals(Status.OK_200, signed(follow("follow", "9004", "1732780900000")));
        assertTrue(sentTo("9004").stream().anyMatch(b -> b.contains("phường/xã nào")), "a follow asks which ward");
        assertEquals(Status.OK_200, signed(follow("unfollow", "9004", "1732780900001")));
        assertEquals(Integer.valueOf(0), Jdbc.withConnection(pool, c -> {
            try (var count = c.prepareStatement("SELECT COUNT(*) FROM inbox WHERE event_id LIKE 'zalo:%follow:%'");
                 var rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }), "no conversation to start or leave");
        assertTrue(port.events().stream().noneMatch(e -> e.eventId().contains("follow:")), "nothing reached the engine");
    }

    private static String follow(String name, String userId, String timestamp) {
        return """
                {"app_id":"%s","event_name":"%s","follower":{"id":"%s"},"oa_id":"579745863508352884",
                 "source":"oa_profile","timestamp":"%s"}""".formatted(ZaloWebhookTest.APP_ID, name, userId, timestamp);
    }

    private static String ward(InboundEvent event) {
        return ((ConversationRef.ByChannelUser) event.conversation()).wardId();
    }

    /** The CS messages sent to a Zalo user, waiting for at least one. */
    private static List<String> sentTo(String userId) {
        var sent = postRequestedFor(urlEqualTo(CS)).withRequestBody(matchingJsonPath("$.recipient.user_id", equalTo(userId)));
        assertTrue(Await.until(Waits.BACKGROUND, () -> !zalo.findAll(sent).isEmpty()), "a message to " + userId);
        return zalo.findAll(sent).stream().map(r -> r.getBodyAsString()).toList();
    }

    private static InboundEvent eventFor(String eventId) {
        assertTrue(Await.until(Waits.BACKGROUND, () -> port.events().stream().anyMatch(e -> e.eventId().equals(eventId))));
        return port.events().stream().filter(e -> e.eventId().equals(eventId)).findFirst().orElseThrow();
    }

    private static int inboxRows(String eventId) {
        return Jdbc.withConnection(pool, c -> {
            try (var count = c.prepareStatement("SELECT COUNT(*) FROM inbox WHERE event_id = ?")) {
                count.setString(1, eventId);
                try (var rows = count.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
    }

    private Status signed(String body) {
        String timestamp = body.replaceAll("(?s).*\"timestamp\":\"(\\d+)\".*", "$1");
        try (Http1ClientResponse response = client.post("/webhooks/zalo")
                .header(io.helidon.http.HeaderNames.CONTENT_TYPE, "application/json")
                .header(ZaloWebhook.SIGNATURE, ZaloWebhookTest.signature(ZaloWebhookTest.APP_ID, body, timestamp,
                                                                         ZaloWebhookTest.OA_SECRET))
                .submit(body)) {
            return response.status();
        }
    }
}
