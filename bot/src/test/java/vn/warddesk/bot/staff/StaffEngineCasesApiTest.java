package vn.warddesk.bot.staff;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The staff API over the engine's real cases on MariaDB, through the same wiring as Main. */
@ServerTest
class StaffEngineCasesApiTest {
    private static HikariDataSource pool;
    private static EngineCases engine;
    private final StaffApi api;

    StaffEngineCasesApiTest(URI uri) {
        this.api = new StaffApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        pool = TestDatabase.fresh("staff_engine_cases");
        engine = new EngineCases(pool);
        Map<String, String> map = new HashMap<>();
        map.put("staff.seed-demo-accounts", "true");
        map.put("privacy.hash-key", "test-key");
        StaffServerSupport.configure(server, Config.just(ConfigSources.create(map)), pool, Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void an_officer_of_ward_b_can_never_list_open_claim_or_reply_to_a_case_of_ward_a() throws SQLException {
        EngineCases.Created a = engine.request("demo-hoa-an", "telegram", "birth_registration",
                                               Map.of("contact_name", "Nguyễn Thị Ánh Tuyết"), "Tôi muốn làm khai sinh");
        StaffApi.Session b = api.signIn("demo.phumy", "demo-phumy-2026");
        for (String status : List.of("new", "claimed", "waiting", "resolved", "withdrawn")) {
            assertFalse(api.get("/api/v1/staff/cases?status=" + status, b).body().contains(a.code()), status);
        }
        StaffApi.Answer open = api.get("/api/v1/staff/cases/" + a.code(), b);
        assertEquals(404, open.status());
        assertFalse(open.body().contains("Tuyết"));
        assertEquals(404, api.post("/api/v1/staff/cases/" + a.code() + "/claim", b, null).status());
        assertEquals(404, api.post("/api/v1/staff/cases/" + a.code() + "/reply", b, Map.of("text", "hello")).status());
        assertEquals(404, api.post("/api/v1/staff/cases/" + a.code() + "/handback", b, null).status());
        assertEquals(404, api.post("/api/v1/staff/cases/" + a.code() + "/resolve", b, Map.of("outcome", "x")).status());
        assertEquals(404, api.get("/api/v1/staff/cases/" + a.code() + "/consent-receipt", b).status());
        assertEquals("new", engine.status(a.code()));
        assertTrue(engine.outbound(a).isEmpty(), "nothing reached the citizen");

        StaffApi.Session officerA = api.signIn("demo.officer", "demo-officer-2026");
        assertTrue(api.get("/api/v1/staff/cases?status=new", officerA).body().contains(a.code()), "ward A sees it");
        assertTrue(count("SELECT COUNT(*) FROM audit_log WHERE actor = 'demo.phumy' AND action = 'case.not_found'") >= 5);
    }

    @Test
    void claim_reply_hand_back_and_resolve_reach_the_citizens_conversation() throws SQLException {
        EngineCases.Created k = engine.request("demo-hoa-an", "telegram", "temporary_residence",
                                               Map.of("phone", "0912345678"), "Đăng ký tạm trú cần gì?");
        StaffApi.Session officer = api.signIn("demo.officer", "demo-officer-2026");

        JsonNode detail = api.get("/api/v1/staff/cases/" + k.code(), officer).json();
        assertEquals("0912345678", detail.path("fields").path("phone").asText());
        assertEquals("agree", detail.path("consent").path("decision").asText());
        assertEquals("Đăng ký tạm trú cần gì?", detail.path("transcript").get(0).path("text").asText());
        assertEquals(409, api.post("/api/v1/staff/cases/" + k.code() + "/reply", officer, Map.of("text", "x")).status(),
                     "claim first");

        assertEquals(200, api.post("/api/v1/staff/cases/" + k.code() + "/claim", officer, null).status());
        assertEquals("claimed", engine.status(k.code()));
        StaffApi.Answer reply = api.post("/api/v1/staff/cases/" + k.code() + "/reply", officer,
                                         Map.of("text", "Chào anh, mời anh mang CCCD đến bộ phận một cửa."));
        assertEquals(200, reply.status(), reply.body());
        assertEquals("queued", reply.json().path("delivery").path("state").asText(), "a Telegram reply waits in the outbox");
        List<String[]> out = engine.outbound(k);
        assertTrue(out.stream().anyMatch(m -> m[0].equals("staff") && m[1].contains("mang CCCD")), "the reply is in the conversation");
        assertTrue(out.stream().anyMatch(m -> m[0].equals("bot") && m[1].contains(k.code())), "the citizen was told of the claim");
        assertEquals(count("SELECT COUNT(*) FROM message WHERE conversation_id = ? AND direction = 'out'", k.conversationId()),
                     count("SELECT COUNT(*) FROM outbox WHERE conversation_id = ?", k.conversationId()),
                     "every outbound message of a Telegram conversation is queued for delivery");

        JsonNode after = api.get("/api/v1/staff/cases/" + k.code(), officer).json();
        JsonNode delivery = after.path("deliveries").get(0);
        assertEquals("queued", delivery.path("state").asText());

        assertEquals(200, api.post("/api/v1/staff/cases/" + k.code() + "/handback", officer, null).status());
        assertEquals("waiting", engine.status(k.code()));
        assertEquals(200, api.post("/api/v1/staff/cases/" + k.code() + "/claim", officer, null).status());
        assertEquals(200, api.post("/api/v1/staff/cases/" + k.code() + "/resolve", officer, Map.of("outcome", "Đã hướng dẫn")).status());
        assertEquals("resolved", engine.status(k.code()));
        assertTrue(engine.outbound(k).stream().anyMatch(m -> m[1].contains("đã được giải quyết")), "resolution notice sent");
        assertEquals(409, api.post("/api/v1/staff/cases/" + k.code() + "/reply", officer, Map.of("text", "x")).status());
        for (String action : List.of("case.view", "case.claim", "case.reply", "case.handback", "case.resolve")) {
            assertTrue(count("SELECT COUNT(*) FROM audit_log WHERE action = ? AND target = ?", action, "case:" + k.code()) >= 1, action);
        }
    }

    @Test
    void a_web_reply_when_no_session_is_running_is_marked_for_the_case_page_and_never_queued() throws SQLException {
        EngineCases.Created k = engine.handoff("demo-hoa-an", "web", "Cho tôi gặp cán bộ");
        StaffApi.Session officer = api.signIn("demo.officer", "demo-officer-2026");
        api.post("/api/v1/staff/cases/" + k.code() + "/claim", officer, null);
        StaffApi.Answer reply = api.post("/api/v1/staff/cases/" + k.code() + "/reply", officer, Map.of("text", "Tôi nghe đây"));
        assertEquals("case_page", reply.json().path("delivery").path("route").asText(),
                     "nobody is in that web chat (no running session): only the case page shows the reply");
        assertEquals(0, count("SELECT COUNT(*) FROM outbox WHERE conversation_id = ?", k.conversationId()));
        assertTrue(api.get("/api/v1/staff/cases/" + k.code(), officer).json().path("consent").isNull(), "a handoff has no consent");
    }

    @Test
    void two_officers_claiming_at_once_get_one_success_and_one_conflict() throws Exception {
        EngineCases.Created k = engine.handoff("demo-hoa-an", "zalo", "help");
        StaffApi.Session officer = api.signIn("demo.officer", "demo-officer-2026");
        StaffApi.Session supervisor = api.signIn("demo.supervisor", "demo-supervisor-2026");
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(
                () -> api.post("/api/v1/staff/cases/" + k.code() + "/claim", officer, null).status());
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(
                () -> api.post("/api/v1/staff/cases/" + k.code() + "/claim", supervisor, null).status());
        List<Integer> statuses = List.of(a.get(), b.get());
        assertTrue(statuses.contains(200) && statuses.contains(409), statuses.toString());
    }

    @Test
    void a_supervisor_assigns_and_reassigns() {
        EngineCases.Created k = engine.handoff("demo-hoa-an", "kiosk", "help");
        StaffApi.Session supervisor = api.signIn("demo.supervisor", "demo-supervisor-2026");
        StaffApi.Answer assigned = api.post("/api/v1/staff/cases/" + k.code() + "/assign", supervisor, Map.of("officer", "demo.officer"));
        assertEquals(200, assigned.status(), assigned.body());
        assertEquals("demo.officer", assigned.json().path("claimedBy").asText());
        StaffApi.Answer reassigned = api.post("/api/v1/staff/cases/" + k.code() + "/assign", supervisor,
                                              Map.of("officer", "demo.supervisor"));
        assertEquals("demo.supervisor", reassigned.json().path("claimedBy").asText());
        assertEquals("claimed", engine.status(k.code()));
    }

    @Test
    void a_withdrawn_case_shows_the_withdrawal_and_cannot_be_worked() {
        EngineCases.Created k = engine.request("demo-hoa-an", "web", "birth_registration", Map.of("contact_name", "Lê B"), "xin chào");
        engine.withdraw(k);
        StaffApi.Session officer = api.signIn("demo.officer", "demo-officer-2026");
        JsonNode detail = api.get("/api/v1/staff/cases/" + k.code(), officer).json();
        assertEquals("withdrawn", detail.path("status").asText());
        assertTrue(detail.path("readOnly").asBoolean());
        assertTrue(detail.path("fields").isEmpty(), "fields erased");
        assertFalse(detail.path("consent").path("withdrawnAt").isNull(), "the withdrawal is shown");
        assertEquals(409, api.post("/api/v1/staff/cases/" + k.code() + "/claim", officer, null).status());
        assertEquals(409, api.post("/api/v1/staff/cases/" + k.code() + "/notes", officer, Map.of("text", "n")).status());
        StaffApi.Answer receipt = api.get("/api/v1/staff/cases/" + k.code() + "/consent-receipt", officer);
        assertEquals(200, receipt.status());
        assertEquals("KI-CR-v1.1.0", receipt.json().path("version").asText());
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
