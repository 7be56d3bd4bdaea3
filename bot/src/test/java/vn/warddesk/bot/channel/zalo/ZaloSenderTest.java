package vn.warddesk.bot.channel.zalo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.message.Button;
import vn.warddesk.bot.message.Reply;
import vn.warddesk.bot.outbox.Delivery;
import vn.warddesk.bot.outbox.SendResult;
import vn.warddesk.bot.store.Jdbc;
import vn.warddesk.bot.testing.TestDatabase;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sending as the OA: token refresh ahead of expiry and after -216, one refresh across instances, the window. */
class ZaloSenderTest {
    private static final String CS = "/v3.0/oa/message/cs";
    private static final String OAUTH = "/v4/oa/access_token";
    private static WireMockServer zalo;
    private static HikariDataSource pool;
    private ZaloSettings settings;
    private ZaloTokens tokens;
    private ZaloSender sender;

    @BeforeAll
    static void start() {
        zalo = new WireMockServer(options().dynamicPort());
        zalo.start();
        pool = TestDatabase.fresh("zalo_sender");
    }

    @AfterAll
    static void stop() {
        zalo.stop();
        pool.close();
    }

    @BeforeEach
    void fresh() {
        zalo.resetAll();
        Jdbc.inTransaction(pool, connection -> connection.createStatement().executeUpdate("DELETE FROM zalo_token"));
        Config root = ZaloWebhookTest.config(zalo.baseUrl());
        settings = ZaloSettings.from(root.get("zalo"));
        ZaloHttp http = new ZaloHttp(Duration.ofSeconds(5));
        tokens = new ZaloTokens(pool, Clock.systemUTC(), settings, http);
        var noSecrets = new vn.warddesk.bot.ward.WardChannelSecrets(pool, vn.warddesk.bot.secret.SecretKeys.parse(""));
        sender = new ZaloSender(settings, tokens, http, Clock.systemUTC(),
                                new ZaloOas(new vn.warddesk.bot.ward.WardStore(pool), noSecrets),
                                new ZaloWardTokens(pool, noSecrets, settings, http, Clock.systemUTC()));
        zalo.stubFor(post(urlEqualTo(OAUTH)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"access-2\",\"refresh_token\":\"refresh-2\",\"expires_in\":\"90000\"}")));
        zalo.stubFor(post(urlEqualTo(CS)).willReturn(okSend()));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okSend() {
        return aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"error\":0,\"message\":\"Success\",\"data\":{\"message_id\":\"abc\",\"user_id\":\"8712345\"}}");
    }

    private static Delivery delivery(Instant lastInbound) {
        return new Delivery(1, "c", "8712345", new Reply("Hồ sơ cần: tờ khai", List.of(new Button("Lệ phí", "ask:birth:fee"))),
                            0, Optional.of(lastInbound));
    }

    @Test
    void a_sent_message_carries_the_message_id_zalo_answered_with() {
        tokens.bootstrap("refresh-1", Optional.of("access-1"), Duration.ofHours(20));
        SendResult result = sender.send(delivery(Instant.now().minusSeconds(60)));
        assertEquals(new SendResult.Sent(Optional.of("abc")), result, "data.message_id of the answer");
    }

    @Test
    void a_token_about_to_expire_is_refreshed_once_and_the_message_is_sent_with_the_new_one() {
        tokens.bootstrap("refresh-1", Optional.of("access-1"), Duration.ofMinutes(10)); // inside the 1 h margin

        assertInstanceOf(SendResult.Sent.class, sender.send(delivery(Instant.now().minusSeconds(60))));
        assertInstanceOf(SendResult.Sent.class, sender.send(delivery(Instant.now().minusSeconds(60))));

        assertEquals(1, zalo.findAll(postRequestedFor(urlEqualTo(OAUTH))).size(), "refreshed once");
        var refresh = zalo.findAll(postRequestedFor(urlEqualTo(OAUTH))).get(0);
        assertEquals("app-secret", refresh.getHeader("secret_key"));
        assertTrue(refresh.getBodyAsString().contains("refresh_token=refresh-1"), refresh.getBodyAsString());
        assertTrue(refresh.getBodyAsString().contains("grant_type=refresh_token"));
        assertEquals(2, zalo.findAll(postRequestedFor(urlEqualTo(CS)).withHeader("access_token", equalTo("access-2"))).size());
        assertEquals(List.of("2:refresh-2:current", "1:refresh-1:retired"), tokenRows());
    }

    @Test
    void an_access_token_rejected_by_zalo_is_refreshed_and_the_message_resent_once() {
        tokens.bootstrap("refresh-1", Optional.of("access-1"), Duration.ofHours(20));
        zalo.stubFor(post(urlEqualTo(CS)).withHeader("access_token", equalTo("access-1")).atPriority(1)
                             .willReturn(aResponse().withHeader("Content-Type", "application/json")
                                                 .withBody("{\"error\":-216,\"message\":\"Access token is invalid\"}")));

        assertInstanceOf(SendResult.Sent.class, sender.send(delivery(Instant.now().minusSeconds(60))));

        assertEquals(1, zalo.findAll(postRequestedFor(urlEqualTo(OAUTH))).size());
        assertEquals(2, zalo.findAll(postRequestedFor(urlEqualTo(CS))).size());
        var sent = zalo.findAll(postRequestedFor(urlEqualTo(CS))).get(1);
        assertEquals("access-2", sent.getHeader("access_token"));
        assertTrue(sent.getBodyAsString().contains("\"recipient\":{\"user_id\":\"8712345\"}"), sent.getBodyAsString());
    }

    @Test
    void two_instances_refreshing_at_once_spend_the_refresh_token_only_once() throws Exception {
        tokens.bootstrap("refresh-1", Optional.of("access-1"), Duration.ofMinutes(1));
        zalo.stubFor(post(urlEqualTo(OAUTH)).willReturn(aResponse().withFixedDelay(300).withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"access-2\",\"refresh_token\":\"refresh-2\",\"expires_in\":90000}")));
        ZaloTokens other = new ZaloTokens(pool, Clock.systemUTC(), settings, new ZaloHttp(Duration.ofSeconds(5)));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool2 = Executors.newFixedThreadPool(2);
        try {
            Future<ZaloTokens.Token> a = pool2.submit(() -> {
                go.await();
                return tokens.accessToken();
            });
            Future<ZaloTokens.Token> b = pool2.submit(() -> {
                go.await();
                return other.accessToken();
            });
            go.countDown();
            assertEquals("access-2", a.get().accessToken());
            assertEquals("access-2", b.get().accessToken());
        } finally {
            pool2.shutdownNow();
        }
        assertEquals(1, zalo.findAll(postRequestedFor(urlEqualTo(OAUTH))).size());
        assertEquals(List.of("2:refresh-2:current", "1:refresh-1:retired"), tokenRows());
    }

    @Test
    void nothing_is_sent_outside_the_interaction_window() {
        tokens.bootstrap("refresh-1", Optional.of("access-1"), Duration.ofHours(20));
        SendResult result = sender.send(delivery(Instant.now().minus(Duration.ofDays(8))));
        assertEquals(new SendResult.Failed("outside interaction window"), result);
        assertEquals(0, zalo.findAll(postRequestedFor(urlEqualTo(CS))).size());
    }

    @Test
    void zalo_errors_map_to_retry_later_or_give_up() {
        tokens.bootstrap("refresh-1", Optional.of("access-1"), Duration.ofHours(20));
        zalo.stubFor(post(urlEqualTo(CS)).withRequestBody(containing("marker-rate")).atPriority(1).willReturn(
                aResponse().withBody("{\"error\":-32,\"message\":\"Exceeded rate limit\"}")));
        zalo.stubFor(post(urlEqualTo(CS)).withRequestBody(containing("marker-gone")).atPriority(1).willReturn(
                aResponse().withBody("{\"error\":-230,\"message\":\"User has not interacted with the OA in the past 7 days\"}")));
        zalo.stubFor(post(urlEqualTo(CS)).withRequestBody(containing("marker-down")).atPriority(1).willReturn(aResponse().withStatus(503)));

        assertEquals(new SendResult.RetryAfter(Duration.ofMinutes(1), "zalo -32: Exceeded rate limit"), send("rate"));
        SendResult gone = send("gone");
        assertInstanceOf(SendResult.Failed.class, gone);
        assertTrue(((SendResult.Failed) gone).reason().startsWith("zalo -230"));
        assertInstanceOf(SendResult.Retry.class, send("down"));
    }

    @Test
    void without_a_stored_token_sending_is_retried_with_the_reason() {
        SendResult result = send("hello");
        assertInstanceOf(SendResult.Retry.class, result);
        assertTrue(((SendResult.Retry) result).reason().contains("zalo-set-token"));
    }

    private SendResult send(String marker) {
        return sender.send(new Delivery(1, "c", "8712345", Reply.text("marker-" + marker), 0, Optional.of(Instant.now())));
    }

    private static List<String> tokenRows() {
        return Jdbc.withConnection(pool, connection -> {
            try (var select = connection.prepareStatement(
                    "SELECT version, refresh_token, retired_at IS NULL FROM zalo_token ORDER BY version DESC");
                 var rs = select.executeQuery()) {
                List<String> rows = new java.util.ArrayList<>();
                while (rs.next()) {
                    rows.add(rs.getInt(1) + ":" + rs.getString(2) + ":" + (rs.getBoolean(3) ? "current" : "retired"));
                }
                return rows;
            }
        });
    }
}
