package vn.warddesk.bot.staff;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.StaffServerSupport;
import vn.warddesk.bot.testing.TestDatabase;
import vn.warddesk.bot.testing.Webhooks;
import vn.warddesk.bot.testing.Waits;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A ward admin sets the ward's own bot through the staff API; values go in, never come out, and are audited by name. */
@ServerTest
class StaffWardChannelsApiTest {
    private static final String TOKEN = "4242:AAward-own-token-XYZ9";
    private static final String SECRET = "ward_webhook-secret";
    private static HikariDataSource pool;
    private static WireMockServer telegram;
    private static Config config;
    private final StaffApi api;
    private final URI uri;

    StaffWardChannelsApiTest(URI uri) {
        this.uri = uri;
        this.api = new StaffApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        telegram = new WireMockServer(options().dynamicPort());
        telegram.start();
        telegram.stubFor(post(urlMatching("/bot.*"))
                                 .willReturn(aResponse().withHeader("Content-Type", "application/json")
                                                     .withBody("{\"ok\":true,\"result\":{\"message_id\":1}}")));
        Map<String, String> map = new HashMap<>();
        map.put("secret.keys", "k1:" + java.util.Base64.getEncoder().encodeToString(new byte[32]));
        map.put("limits.sign-ins-per-client.requests", "1000"); // this class signs in often, from one address
        map.put("telegram.api-base-url", telegram.baseUrl());
        map.put("outbox.poll-interval", "PT0.05S");
        map.put("inbox.poll-interval", "PT0.05S");
        pool = TestDatabase.fresh("staff_ward_channels");
        config = StaffServerSupport.configureWithDemoAccounts(server, map, pool, java.time.Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        pool.close();
        telegram.stop();
    }

    @Test
    void an_admin_sets_the_wards_bot_and_sees_only_whether_it_is_set_and_its_last_four_characters() throws Exception {
        StaffApi.Session admin = api.signIn("demo.admin", "demo-admin-2026");
        JsonNode before = api.get("/api/v1/staff/channels", admin).json();
        assertTrue(before.path("canSave").asBoolean());
        assertFalse(field(before, "telegram.bot-token").path("set").asBoolean());

        // Before the save the ward has no bot: the channels (which keep the wards' credentials for a while) say so.
        assertEquals(404, webhook("/webhooks/telegram/demo-hoa-an", SECRET, 9000, 901));
        StaffApi.Answer saved = api.send("PUT", "/api/v1/staff/channels", java.util.Optional.of(admin),
                                         Map.of("telegram.bot-token", TOKEN, "telegram.webhook-secret", SECRET), true, Map.of());
        assertEquals(200, saved.status(), saved.body());
        StaffApi.Answer after = api.get("/api/v1/staff/channels", admin);
        assertTrue(field(after.json(), "telegram.bot-token").path("set").asBoolean());
        assertEquals("XYZ9", field(after.json(), "telegram.bot-token").path("last4").asText());
        assertTrue(field(after.json(), "telegram.webhook-secret").path("set").asBoolean());
        assertTrue(field(after.json(), "telegram.webhook-secret").path("last4").isNull(), "nothing of a secret is shown");
        assertFalse(after.body().contains(TOKEN) || saved.body().contains(TOKEN) || after.body().contains(SECRET),
                    "values never come back");
        assertEquals("/webhooks/telegram/demo-hoa-an", after.json().path("telegramWebhookPath").asText());
        String audited = auditDetail("ward_channels.update");
        assertTrue(audited.contains("telegram.bot-token"), audited);
        assertFalse(audited.contains(TOKEN) || audited.contains(SECRET), "the audit names fields, never values");

        // The ward's bot now works: its webhook takes its secret, and the engine's reply goes out with its token.
        assertEquals(401, webhook("/webhooks/telegram/demo-hoa-an", "wrong", 9001, 901));
        assertEquals(200, webhook("/webhooks/telegram/demo-hoa-an", SECRET, 9002, 901));
        var sent = postRequestedFor(urlEqualTo("/bot" + TOKEN + "/sendMessage"));
        assertTrue(vn.warddesk.bot.channel.Await.until(Waits.BACKGROUND, () -> !telegram.findAll(sent).isEmpty()),
                   "the reply went through the ward's own bot");

        StaffApi.Answer cleared = api.send("PUT", "/api/v1/staff/channels", java.util.Optional.of(admin),
                                           Map.of("telegram.webhook-secret", ""), true, Map.of());
        assertFalse(field(cleared.json(), "telegram.webhook-secret").path("set").asBoolean());
        assertEquals(404, webhook("/webhooks/telegram/demo-hoa-an", SECRET, 9003, 901), "no secret, no webhook");
    }

    @Test
    void bad_input_is_a_clear_400_and_other_roles_are_refused() {
        StaffApi.Session admin = api.signIn("demo.admin", "demo-admin-2026");
        assertEquals(400, put(admin, Map.of("telegram.password", "x")).status());
        assertEquals(400, put(admin, Map.of("telegram.bot-token", "not a token")).status());
        assertEquals(400, put(admin, Map.of("telegram.webhook-secret", "has spaces and ü")).status());
        assertEquals(400, api.send("PUT", "/api/v1/staff/channels", java.util.Optional.of(admin),
                                   "{\"zalo.oa-id\": 12}", true, Map.of()).status());
        assertEquals(400, put(admin, Map.of()).status());
        StaffApi.Session officer = api.signIn("demo.officer", "demo-officer-2026");
        assertEquals(403, api.get("/api/v1/staff/channels", officer).status());
        assertEquals(403, put(officer, Map.of("zalo.oa-id", "123")).status());
        assertEquals(403, api.send("PUT", "/api/v1/staff/channels", java.util.Optional.of(admin),
                                   Map.of("zalo.oa-id", "123"), false, Map.of()).status(), "CSRF token required");
    }

    @Test
    void second_factor_secrets_are_stored_encrypted_and_plain_ones_are_sealed_by_the_rotation() throws Exception {
        StaffApi.Session admin = api.signIn("demo.admin", "demo-admin-2026"); // the code checks against the sealed secret
        assertTrue(admin.me().path("username").asText().equals("demo.admin"));
        String stored = totpSecret("demo.admin");
        assertTrue(stored.startsWith("gcm:k1:"), stored);
        assertFalse(stored.contains(DemoAccounts.TOTP_SECRET), "no plain secret in the database");

        // A secret written before the key existed is read as it is, and sealed by ./warddesk admin secrets rotate.
        try (var c = pool.getConnection();
             var plain = c.prepareStatement("UPDATE staff_account SET totp_secret = ? WHERE username = 'demo.supervisor'")) {
            plain.setString(1, DemoAccounts.TOTP_SECRET);
            plain.executeUpdate();
        }
        api.signIn("demo.supervisor", "demo-supervisor-2026");
        assertTrue(vn.warddesk.bot.staff.Staff.resealSecondFactorSecrets(vn.warddesk.bot.WardDeskSettings.read(config).secretKeys(), pool) >= 1);
        assertTrue(totpSecret("demo.supervisor").startsWith("gcm:k1:"));
        api.signIn("demo.supervisor", "demo-supervisor-2026");
    }

    private static String totpSecret(String username) throws Exception {
        try (var c = pool.getConnection();
             var q = c.prepareStatement("SELECT totp_secret FROM staff_account WHERE username = ?")) {
            q.setString(1, username);
            try (var rs = q.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }

    private StaffApi.Answer put(StaffApi.Session session, Object body) {
        return api.send("PUT", "/api/v1/staff/channels", java.util.Optional.of(session), body, true, Map.of());
    }

    private int webhook(String path, String secret, long updateId, long userId) {
        return api.send("POST", path, java.util.Optional.empty(), Webhooks.telegramText(updateId, userId, "Giờ làm việc?", "vi"),
                        false, Map.of(Webhooks.TELEGRAM_SECRET.defaultCase(), secret)).status();
    }

    private static JsonNode field(JsonNode status, String key) {
        for (JsonNode field : status.path("fields")) {
            if (field.path("field").asText().equals(key)) {
                return field;
            }
        }
        throw new AssertionError("no field " + key + " in " + status);
    }

    private static String auditDetail(String action) throws Exception {
        try (var c = pool.getConnection();
             var q = c.prepareStatement("SELECT detail FROM audit_log WHERE action = ? ORDER BY id DESC LIMIT 1")) {
            q.setString(1, action);
            try (var rs = q.executeQuery()) {
                assertTrue(rs.next(), "audited");
                return rs.getString(1);
            }
        }
    }
}
