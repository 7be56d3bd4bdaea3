package vn.warddesk.bot.channel.zalo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.channel.Await;
import vn.warddesk.bot.channel.Channels;
import vn.warddesk.bot.channel.OutboxRows;
import vn.warddesk.bot.channel.RecordingPort;
import vn.warddesk.bot.message.Reply;
import vn.warddesk.bot.outbox.Delivery;
import vn.warddesk.bot.outbox.SendResult;
import vn.warddesk.bot.secret.SecretKeys;
import vn.warddesk.bot.store.Jdbc;
import vn.warddesk.bot.testing.TestDatabase;
import vn.warddesk.bot.ward.ChannelField;
import vn.warddesk.bot.ward.Ward;
import vn.warddesk.bot.ward.WardChannelSecrets;
import vn.warddesk.bot.ward.WardStore;
import vn.warddesk.bot.testing.Waits;

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

/**
 * A ward's own OA renews its access token with its single-use refresh token: ahead of expiry, when Zalo refuses the
 * token, once for many concurrent senders, and a failed renewal leaves the reply queued until it succeeds.
 */
class ZaloWardTokenRenewalTest {
    private static final String CS = "/v3.0/oa/message/cs";
    private static final String OAUTH = "/v4/oa/access_token";
    private static final String WARD = "ward-r";
    private static final String ACCESS_1 = "ward-access-token-one";
    private static final String REFRESH_1 = "ward-refresh-token-one";
    private static final String ACCESS_2 = "ward-access-token-two";
    private static final String REFRESH_2 = "ward-refresh-token-two";
    private static final String APP_SECRET = "ward-app-secret";
    private static final String KEYS = "k1:" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
    private static WireMockServer zalo;
    private static HikariDataSource pool;
    private static WardChannelSecrets secrets;
    private static ZaloSettings settings;
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler logHandler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(String.valueOf(record.getMessage()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    static void start() {
        zalo = new WireMockServer(options().dynamicPort());
        zalo.start();
        pool = TestDatabase.fresh("zalo_ward_token");
        new WardStore(pool).putWard(new Ward(WARD, "demo-da-nang", "Phường Ar", "Ar Ward", true, false), Instant.now());
        secrets = new WardChannelSecrets(pool, SecretKeys.parse(KEYS));
        settings = ZaloSettings.from(config().get("zalo"));
    }

    @AfterAll
    static void stop() {
        zalo.stop();
        pool.close();
    }

    @BeforeEach
    void fresh() {
        zalo.resetAll();
        Jdbc.inTransaction(pool, c -> c.createStatement().executeUpdate("DELETE FROM ward_oa_token"));
        secrets.update(WARD, Map.of(ChannelField.ZALO_APP_ID, "5555666677778888", ChannelField.ZALO_OA_SECRET_KEY, "k",
                                    ChannelField.ZALO_APP_SECRET, APP_SECRET, ChannelField.ZALO_ACCESS_TOKEN, ACCESS_1,
                                    ChannelField.ZALO_REFRESH_TOKEN, REFRESH_1), Instant.now());
        zalo.stubFor(post(urlEqualTo(OAUTH)).willReturn(renewed()));
        zalo.stubFor(post(urlEqualTo(CS)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"error\":0,\"message\":\"Success\",\"data\":{\"message_id\":\"m\",\"user_id\":\"u\"}}")));
        Logger.getLogger("").addHandler(logHandler);
    }

    @AfterEach
    void noTokenWasLogged() {
        Logger.getLogger("").removeHandler(logHandler);
        for (String line : logged) {
            for (String token : List.of(ACCESS_1, REFRESH_1, ACCESS_2, REFRESH_2, APP_SECRET)) {
                assertTrue(!line.contains(token), "a token in the log: " + line);
            }
        }
    }

    @Test
    void a_token_about_to_expire_is_renewed_and_the_new_refresh_token_replaces_the_spent_one() {
        expiresIn(ACCESS_1, Duration.ofMinutes(10)); // inside the 1 h margin
        ZaloSender sender = sender();

        assertInstanceOf(SendResult.Sent.class, sender.send(delivery()));
        assertInstanceOf(SendResult.Sent.class, sender.send(delivery()));

        var renewals = zalo.findAll(postRequestedFor(urlEqualTo(OAUTH)));
        assertEquals(1, renewals.size(), "renewed once, the second send used the new token");
        assertEquals(APP_SECRET, renewals.get(0).getHeader("secret_key"));
        String form = renewals.get(0).getBodyAsString();
        assertTrue(form.contains("refresh_token=" + REFRESH_1) && form.contains("grant_type=refresh_token")
                   && form.contains("app_id=5555666677778888"), form);
        assertEquals(2, zalo.findAll(postRequestedFor(urlEqualTo(CS)).withHeader("access_token", equalTo(ACCESS_2))).size());
        assertEquals(0, zalo.findAll(postRequestedFor(urlEqualTo(CS)).withHeader("access_token", equalTo(ACCESS_1))).size());
        Map<ChannelField, String> stored = secrets.read(WARD);
        assertEquals(ACCESS_2, stored.get(ChannelField.ZALO_ACCESS_TOKEN));
        assertEquals(REFRESH_2, stored.get(ChannelField.ZALO_REFRESH_TOKEN), "the spent refresh token is gone");
        assertTrue(storedTokenBytesAreSealed(), "stored encrypted");
    }

    @Test
    void a_token_zalo_refuses_is_renewed_and_the_message_resent_once() {
        zalo.stubFor(post(urlEqualTo(CS)).withHeader("access_token", equalTo(ACCESS_1)).atPriority(1)
                             .willReturn(aResponse().withHeader("Content-Type", "application/json")
                                                 .withBody("{\"error\":-216,\"message\":\"Access token is invalid\"}")));

        assertInstanceOf(SendResult.Sent.class, sender().send(delivery()));

        assertEquals(1, zalo.findAll(postRequestedFor(urlEqualTo(OAUTH))).size());
        var sends = zalo.findAll(postRequestedFor(urlEqualTo(CS)));
        assertEquals(List.of(ACCESS_1, ACCESS_2), sends.stream().map(r -> r.getHeader("access_token")).toList());
    }

    @Test
    void concurrent_senders_on_two_instances_renew_once_and_spend_the_refresh_token_once() throws Exception {
        expiresIn(ACCESS_1, Duration.ofMinutes(1));
        zalo.stubFor(post(urlEqualTo(OAUTH)).willReturn(renewed().withFixedDelay(300)));
        List<ZaloSender> instances = List.of(sender(), sender());
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<SendResult>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ZaloSender sender = instances.get(i % 2);
                results.add(threads.submit(() -> {
                    go.await();
                    return sender.send(delivery());
                }));
            }
            go.countDown();
            for (Future<SendResult> result : results) {
                assertInstanceOf(SendResult.Sent.class, result.get());
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(1, zalo.findAll(postRequestedFor(urlEqualTo(OAUTH))).size(), "one renewal");
        assertEquals(6, zalo.findAll(postRequestedFor(urlEqualTo(CS)).withHeader("access_token", equalTo(ACCESS_2))).size());
        assertEquals(REFRESH_2, secrets.read(WARD).get(ChannelField.ZALO_REFRESH_TOKEN));
    }

    @Test
    void a_failed_renewal_keeps_the_reply_queued_and_the_outbox_sends_it_once_renewal_works() {
        expiresIn(ACCESS_1, Duration.ofMinutes(1));
        zalo.stubFor(post(urlEqualTo(OAUTH)).inScenario("zalo oauth").whenScenarioStateIs(Scenario.STARTED)
                             .willReturn(aResponse().withStatus(503)));
        String conversation = OutboxRows.conversation(pool, "zalo", "8800@" + WARD, Instant.now().minusSeconds(30));
        Map<String, String> map = new HashMap<>(flat());
        map.put("outbox.backoff.initial", "PT0.2S");
        map.put("outbox.backoff.max", "PT0.3S");
        try (Channels channels = Channels.create(vn.warddesk.bot.WardDeskSettings.read(Config.just(ConfigSources.create(map))).channels(), pool, Clock.systemUTC(),
                                                 new RecordingPort(pool))) {
            OutboxRows.enqueue(pool, conversation, "zalo", "8800@" + WARD, Reply.text("Lệ phí: 5.000 đồng"));
            assertTrue(Await.until(Waits.BACKGROUND, () -> {
                List<OutboxRows.Row> rows = OutboxRows.rows(pool, conversation);
                return rows.get(0).attempts() >= 1 && rows.get(0).status().equals("queued")
                       && String.valueOf(rows.get(0).failureReason()).contains("renewal failed");
            }), () -> "queued with the reason: " + OutboxRows.rows(pool, conversation));
            assertEquals(0, zalo.findAll(postRequestedFor(urlEqualTo(CS))).size(), "nothing sent with the expiring token");

            zalo.stubFor(post(urlEqualTo(OAUTH)).inScenario("zalo oauth").whenScenarioStateIs(Scenario.STARTED)
                                 .willReturn(renewed()));
            assertTrue(Await.until(Waits.BACKGROUND,
                                   () -> OutboxRows.rows(pool, conversation).get(0).status().equals("sent")),
                       () -> "sent after the renewal: " + OutboxRows.rows(pool, conversation));
        }
        var sent = zalo.findAll(postRequestedFor(urlEqualTo(CS)).withRequestBody(containing("5.000")));
        assertEquals(1, sent.size());
        assertEquals(ACCESS_2, sent.get(0).getHeader("access_token"));
        assertEquals(REFRESH_2, secrets.read(WARD).get(ChannelField.ZALO_REFRESH_TOKEN));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder renewed() {
        return aResponse().withHeader("Content-Type", "application/json").withBody(
                "{\"access_token\":\"" + ACCESS_2 + "\",\"refresh_token\":\"" + REFRESH_2 + "\",\"expires_in\":\"90000\"}");
    }

    private static ZaloSender sender() {
        ZaloHttp http = new ZaloHttp(Duration.ofSeconds(5));
        return new ZaloSender(settings, new ZaloTokens(pool, Clock.systemUTC(), settings, http), http, Clock.systemUTC(),
                              new ZaloOas(new WardStore(pool), secrets),
                              new ZaloWardTokens(pool, secrets, settings, http, Clock.systemUTC()));
    }

    private static Delivery delivery() {
        return new Delivery(1, "c", "8800@" + WARD, Reply.text("Giờ làm việc"), 0,
                            Optional.of(Instant.now().minusSeconds(60)));
    }

    /** What an earlier renewal left: the expiry of {@code accessToken}, as WardDesk records it (by its SHA-256). */
    private static void expiresIn(String accessToken, Duration left) {
        Jdbc.inTransaction(pool, c -> {
            try (var insert = c.prepareStatement(
                    "INSERT INTO ward_oa_token (ward_id, access_hash, expires_at, refreshes) VALUES (?, ?, ?, 1)")) {
                insert.setString(1, WARD);
                insert.setString(2, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                                                                     .digest(accessToken.getBytes(StandardCharsets.UTF_8))));
                insert.setTimestamp(3, Timestamp.from(Instant.now().plus(left)));
                return insert.executeUpdate();
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static boolean storedTokenBytesAreSealed() {
        return Jdbc.withConnection(pool, c -> {
            try (var select = c.prepareStatement("SELECT sealed FROM ward_channel_secret WHERE ward_id = ?")) {
                select.setString(1, WARD);
                try (var rows = select.executeQuery()) {
                    while (rows.next()) {
                        String raw = new String(rows.getBytes(1), StandardCharsets.ISO_8859_1);
                        if (raw.contains(ACCESS_2) || raw.contains(REFRESH_2)) {
                            return false;
                        }
                    }
                }
            }
            return true;
        });
    }

    private static Map<String, String> flat() {
        Map<String, String> map = new HashMap<>();
        map.put("zalo.api-base-url", zalo.baseUrl());
        map.put("zalo.oauth-base-url", zalo.baseUrl());
        map.put("zalo.rate.per-chat-per-second", "100");
        map.put("secret.keys", KEYS);
        map.put("outbox.poll-interval", "PT0.05S");
        map.put("inbox.poll-interval", "PT0.05S");
        map.put("ward.default-id", "demo-hoa-an");
        map.put("privacy.hash-key", "test-key");
        return map;
    }

    private static Config config() {
        return Config.just(ConfigSources.create(flat()));
    }
}
