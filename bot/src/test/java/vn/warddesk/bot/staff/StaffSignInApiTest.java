package vn.warddesk.bot.staff;

import vn.warddesk.bot.testing.MutableClock;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.StaffServerSupport;
import vn.warddesk.bot.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-in, sessions, CSRF, throttling, password change and accounts, through the HTTP API on real MariaDB. */
@ServerTest
class StaffSignInApiTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-28T02:00:00Z"));
    private static HikariDataSource pool;
    private final StaffApi api;

    StaffSignInApiTest(URI uri) {
        this.api = new StaffApi(uri, CLOCK);
    }

    static Config config() {
        Map<String, String> map = new HashMap<>();
        map.put("staff.seed-demo-accounts", "true");
        map.put("staff.trust-forwarded-headers", "true");
        // This class tests the account throttling, not the edge's sign-in rate limit (RequestLimitTest does).
        map.put("limits.sign-ins-per-client.requests", "1000");
        map.put("staff.login.max-failures-per-ip", "8");
        map.put("staff.login.window", "PT15M");
        map.put("staff.session-idle-timeout", "PT30M");
        map.put("privacy.hash-key", "test-key");
        return Config.just(ConfigSources.create(map));
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        pool = TestDatabase.fresh("staff_signin");
        StaffServerSupport.configure(server, config(), pool, CLOCK);
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    private static Map<String, String> from(String ip) {
        return Map.of("X-Forwarded-For", ip);
    }

    @Test
    void sign_in_sets_a_strict_http_only_cookie_and_returns_a_csrf_token() {
        StaffApi.Answer answer = api.login("demo.officer", "demo-officer-2026", from("10.0.0.1"));
        assertEquals(200, answer.status(), answer.body());
        String cookie = answer.header("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("wd_staff="), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=strict"), cookie);
        assertFalse(cookie.contains("Secure"), "plain http: no Secure flag: " + cookie);
        String token = cookie.substring("wd_staff=".length(), cookie.indexOf(';'));
        assertTrue(token.length() >= 43, "256-bit token");
        assertFalse(answer.json().path("csrfToken").asText().isEmpty());
        assertEquals("demo-hoa-an", answer.json().path("wardId").asText());
        assertTrue(answer.json().path("demo").asBoolean());
        assertFalse(answer.body().contains("password_hash") || answer.body().contains("argon2"), "no hash in answers");
        assertTrue(answer.header("Content-Security-Policy").orElseThrow().contains("script-src 'self'"));
        assertEquals("no-store", answer.header("Cache-Control").orElseThrow());
    }

    @Test
    void the_database_keeps_only_a_hash_of_the_session_token() throws SQLException {
        StaffApi.Session session = api.signIn("demo.supervisor", "demo-supervisor-2026");
        assertEquals(0, count("SELECT COUNT(*) FROM staff_session WHERE token_hash = ?", session.cookie()));
        assertEquals(1, count("SELECT COUNT(*) FROM staff_session WHERE token_hash = ?", Secrets.sha256(session.cookie())));
    }

    @Test
    void cookie_is_secure_when_the_proxy_says_https() {
        StaffApi.Answer answer = api.login("demo.officer", "demo-officer-2026",
                                           Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "10.0.0.2"));
        assertEquals(200, answer.status());
        assertTrue(answer.header("Set-Cookie").orElseThrow().contains("Secure"));
    }

    @Test
    void wrong_password_and_unknown_user_get_the_same_answer_and_are_audited() throws SQLException {
        StaffApi.Answer wrong = api.login("demo.editor", "not-the-password", from("10.0.1.1"));
        StaffApi.Answer unknown = api.login("nobody.here", "not-the-password", from("10.0.1.1"));
        assertEquals(401, wrong.status());
        assertEquals(401, unknown.status());
        assertEquals(wrong.body(), unknown.body(), "no hint whether the user exists");
        assertEquals(1, count("SELECT COUNT(*) FROM audit_log WHERE action = 'login.failure' AND actor = ?", "demo.editor"));
        assertEquals(0, count("SELECT COUNT(*) FROM audit_log WHERE actor = ?", "nobody.here"),
                     "unknown names are not written down (they may be mistyped passwords)");
    }

    @Test
    void unknown_user_takes_about_as_long_as_a_wrong_password() {
        // Interleave the two paths and compare the fastest of each: the minimum is what the work costs, the rest is
        // noise from a busy machine. The unknown-user path must also run Argon2id.
        long wrong = Long.MAX_VALUE;
        long unknown = Long.MAX_VALUE;
        for (int i = 0; i < StaffAuth.FREE_ATTEMPTS; i++) { // stays within the free attempts of each (account, address)
            wrong = Math.min(wrong, millis(() -> api.login("demo.admin", "wrong-password-x", from("10.0.2.1"))));
            unknown = Math.min(unknown, millis(() -> api.login("no.such.user", "wrong-password-x", from("10.0.2.2"))));
        }
        assertTrue(unknown * 3 >= wrong && wrong * 3 >= unknown, "wrong " + wrong + " ms vs unknown " + unknown + " ms");
        assertTrue(unknown >= 5, "a real key derivation ran for the unknown user: " + unknown + " ms");
    }

    private static long millis(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void failures_slow_down_only_the_address_that_made_them_and_the_right_password_from_elsewhere_works()
            throws SQLException {
        for (int i = 0; i < StaffAuth.FREE_ATTEMPTS; i++) {
            assertEquals(401, api.login("demo.phumy", "guess-" + i, from("10.0.3.1")).status());
        }
        StaffApi.Answer waiting = api.login("demo.phumy", "demo-phumy-2026", from("10.0.3.1"));
        assertEquals(429, waiting.status(), "the guessing address waits, even with the right password");
        assertEquals("1", waiting.header("Retry-After").orElseThrow(), "one second after the first failure past the free ones");
        assertEquals(1, count("SELECT COUNT(*) FROM audit_log WHERE action = 'login.throttled' AND actor = 'demo.phumy'"
                              + " AND ward_id = 'demo-phu-my'"), "the ward sees the throttling");
        assertEquals(200, api.login("demo.phumy", "demo-phumy-2026", from("10.0.3.2")).status(),
                     "the officer at another address signs in: nobody can lock an account for everyone");

        // Each further failure of the pair doubles the wait: 1 s, 2 s, 4 s, 8 s ...
        for (long expected : List.of(1L, 2L, 4L, 8L)) {
            CLOCK.advance(Duration.ofSeconds(expected));
            assertEquals(401, api.login("demo.phumy", "guess-again", from("10.0.3.1")).status());
            StaffApi.Answer slower = api.login("demo.phumy", "guess-again", from("10.0.3.1"));
            assertEquals(429, slower.status());
            assertEquals(String.valueOf(expected * 2), slower.header("Retry-After").orElseThrow());
        }
        CLOCK.advance(Duration.ofSeconds(16));
        assertEquals(200, api.login("demo.phumy", "demo-phumy-2026", from("10.0.3.1")).status(),
                     "after the wait, the right password works from that address too");
    }

    @Test
    void admins_sign_in_with_a_second_factor_and_a_recovery_code_works_once() throws SQLException {
        StaffApi.Answer noCode = api.send("POST", "/api/v1/staff/login", Optional.empty(),
                                          Map.of("username", "demo.admin", "password", "demo-admin-2026"), false, from("10.0.9.1"));
        assertEquals(401, noCode.status());
        assertEquals("second_factor_required", noCode.json().path("error").asText());
        assertTrue(noCode.header("Set-Cookie").isEmpty(), "no session without the second factor");
        StaffApi.Answer wrong = api.send("POST", "/api/v1/staff/login", Optional.empty(),
                                         Map.of("username", "demo.admin", "password", "demo-admin-2026", "code", "000000"),
                                         false, from("10.0.9.1"));
        assertEquals(401, wrong.status());
        assertEquals("wrong_code", wrong.json().path("error").asText());
        assertEquals(200, api.login("demo.admin", "demo-admin-2026", from("10.0.9.2")).status(), "the current code works");

        // A new supervisor must set the factor up before anything else.
        StaffApi.Session admin = api.signIn("demo.admin", "demo-admin-2026");
        StaffApi.Answer created = api.post("/api/v1/staff/accounts", admin,
                                           Map.of("username", "new.supervisor", "roles", List.of("supervisor")));
        String oneTime = created.json().path("oneTimePassword").asText();
        StaffApi.Session fresh = api.signIn("new.supervisor", oneTime);
        String password = "a-long-new-password-2026";
        fresh = new StaffApi.Session(fresh.cookie(), fresh.csrf(),
                                     api.post("/api/v1/staff/password", fresh,
                                              Map.of("currentPassword", oneTime, "newPassword", password)).json());
        assertTrue(fresh.me().path("secondFactor").path("required").asBoolean());
        StaffApi.Answer blocked = api.get("/api/v1/staff/audit", fresh);
        assertEquals(403, blocked.status());
        assertEquals("second_factor_enrolment_required", blocked.json().path("error").asText());
        StaffApi.Answer enrolment = api.post("/api/v1/staff/second-factor/enrol", fresh, Map.of());
        assertEquals(200, enrolment.status(), enrolment.body());
        String secret = enrolment.json().path("secret").asText();
        assertTrue(enrolment.json().path("otpauthUri").asText().startsWith("otpauth://totp/WardDesk%3Anew.supervisor?secret=" + secret));
        assertTrue(enrolment.json().path("qrSvg").asText().startsWith("<svg"));
        StaffApi.Answer confirmed = api.post("/api/v1/staff/second-factor/confirm", fresh,
                                             Map.of("code", SecondFactor.code(secret, CLOCK.instant())));
        assertEquals(200, confirmed.status(), confirmed.body());
        List<String> recovery = new java.util.ArrayList<>();
        confirmed.json().path("recoveryCodes").forEach(code -> recovery.add(code.asText()));
        assertEquals(10, recovery.size());
        assertEquals(200, api.get("/api/v1/staff/audit", fresh).status(), "working once the factor is on");
        assertEquals(10, count("SELECT COUNT(*) FROM staff_recovery_code r JOIN staff_account a ON a.id = r.account_id"
                               + " WHERE a.username = 'new.supervisor' AND r.code_hash <> ?", recovery.get(0)),
                     "only hashes of the recovery codes are kept");

        Map<String, String> withRecovery = Map.of("username", "new.supervisor", "password", password, "code", recovery.get(0));
        assertEquals(200, api.send("POST", "/api/v1/staff/login", Optional.empty(), withRecovery, false, from("10.0.9.3")).status());
        assertEquals(401, api.send("POST", "/api/v1/staff/login", Optional.empty(), withRecovery, false, from("10.0.9.3")).status(),
                     "a recovery code works once");
    }

    @Test
    void many_failures_from_one_address_are_throttled_across_accounts() {
        for (int i = 0; i < 8; i++) {
            api.login("sprayed.user" + i, "password", from("10.0.4.4"));
        }
        StaffApi.Answer blocked = api.login("demo.officer", "demo-officer-2026", from("10.0.4.4"));
        assertEquals(429, blocked.status());
        assertTrue(blocked.header("Retry-After").isPresent());
        assertEquals(200, api.login("demo.officer", "demo-officer-2026", from("10.0.4.5")).status(), "other addresses unaffected");
    }

    @Test
    void without_a_session_the_api_answers_401() {
        StaffApi.Answer answer = api.send("GET", "/api/v1/staff/me", Optional.empty(), null, false, Map.of());
        assertEquals(401, answer.status());
        assertEquals("signed_out", answer.json().path("error").asText());
        StaffApi.Answer forged = api.get("/api/v1/staff/me", new StaffApi.Session("forged-token", "x", null));
        assertEquals(401, forged.status());
    }

    @Test
    void a_state_changing_request_without_the_csrf_token_is_refused_and_audited() throws SQLException {
        StaffApi.Session admin = api.signIn("demo.admin", "demo-admin-2026");
        Map<String, Object> account = Map.of("username", "csrf.victim", "roles", List.of("officer"));
        StaffApi.Answer refused = api.postWithoutCsrf("/api/v1/staff/accounts", admin, account);
        assertEquals(403, refused.status());
        assertEquals("csrf", refused.json().path("error").asText());
        StaffApi.Session other = api.signIn("demo.supervisor", "demo-supervisor-2026");
        StaffApi.Answer wrongToken = api.post("/api/v1/staff/accounts",
                                              new StaffApi.Session(admin.cookie(), other.csrf(), null), account);
        assertEquals(403, wrongToken.status(), "another session's token does not fit this session");
        assertEquals(2, count("SELECT COUNT(*) FROM audit_log WHERE action = 'csrf.rejected' AND actor = ?", "demo.admin"));
        assertEquals(0, count("SELECT COUNT(*) FROM staff_account WHERE username = ?", "csrf.victim"));

        assertEquals(200, api.post("/api/v1/staff/accounts", admin, account).status(), "with the token it works");
    }

    @Test
    void an_idle_session_ends_and_a_used_one_stays() {
        StaffApi.Session session = api.signIn("demo.editor", "demo-editor-2026");
        CLOCK.advance(Duration.ofMinutes(20));
        assertEquals(200, api.get("/api/v1/staff/me", session).status(), "used within the idle timeout");
        CLOCK.advance(Duration.ofMinutes(20));
        assertEquals(200, api.get("/api/v1/staff/me", session).status(), "idle time counts from the last use");
        CLOCK.advance(Duration.ofMinutes(31));
        assertEquals(401, api.get("/api/v1/staff/me", session).status(), "expired after 30 idle minutes");
    }

    @Test
    void logout_ends_the_session_and_clears_the_cookie() {
        StaffApi.Session session = api.signIn("demo.officer", "demo-officer-2026");
        StaffApi.Answer out = api.post("/api/v1/staff/logout", session, null);
        assertEquals(200, out.status());
        assertTrue(out.header("Set-Cookie").orElseThrow().startsWith("wd_staff=;"), out.header("Set-Cookie").orElseThrow());
        assertEquals(401, api.get("/api/v1/staff/me", session).status());
    }

    @Test
    void a_one_time_password_allows_nothing_but_choosing_a_new_password() {
        StaffApi.Session admin = api.signIn("demo.admin", "demo-admin-2026");
        StaffApi.Answer created = api.post("/api/v1/staff/accounts", admin,
                                           Map.of("username", "new.officer", "displayName", "Nguyễn Văn Mới", "roles", List.of("officer")));
        assertEquals(200, created.status(), created.body());
        String oneTime = created.json().path("oneTimePassword").asText();
        assertTrue(oneTime.length() >= 16);

        StaffApi.Session fresh = api.signIn("new.officer", oneTime);
        assertTrue(fresh.me().path("mustChangePassword").asBoolean());
        StaffApi.Answer blocked = api.get("/api/v1/staff/analytics", fresh);
        assertEquals(403, blocked.status());
        assertEquals("password_change_required", blocked.json().path("error").asText());

        assertEquals(400, api.post("/api/v1/staff/password", fresh,
                                   Map.of("currentPassword", oneTime, "newPassword", "short")).status(), "too short");
        assertEquals(400, api.post("/api/v1/staff/password", fresh,
                                   Map.of("currentPassword", "wrong", "newPassword", "a-long-new-password-1")).status());
        StaffApi.Answer changed = api.post("/api/v1/staff/password", fresh,
                                           Map.of("currentPassword", oneTime, "newPassword", "a-long-new-password-1"));
        assertEquals(200, changed.status(), changed.body());
        assertFalse(changed.json().path("mustChangePassword").asBoolean());
        assertEquals(401, api.login("new.officer", oneTime, from("10.0.5.1")).status(), "the one-time password is gone");
        assertEquals(200, api.login("new.officer", "a-long-new-password-1", from("10.0.5.1")).status());
    }

    @Test
    void roles_decide_what_each_account_may_call() {
        StaffApi.Session officer = api.signIn("demo.officer", "demo-officer-2026");
        StaffApi.Session supervisor = api.signIn("demo.supervisor", "demo-supervisor-2026");
        StaffApi.Session editor = api.signIn("demo.editor", "demo-editor-2026");
        assertEquals(403, api.get("/api/v1/staff/accounts", officer).status());
        assertEquals(403, api.get("/api/v1/staff/audit", officer).status());
        assertEquals(403, api.get("/api/v1/staff/analytics", officer).status());
        assertEquals(403, api.get("/api/v1/staff/cases", editor).status(), "an editor does not work cases");
        assertEquals(200, api.get("/api/v1/staff/audit", supervisor).status());
        assertEquals(200, api.get("/api/v1/staff/analytics", supervisor).status());
        assertEquals(403, api.get("/api/v1/staff/accounts", supervisor).status());
    }

    @Test
    void admins_see_the_dead_letters_and_nobody_else_does() {
        new vn.warddesk.bot.inbox.DeadLetters(pool, CLOCK).store("telegram", "tg:777", "id is not a Telegram integer id");
        StaffApi.Session admin = api.signIn("demo.admin", "demo-admin-2026");
        StaffApi.Answer seen = api.get("/api/v1/staff/dead-letters", admin);
        assertEquals(200, seen.status(), seen.body());
        assertEquals("id is not a Telegram integer id", seen.json().path("deadLetters").get(0).path("reason").asText());
        assertFalse(seen.body().contains("tg:777"), "the platform id is shown hashed");
        StaffApi.Session officer = api.signIn("demo.officer", "demo-officer-2026");
        assertEquals(403, api.get("/api/v1/staff/dead-letters", officer).status());
    }

    @Test
    void an_admin_manages_only_the_accounts_of_their_own_ward() throws SQLException {
        StaffApi.Session admin = api.signIn("demo.admin", "demo-admin-2026");
        long phuMyOfficer = count("SELECT id FROM staff_account WHERE username = ?", "demo.phumy");
        List<String> listed = api.get("/api/v1/staff/accounts", admin).json().findValuesAsText("username");
        assertTrue(listed.contains("demo.officer"));
        assertFalse(listed.contains("demo.phumy"), "another ward's accounts are not listed");
        assertEquals(404, api.post("/api/v1/staff/accounts/" + phuMyOfficer + "/disable", admin, null).status());
        assertEquals(404, api.post("/api/v1/staff/accounts/" + phuMyOfficer + "/reset-password", admin, null).status());
        assertEquals(0, count("SELECT COUNT(*) FROM staff_account WHERE username = 'demo.phumy' AND disabled"));
    }

    @Test
    void disabling_an_account_ends_its_sessions_and_blocks_sign_in() throws SQLException {
        StaffApi.Session admin = api.signIn("demo.admin", "demo-admin-2026");
        StaffApi.Answer created = api.post("/api/v1/staff/accounts", admin,
                                           Map.of("username", "leaving.officer", "roles", List.of("officer")));
        long id = created.json().path("id").asLong();
        StaffApi.Session leaving = api.signIn("leaving.officer", created.json().path("oneTimePassword").asText());
        assertEquals(200, api.post("/api/v1/staff/accounts/" + id + "/disable", admin, null).status());
        assertEquals(401, api.get("/api/v1/staff/me", leaving).status());
        assertEquals(401, api.login("leaving.officer", created.json().path("oneTimePassword").asText(), from("10.0.6.1")).status());
        assertEquals(1, count("SELECT COUNT(*) FROM audit_log WHERE action = 'account.disable' AND actor = 'demo.admin'"));
        assertEquals(409, api.post("/api/v1/staff/accounts", admin,
                                   Map.of("username", "leaving.officer", "roles", List.of("officer"))).status(), "name taken");
        assertEquals(400, api.post("/api/v1/staff/accounts", admin,
                                   Map.of("username", "x", "roles", List.of("officer"))).status(), "bad username");
        assertEquals(400, api.post("/api/v1/staff/accounts", admin,
                                   Map.of("username", "someone.else", "roles", List.of("root"))).status(), "unknown role");
    }

    @Test
    void malformed_bodies_get_a_clear_400() {
        StaffApi.Answer answer = api.send("POST", "/api/v1/staff/login", Optional.empty(), "{not json", false, Map.of());
        assertEquals(400, answer.status());
        assertEquals("bad_request", answer.json().path("error").asText());
        StaffApi.Answer array = api.send("POST", "/api/v1/staff/login", Optional.empty(), "[]", false, Map.of());
        assertEquals(400, array.status());
    }

    @Test
    void the_audit_log_is_append_only() throws SQLException {
        api.signIn("demo.officer", "demo-officer-2026");
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE audit_log SET actor = 'someone-else'"));
            assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM audit_log"));
        }
        assertTrue(count("SELECT COUNT(*) FROM audit_log WHERE action = 'login.success'") > 0);
    }

    @Test
    void supervisors_filter_and_export_the_audit_log_and_the_export_is_audited() throws SQLException {
        StaffApi.Session supervisor = api.signIn("demo.supervisor", "demo-supervisor-2026");
        api.signIn("demo.officer", "demo-officer-2026");
        StaffApi.Answer filtered = api.get("/api/v1/staff/audit?action=login.success&actor=demo.officer", supervisor);
        assertEquals(200, filtered.status());
        assertTrue(filtered.json().size() >= 1);
        filtered.json().forEach(e -> assertEquals("demo.officer", e.path("actor").asText()));

        StaffApi.Answer csv = api.get("/api/v1/staff/audit.csv?action=login.success", supervisor);
        assertEquals(200, csv.status());
        assertTrue(csv.header("Content-Type").orElseThrow().startsWith("text/csv"));
        assertTrue(csv.body().startsWith("id,at,actor,action,target,detail"));
        assertTrue(csv.body().contains("demo.officer"));
        assertFalse(csv.body().contains("demo.phumy"), "only the supervisor's ward");
        assertTrue(count("SELECT COUNT(*) FROM audit_log WHERE action = 'audit.export' AND actor = 'demo.supervisor'") >= 1);
        assertEquals(400, api.get("/api/v1/staff/audit?from=yesterday", supervisor).status());
    }

    private static long count(String sql, Object... args) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}
