package vn.warddesk.bot.staff;

import vn.warddesk.bot.testing.MutableClock;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.staticcontent.StaticContentService;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The staff layer in front of case work: ward scoping answers 404, roles, CSRF, audit, notes and their limits,
 * read-only withdrawn cases, the SLA indicator and the live event stream — over the engine's real {@code Cases} on
 * MariaDB (the rules of claim, reply and hand-back are the ones citizens meet), with real accounts, notes and audit.
 */
@ServerTest
class StaffCaseWorkApiTest {
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-28T02:00:00Z"));
    private static EngineCases cases;
    private static HikariDataSource pool;
    private final StaffApi api;
    private final URI uri;

    StaffCaseWorkApiTest(URI uri) {
        this.uri = uri;
        this.api = new StaffApi(uri, CLOCK);
    }

    static Config config() {
        Map<String, String> map = new HashMap<>();
        map.put("staff.seed-demo-accounts", "true");
        map.put("staff.max-note-length", "500");
        map.put("staff.claim-within", "PT4H");
        map.put("staff.events-poll-interval", "PT0.2S");
        map.put("privacy.hash-key", "test-key");
        return Config.just(ConfigSources.create(map));
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        pool = TestDatabase.fresh("staff_casework");
        cases = new EngineCases(pool, CLOCK);
        Staff staff = Staff.create(vn.warddesk.bot.WardDeskSettings.read(config()).staff(), pool, CLOCK, cases.cases());
        server.routing(r -> {
            vn.warddesk.bot.http.ErrorEdge.register(r, new vn.warddesk.bot.store.DatabaseCircuit(pool));
            r.register("/staff", StaticContentService.builder("web/staff").welcomeFileName("index.html").build());
            staff.routing(r);
        });
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    /** A well-formed code that no case has. */
    private static String unknownCode() {
        return vn.warddesk.bot.cases.CaseCode.generate("PH", 2026);
    }

    private static String status(String code) {
        return cases.column(code, "status");
    }

    @Test
    void an_officer_of_another_ward_can_neither_list_open_claim_reply_nor_note() throws SQLException {
        String code = cases.request("demo-hoa-an", "telegram", "birth_registration", Map.of("name", "Nguyễn Thị Ánh"), "Tôi cần làm khai sinh").code();
        StaffApi.Session other = api.signIn("demo.phumy", "demo-phumy-2026");

        StaffApi.Answer list = api.get("/api/v1/staff/cases?status=new", other);
        assertEquals(200, list.status());
        assertFalse(list.body().contains(code), "another ward's case is not listed");

        StaffApi.Answer open = api.get("/api/v1/staff/cases/" + code, other);
        StaffApi.Answer missing = api.get("/api/v1/staff/cases/" + unknownCode(), other);
        assertEquals(404, open.status());
        assertEquals(missing.body(), open.body(), "the same answer as for a case that does not exist");
        assertFalse(open.body().contains("Ánh"));
        assertEquals(404, api.post("/api/v1/staff/cases/" + code + "/claim", other, null).status());
        assertEquals(404, api.post("/api/v1/staff/cases/" + code + "/reply", other, Map.of("text", "xin chào")).status());
        assertEquals(404, api.post("/api/v1/staff/cases/" + code + "/notes", other, Map.of("text", "ghi chú")).status());
        assertEquals(404, api.post("/api/v1/staff/cases/" + code + "/resolve", other, Map.of("outcome", "xong")).status());
        assertEquals("new", status(code), "nothing changed");
        assertTrue(count("SELECT COUNT(*) FROM audit_log WHERE actor = 'demo.phumy' AND action = 'case.not_found' AND target = ?",
                         "case:" + code) >= 4, "attempts on another ward's case are audited");
    }

    @Test
    void guessed_or_malformed_case_codes_get_404() {
        StaffApi.Session officer = api.signIn("demo.officer", "demo-officer-2026");
        for (String guess : List.of("PH-2026-0000001", "1", "PH-2026-12345678", "%3Cscript%3E", "ph-2026-1000002x")) {
            StaffApi.Answer answer = api.get("/api/v1/staff/cases/" + guess, officer);
            assertEquals(404, answer.status(), guess);
            assertEquals("not_found", answer.json().path("error").asText(), guess);
        }
        assertEquals(404, api.get("/api/v1/staff/cases/..%2F..%2Fetc", officer).status());
    }

    @Test
    void opening_a_case_is_audited_and_shows_fields_and_transcript() throws SQLException {
        String code = cases.request("demo-hoa-an", "web", "marriage_status", Map.of("phone", "0912345678"), "Xin giấy xác nhận").code();
        StaffApi.Session officer = api.signIn("demo.officer", "demo-officer-2026");
        StaffApi.Answer open = api.get("/api/v1/staff/cases/" + code, officer);
        assertEquals(200, open.status(), open.body());
        assertEquals("0912345678", open.json().path("fields").path("phone").asText());
        assertEquals("Xin giấy xác nhận", open.json().path("transcript").get(0).path("text").asText());
        assertEquals(1, count("SELECT COUNT(*) FROM audit_log WHERE actor = 'demo.officer' AND action = 'case.view' AND target = ?",
                              "case:" + code));
    }

    @Test
    void two_officers_cannot_both_claim_a_case() throws Exception {
        String code = cases.request("demo-hoa-an", "zalo", "birth_registration", Map.of(), "help").code();
        StaffApi.Session officer = api.signIn("demo.officer", "demo-officer-2026");
        StaffApi.Session supervisor = api.signIn("demo.supervisor", "demo-supervisor-2026");
        CompletableFuture<StaffApi.Answer> a = CompletableFuture.supplyAsync(
                () -> api.post("/api/v1/staff/cases/" + code + "/claim", officer, null));
        CompletableFuture<StaffApi.Answer> b = CompletableFuture.supplyAsync(
                () -> api.post("/api/v1/staff/cases/" + code + "/claim", supervisor, null));
        List<Integer> statuses = List.of(a.get().status(), b.get().status());
        assertTrue(statuses.contains(200) && statuses.contains(409), statuses.toString());
    }

    @Test
    void case_work_needs_the_csrf_token() {
        String code = cases.request("demo-hoa-an", "web", "birth_registration", Map.of(), "hi").code();
        StaffApi.Session officer = api.signIn("demo.officer", "demo-officer-2026");
        assertEquals(403, api.postWithoutCsrf("/api/v1/staff/cases/" + code + "/claim", officer, null).status());
        assertEquals("new", status(code));
    }

    @Test
    void only_supervisors_assign_and_only_to_officers_of_their_ward() {
        String code = cases.request("demo-hoa-an", "web", "birth_registration", Map.of(), "hi").code();
        StaffApi.Session officer = api.signIn("demo.officer", "demo-officer-2026");
        StaffApi.Session supervisor = api.signIn("demo.supervisor", "demo-supervisor-2026");
        assertEquals(403, api.post("/api/v1/staff/cases/" + code + "/assign", officer, Map.of("officer", "demo.officer")).status());
        assertEquals(400, api.post("/api/v1/staff/cases/" + code + "/assign", supervisor, Map.of("officer", "demo.phumy")).status(),
                     "an officer of another ward cannot be assigned");
        assertEquals(400, api.post("/api/v1/staff/cases/" + code + "/assign", supervisor, Map.of("officer", "demo.editor")).status(),
                     "an editor is not an officer");
        StaffApi.Answer assigned = api.post("/api/v1/staff/cases/" + code + "/assign", supervisor, Map.of("officer", "demo.officer"));
        assertEquals(200, assigned.status(), assigned.body());
        assertEquals("demo.officer", cases.column(code, "claimed_by"));
    }

    @Test
    void notes_are_kept_as_text_and_oversized_notes_are_refused_and_audited() throws SQLException {
        String code = cases.request("demo-hoa-an", "web", "birth_registration", Map.of(), "hi").code();
        StaffApi.Session officer = api.signIn("demo.officer", "demo-officer-2026");
        String script = "<script>alert('x')</script> gọi lại lúc 9h";
        assertEquals(200, api.post("/api/v1/staff/cases/" + code + "/notes", officer, Map.of("text", script)).status());
        StaffApi.Answer notes = api.get("/api/v1/staff/cases/" + code + "/notes", officer);
        assertEquals(script, notes.json().get(0).path("text").asText(), "stored verbatim; the console renders it as text");

        StaffApi.Answer tooLong = api.post("/api/v1/staff/cases/" + code + "/notes", officer, Map.of("text", "x".repeat(501)));
        assertEquals(413, tooLong.status());
        assertFalse(tooLong.body().contains("xxxx"), "the note is not echoed back");
        assertEquals(1, count("SELECT COUNT(*) FROM audit_log WHERE action = 'case.note.rejected' AND target = ?", "case:" + code));
        assertEquals(400, api.post("/api/v1/staff/cases/" + code + "/notes", officer, Map.of("text", "   ")).status());
        StaffApi.Answer hugeBody = api.post("/api/v1/staff/cases/" + code + "/notes", officer, Map.of("text", "y".repeat(20_000)));
        assertEquals(413, hugeBody.status());
    }

    @Test
    void a_withdrawn_case_is_read_only() {
        EngineCases.Created created = cases.request("demo-hoa-an", "web", "birth_registration", Map.of(), "hi");
        String code = created.code();
        cases.withdraw(created);
        StaffApi.Session officer = api.signIn("demo.officer", "demo-officer-2026");
        StaffApi.Answer open = api.get("/api/v1/staff/cases/" + code, officer);
        assertTrue(open.json().path("readOnly").asBoolean());
        assertEquals(409, api.post("/api/v1/staff/cases/" + code + "/notes", officer, Map.of("text", "note")).status());
        assertEquals(409, api.post("/api/v1/staff/cases/" + code + "/claim", officer, null).status());
        assertEquals(409, api.post("/api/v1/staff/cases/" + code + "/resolve", officer, Map.of("outcome", "x")).status());
    }

    @Test
    void replies_and_outcomes_are_validated() {
        String code = cases.request("demo-hoa-an", "telegram", "birth_registration", Map.of(), "hi").code();
        StaffApi.Session officer = api.signIn("demo.officer", "demo-officer-2026");
        api.post("/api/v1/staff/cases/" + code + "/claim", officer, null);
        assertEquals(400, api.post("/api/v1/staff/cases/" + code + "/reply", officer, Map.of("text", " ")).status());
        assertEquals(413, api.post("/api/v1/staff/cases/" + code + "/reply", officer, Map.of("text", "a".repeat(2001))).status());
        StaffApi.Answer sent = api.post("/api/v1/staff/cases/" + code + "/reply", officer, Map.of("text", "Chào anh/chị"));
        assertEquals(200, sent.status(), sent.body());
        assertEquals("queued", sent.json().path("delivery").path("state").asText());
        assertEquals(400, api.post("/api/v1/staff/cases/" + code + "/resolve", officer, Map.of("outcome", "")).status());
        assertEquals(200, api.post("/api/v1/staff/cases/" + code + "/resolve", officer, Map.of("outcome", "Đã hẹn lịch")).status());
    }

    @Test
    void the_queue_marks_cases_waiting_too_long_for_a_claim() {
        String code = cases.request("demo-hoa-an", "kiosk", "social_allowance", Map.of(), "hi").code();
        StaffApi.Session officer = api.signIn("demo.officer", "demo-officer-2026");
        assertEquals("ok", slaOf(officer, code));
        CLOCK.advance(Duration.ofMinutes(200));
        StaffApi.Session again = api.signIn("demo.officer", "demo-officer-2026");
        assertEquals("due", slaOf(again, code));
        CLOCK.advance(Duration.ofMinutes(60));
        StaffApi.Session third = api.signIn("demo.officer", "demo-officer-2026");
        assertEquals("late", slaOf(third, code));
        StaffApi.Answer older = api.get("/api/v1/staff/cases?status=new&olderThanHours=4&procedure=social_allowance", third);
        assertTrue(older.body().contains(code));
    }

    private String slaOf(StaffApi.Session session, String code) {
        for (var c : api.get("/api/v1/staff/cases?status=new&channel=kiosk", session).json().path("cases")) {
            if (c.path("code").asText().equals(code)) {
                return c.path("sla").asText();
            }
        }
        throw new AssertionError(code + " not listed");
    }

    @Test
    void the_live_stream_tells_the_ward_when_a_case_changes_and_not_another_ward() throws Exception {
        StaffApi.Session officer = api.signIn("demo.officer", "demo-officer-2026");
        StaffApi.Session other = api.signIn("demo.phumy", "demo-phumy-2026");
        HttpClient http = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<InputStream>> mine = http.sendAsync(sse(officer), HttpResponse.BodyHandlers.ofInputStream());
        BufferedReader lines = new BufferedReader(new InputStreamReader(mine.get(5, TimeUnit.SECONDS).body(), StandardCharsets.UTF_8));
        assertEquals("text/event-stream", mine.get().headers().firstValue("Content-Type").orElse("").split(";")[0]);
        awaitEvent(lines, "ready");

        // A citizen hands over (a change made outside the staff API): noticed by polling.
        String code = cases.handoff("demo-hoa-an", "web", "cần gặp cán bộ").code();
        String data = awaitEvent(lines, "case-changed");
        assertFalse(data.contains("cần gặp"), "events carry no personal data");

        // A change through the API is pushed at once, with the code.
        api.post("/api/v1/staff/cases/" + code + "/claim", officer, null);
        String pushed = awaitEvent(lines, "case-changed");
        if (!pushed.contains(code)) {
            pushed = awaitEvent(lines, "case-changed"); // a poll may report the change first, without the code
        }
        assertTrue(pushed.contains(code), pushed);

        StaffApi.Answer otherWard = api.get("/api/v1/staff/cases?status=claimed", other);
        assertFalse(otherWard.body().contains(code));
        mine.get().body().close();
    }

    private HttpRequest sse(StaffApi.Session session) {
        return HttpRequest.newBuilder(uri.resolve("/api/v1/staff/events"))
                .header("Cookie", StaffService.COOKIE + "=" + session.cookie())
                .header("Accept", "text/event-stream").GET().build();
    }

    private static String awaitEvent(BufferedReader lines, String name) throws Exception {
        CompletableFuture<String> found = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                boolean inEvent = false;
                while ((line = lines.readLine()) != null) {
                    if (line.equals("event:" + name) || line.equals("event: " + name)) {
                        inEvent = true;
                    } else if (inEvent && line.startsWith("data:")) {
                        return line.substring(5).trim();
                    }
                }
                return null;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String data = found.get(10, TimeUnit.SECONDS);
        if (data == null) {
            throw new AssertionError("stream ended before " + name);
        }
        return data;
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
