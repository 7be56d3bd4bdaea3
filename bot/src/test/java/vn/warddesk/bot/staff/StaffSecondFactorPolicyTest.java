package vn.warddesk.bot.staff;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.StaffServerSupport;
import vn.warddesk.bot.testing.MutableClock;
import vn.warddesk.bot.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 14 leftovers: a TOTP code works once, and a ward admin can require the second factor of officers. */
@ServerTest
class StaffSecondFactorPolicyTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-07T02:00:00Z"));
    private static HikariDataSource pool;
    private final StaffApi api;

    StaffSecondFactorPolicyTest(URI uri) {
        this.api = new StaffApi(uri, CLOCK);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        pool = TestDatabase.fresh("staff_totp_policy");
        StaffServerSupport.configureWithDemoAccounts(server, Map.of("limits.sign-ins-per-client.requests", "1000"), pool, CLOCK);
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void a_second_factor_code_is_accepted_once_and_the_enrolment_code_cannot_sign_in() {
        StaffApi.Session admin = api.signIn("demo.admin", "demo-admin-2026");
        String oneTime = api.post("/api/v1/staff/accounts", admin,
                                  Map.of("username", "replay.admin", "roles", List.of("admin")))
                .json().path("oneTimePassword").asText();
        String password = "replay-admin-password-2026";
        StaffApi.Session fresh = api.firstSignIn("replay.admin", oneTime, password);
        String secret = api.enrolSecondFactor(fresh, CLOCK.instant());
        String enrolCode = SecondFactor.code(secret, CLOCK.instant()); // the code the enrolment was confirmed with

        StaffApi.Answer withEnrolCode = api.loginWithCode("replay.admin", password, enrolCode);
        assertEquals(401, withEnrolCode.status(), "the code typed at enrolment is used up");
        assertEquals("code_used", withEnrolCode.json().path("error").asText());

        CLOCK.advance(Duration.ofSeconds(30));
        String next = SecondFactor.code(secret, CLOCK.instant());
        assertEquals(200, api.loginWithCode("replay.admin", password, next).status(), "the next step's code works");
        StaffApi.Answer replayed = api.loginWithCode("replay.admin", password, next);
        assertEquals(401, replayed.status(), "the same code a second time is refused");
        assertEquals("code_used", replayed.json().path("error").asText());
        String previous = SecondFactor.code(secret, CLOCK.instant().minusSeconds(30));
        assertEquals(401, api.loginWithCode("replay.admin", password, previous).status(),
                     "an older code (still within the drift window) is refused after a newer one was used");

        CLOCK.advance(Duration.ofSeconds(30));
        assertEquals(200, api.loginWithCode("replay.admin", password, SecondFactor.code(secret, CLOCK.instant())).status());
    }

    @Test
    void a_ward_admin_can_require_the_second_factor_of_officers_and_officers_must_then_enrol() {
        StaffApi.Session admin = api.signIn("demo.admin", "demo-admin-2026");
        StaffApi.Answer ward = api.get("/api/v1/staff/ward", admin);
        assertEquals(200, ward.status(), ward.body());
        assertEquals("demo-hoa-an", ward.json().path("id").asText());
        assertFalse(ward.json().path("officerSecondFactor").asBoolean());

        StaffApi.Session officer = api.signIn("demo.officer", "demo-officer-2026");
        assertEquals(200, api.get("/api/v1/staff/cases", officer).status(), "no second factor needed by default");
        assertEquals(403, api.post("/api/v1/staff/ward/officer-second-factor", officer,
                                   Map.of("officerSecondFactor", false)).status(), "only the ward admin sets the policy");
        assertEquals(400, api.post("/api/v1/staff/ward/officer-second-factor", admin,
                                   Map.of("officerSecondFactor", "yes")).status());

        StaffApi.Answer on = api.post("/api/v1/staff/ward/officer-second-factor", admin, Map.of("officerSecondFactor", true));
        assertEquals(200, on.status(), on.body());
        assertTrue(on.json().path("officerSecondFactor").asBoolean());
        try {
            StaffApi.Answer blocked = api.get("/api/v1/staff/cases", officer);
            assertEquals(403, blocked.status(), "an officer without a factor must set it up first");
            assertEquals("second_factor_enrolment_required", blocked.json().path("error").asText());
            assertTrue(api.get("/api/v1/staff/me", officer).json().path("secondFactor").path("required").asBoolean());
            assertEquals(200, api.post("/api/v1/staff/second-factor/enrol", officer, Map.of()).status(),
                         "and may set it up");
            assertTrue(count("SELECT COUNT(*) FROM audit_log WHERE action = 'ward.officer_second_factor'") >= 1,
                       "the policy change is audited");
        } finally {
            assertEquals(200, api.post("/api/v1/staff/ward/officer-second-factor", admin,
                                       Map.of("officerSecondFactor", false)).status());
        }
        assertEquals(200, api.get("/api/v1/staff/cases", api.signIn("demo.officer", "demo-officer-2026")).status(),
                     "policy off: officers work without a factor again");
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
