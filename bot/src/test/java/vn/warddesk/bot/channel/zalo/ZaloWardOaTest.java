package vn.warddesk.bot.channel.zalo;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
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
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A ward's own Zalo OA: /webhooks/zalo/{ward} verified with that OA's key, replies with that OA's access token. */
@ServerTest
class ZaloWardOaTest {
    private static final String WARD_APP_ID = "1111222233334444";
    private static final String WARD_KEY = "ward-oa-secret-key";
    private static final String WARD_ACCESS = "ward-access-token-1";
    private static WireMockServer zalo;
    private static HikariDataSource pool;
    private static RecordingPort port;
    private static Channels channels;
    private final Http1Client client;

    ZaloWardOaTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        zalo = new WireMockServer(options().dynamicPort());
        zalo.start();
        zalo.stubFor(post(urlEqualTo("/v3.0/oa/message/cs")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"error\":0,\"message\":\"Success\",\"data\":{\"message_id\":\"m1\",\"user_id\":\"u\"}}")));
        pool = TestDatabase.fresh("zalo_ward_oa");
        Instant now = Instant.now();
        new WardStore(pool).putWard(new Ward("ward-z", "demo-da-nang", "Phường Zê", "Zed Ward", true, false), now);
        String keys = "k1:" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        new WardChannelSecrets(pool, SecretKeys.parse(keys)).update("ward-z", Map.of(
                ChannelField.ZALO_APP_ID, WARD_APP_ID, ChannelField.ZALO_OA_SECRET_KEY, WARD_KEY,
                ChannelField.ZALO_ACCESS_TOKEN, WARD_ACCESS), now);
        port = new RecordingPort(pool);
        Map<String, String> map = new HashMap<>();
        map.put("zalo.api-base-url", zalo.baseUrl());
        map.put("zalo.rate.per-chat-per-second", "100");
        map.put("secret.keys", keys);
        map.put("outbox.poll-interval", "PT0.05S");
        map.put("inbox.poll-interval", "PT0.05S");
        map.put("ward.default-id", "demo-hoa-an");
        map.put("privacy.hash-key", "test-key");
        channels = Channels.create(vn.warddesk.bot.WardDeskSettings.read(Config.just(ConfigSources.create(map))).channels(), pool, Clock.systemUTC(), port);
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
    void a_wards_oa_event_signed_with_its_key_reaches_its_ward_and_is_answered_with_its_token() {
        String body = event("wmsg1", "8800", WARD_APP_ID);
        assertEquals(Status.OK_200, Webhooks.zaloSigned(client, "/webhooks/zalo/ward-z", WARD_APP_ID, body, "1732780800000", WARD_KEY));
        assertTrue(Await.until(Waits.BACKGROUND, () -> port.events().stream().anyMatch(e -> e.eventId().equals("zalo:wmsg1"))));
        var event = port.events().stream().filter(e -> e.eventId().equals("zalo:wmsg1")).findFirst().orElseThrow();
        assertEquals("ward-z", ((ConversationRef.ByChannelUser) event.conversation()).wardId());
        var sent = postRequestedFor(urlEqualTo("/v3.0/oa/message/cs")).withHeader("access_token", equalTo(WARD_ACCESS))
                .withRequestBody(matchingJsonPath("$.recipient.user_id", equalTo("8800")));
        assertTrue(Await.until(Waits.BACKGROUND, () -> !zalo.findAll(sent).isEmpty()), "sent with the ward's token");
    }

    @Test
    void a_wrong_signature_is_401_and_an_unknown_ward_or_the_unconfigured_old_path_is_404() {
        String body = event("wmsg2", "8801", WARD_APP_ID);
        assertEquals(Status.UNAUTHORIZED_401,
                     Webhooks.zaloSigned(client, "/webhooks/zalo/ward-z", WARD_APP_ID, body, "1732780800000", "other"));
        assertEquals(Status.NOT_FOUND_404,
                     Webhooks.zaloSigned(client, "/webhooks/zalo/no-ward", WARD_APP_ID, body, "1732780800000", WARD_KEY));
        assertEquals(Status.NOT_FOUND_404,
                     Webhooks.zaloSigned(client, "/webhooks/zalo", WARD_APP_ID, body, "1732780800000", WARD_KEY));
        assertTrue(port.events().stream().noneMatch(e -> e.eventId().equals("zalo:wmsg2")));
    }

    private static String event(String msgId, String userId, String appId) {
        return """
                {"app_id":"%s","event_name":"user_send_text","sender":{"id":"%s"},"recipient":{"id":"1"},
                 "message":{"msg_id":"%s","text":"Xin chào"},"timestamp":"1732780800000"}""".formatted(appId, userId, msgId);
    }
}
