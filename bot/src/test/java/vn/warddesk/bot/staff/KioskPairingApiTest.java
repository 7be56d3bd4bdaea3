package vn.warddesk.bot.staff;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import com.zaxxer.hikari.HikariDataSource;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.StaffServerSupport;
import vn.warddesk.bot.testing.MutableClock;
import vn.warddesk.bot.testing.TestDatabase;
import vn.warddesk.bot.ward.Province;
import vn.warddesk.bot.ward.Ward;
import vn.warddesk.bot.ward.WardStore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17 point 3: kiosks paired to a ward by an admin's one-time code (kiosk.pairing-required=true here), and
 * {@code ?ward=} choosing the ward of a public conversation.
 */
@ServerTest
class KioskPairingApiTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-07T02:00:00Z"));
    private static final Map<String, String> NO_HEADERS = Map.of();
    private static HikariDataSource pool;
    private final StaffApi api;

    KioskPairingApiTest(URI uri) {
        this.api = new StaffApi(uri, CLOCK);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        pool = TestDatabase.fresh("kiosk_pairing");
        WardStore wards = new WardStore(pool);
        wards.putProvince(new Province("demo-hue", "Thành phố Huế (DEMO)", "Hue City (DEMO)"), CLOCK.instant());
        wards.putWard(new Ward("demo-thuan-hoa", "demo-hue", "Phường Thuận Hóa (DEMO)", "Thuan Hoa Ward (DEMO)", true, false),
                      CLOCK.instant());
        wards.putWard(new Ward("demo-closed", "demo-hue", "Phường đã đóng", "Closed ward", true, false), CLOCK.instant());
        wards.setEnabled("demo-closed", false);
        StaffServerSupport.configureWithDemoAccounts(server, Map.of("catalog.dir", "../config/catalog", "limits.enabled", "false",
                                                                    "kiosk.pairing-required", "true"), pool, CLOCK);
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    private StaffApi.Answer startConversation(String query, String channel, Optional<String> device) {
        Map<String, String> headers = device.map(token -> Map.of("X-Kiosk-Device", token)).orElse(NO_HEADERS);
        return api.anonymous("POST", "/api/v1/conversations" + query, Map.of("channel", channel, "locale", "vi"), headers);
    }

    private StaffApi.Answer pair(String code) {
        return api.anonymous("POST", "/api/v1/kiosk/pair", Map.of("code", code), NO_HEADERS);
    }

    @Test
    void a_code_pairs_one_kiosk_once_and_a_revoked_kiosk_is_refused() {
        StaffApi.Session admin = api.signIn("demo.admin", "demo-admin-2026");
        StaffApi.Answer unpaired = api.anonymous("GET", "/api/v1/kiosk/device", null, NO_HEADERS);
        assertEquals(200, unpaired.status(), unpaired.body());
        assertFalse(unpaired.json().path("paired").asBoolean());
        assertTrue(unpaired.json().path("pairingRequired").asBoolean());
        assertEquals(401, startConversation("", "kiosk", Optional.empty()).status(), "an unpaired kiosk cannot start");

        StaffApi.Answer issued = api.post("/api/v1/staff/kiosk-devices/pairing-codes", admin, Map.of("label", "Entrance"));
        assertEquals(200, issued.status(), issued.body());
        String code = issued.json().path("code").asText();
        assertTrue(code.matches("\\d{8}"), code);
        assertEquals(600, issued.json().path("validSeconds").asInt());

        StaffApi.Answer paired = pair(code);
        assertEquals(201, paired.status(), paired.body());
        assertEquals("demo-hoa-an", paired.json().path("wardId").asText());
        String token = paired.json().path("token").asText();
        assertTrue(token.length() >= 40, token);
        StaffApi.Answer again = pair(code);
        assertEquals(404, again.status(), "a code pairs once");
        assertEquals("unknown_code", again.json().path("error").asText());
        assertEquals(0, count("SELECT COUNT(*) FROM kiosk_device WHERE token_hash = '" + token + "'"),
                     "the token itself is not stored");

        StaffApi.Answer device = api.anonymous("GET", "/api/v1/kiosk/device", null,
                                          Map.of("X-Kiosk-Device", token));
        assertEquals(200, device.status(), device.body());
        assertEquals("demo-hoa-an", device.json().path("wardId").asText());
        StaffApi.Answer conversation = startConversation("?ward=demo-thuan-hoa", "kiosk", Optional.of(token));
        assertEquals(201, conversation.status(), conversation.body());
        assertEquals("demo-hoa-an", conversation.json().path("wardId").asText(), "a paired kiosk talks to its ward only");

        StaffApi.Answer listed = api.get("/api/v1/staff/kiosk-devices", admin);
        assertEquals(200, listed.status(), listed.body());
        assertEquals(1, listed.json().path("devices").size());
        long id = listed.json().path("devices").get(0).path("id").asLong();
        assertEquals("Entrance", listed.json().path("devices").get(0).path("label").asText());
        assertEquals(404, api.post("/api/v1/staff/kiosk-devices/" + (id + 1000) + "/revoke", admin, Map.of()).status());
        assertEquals(200, api.post("/api/v1/staff/kiosk-devices/" + id + "/revoke", admin, Map.of()).status());
        StaffApi.Answer revoked = api.anonymous("GET", "/api/v1/kiosk/device", null,
                                           Map.of("X-Kiosk-Device", token));
        assertEquals(401, revoked.status(), "a revoked kiosk is told to pair again");
        assertEquals("device_not_paired", revoked.json().path("error").asText());
        assertEquals(401, startConversation("", "kiosk", Optional.of(token)).status());
        assertTrue(api.get("/api/v1/staff/kiosk-devices", admin).json().path("devices").get(0).hasNonNull("revokedAt"));
    }

    @Test
    void an_expired_or_wrong_code_pairs_nothing_and_only_admins_issue_codes() {
        StaffApi.Session admin = api.signIn("demo.admin", "demo-admin-2026");
        String code = api.post("/api/v1/staff/kiosk-devices/pairing-codes", admin, Map.of()).json().path("code").asText();
        CLOCK.advance(Duration.ofMinutes(11));
        assertEquals(404, pair(code).status(), "expired after ten minutes");
        assertEquals(404, pair("12345678").status());
        assertEquals(400, api.anonymous("POST", "/api/v1/kiosk/pair", "[]", NO_HEADERS).status());
        StaffApi.Session officer = api.signIn("demo.officer", "demo-officer-2026");
        assertEquals(403, api.post("/api/v1/staff/kiosk-devices/pairing-codes", officer, Map.of()).status());
        assertEquals(403, api.get("/api/v1/staff/kiosk-devices", officer).status());
    }

    @Test
    void the_ward_parameter_chooses_the_ward_of_a_public_conversation_and_unknown_wards_are_404() {
        StaffApi.Answer other = startConversation("?ward=demo-thuan-hoa", "web", Optional.empty());
        assertEquals(201, other.status(), other.body());
        assertEquals("demo-thuan-hoa", other.json().path("wardId").asText());
        assertEquals(1, count("SELECT COUNT(*) FROM conversation WHERE ward_id = 'demo-thuan-hoa' AND id = '"
                              + other.json().path("id").asText() + "'"), "stored with its ward");
        StaffApi.Answer home = startConversation("", "web", Optional.empty());
        assertEquals("demo-hoa-an", home.json().path("wardId").asText(), "no parameter: the default ward");
        for (String ward : new String[] {"nowhere", "demo-closed", "BAD%20ID"}) {
            StaffApi.Answer unknown = startConversation("?ward=" + ward, "web", Optional.empty());
            assertEquals(404, unknown.status(), ward + ": " + unknown.body());
            assertTrue(unknown.header("Content-Type").orElse("").startsWith("application/problem+json"));
        }
        StaffApi.Answer page = api.anonymous("GET", "/kiosk/demo-thuan-hoa/", null, NO_HEADERS);
        assertEquals(303, page.status());
        assertEquals("/kiosk/?ward=demo-thuan-hoa", page.header("Location").orElse(""));
        assertEquals(404, api.anonymous("GET", "/kiosk/nowhere/", null, NO_HEADERS).status());
        assertEquals(200, api.anonymous("GET", "/kiosk/app.js", null, NO_HEADERS).status(),
                     "the kiosk's files still load");
    }

    private static long count(String sql) {
        try (var c = pool.getConnection(); var ps = c.prepareStatement(sql); var rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }
}
