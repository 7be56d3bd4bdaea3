package vn.warddesk.bot.staff;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
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

/** Issue 17 point 4: a province admin creates wards and accounts in its province and reads counts across them. */
@ServerTest
class ProvinceAdminApiTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-07T02:00:00Z"));
    private static HikariDataSource pool;
    private static Config config;
    private final StaffApi api;

    ProvinceAdminApiTest(URI uri) {
        this.api = new StaffApi(uri, CLOCK);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        pool = TestDatabase.fresh("province_admin");
        WardStore wards = new WardStore(pool);
        wards.putWard(new Ward("demo-lien-chieu", "demo-da-nang", "Phường Liên Chiểu (DEMO)", "Lien Chieu (DEMO)", true, false),
                      CLOCK.instant());
        wards.putProvince(new Province("demo-hue", "Thành phố Huế (DEMO)", "Hue City (DEMO)"), CLOCK.instant());
        wards.putWard(new Ward("demo-thuan-hoa", "demo-hue", "Phường Thuận Hóa (DEMO)", "Thuan Hoa (DEMO)", true, false),
                      CLOCK.instant());
        config = StaffServerSupport.configureWithDemoAccounts(server, Map.of("catalog.dir", "../config/catalog",
                                                                             "limits.enabled", "false"), pool, CLOCK);
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    /** The Da Nang province admin, made on the command line, with its password changed and second factor set up. */
    private StaffApi.Session provinceAdmin(String username) {
        Staff.FirstAdmin created = Staff.forCommandLine(vn.warddesk.bot.WardDeskSettings.read(config).staff(), pool, CLOCK).createAdmin("demo-hoa-an", username, true);
        StaffApi.Session session = api.firstSignIn(username, created.oneTimePassword(), "province-admin-password-2026");
        api.enrolSecondFactor(session, CLOCK.instant()); // a province admin needs a second factor like an admin
        return session;
    }

    @Test
    void a_province_admin_creates_wards_and_accounts_in_its_province_and_reads_counts() {
        StaffApi.Session admin = provinceAdmin("province.dn");
        JsonNode province = api.get("/api/v1/staff/province", admin).json();
        assertEquals("demo-da-nang", province.path("provinceId").asText());
        List<String> wards = new java.util.ArrayList<>();
        province.path("wards").forEach(w -> wards.add(w.path("id").asText()));
        assertEquals(List.of("demo-hoa-an", "demo-lien-chieu"), wards, "its own province's wards only");

        StaffApi.Answer created = api.post("/api/v1/staff/province/wards", admin,
                                           Map.of("id", "demo-hoa-khanh", "nameVi", "Phường Hòa Khánh (DEMO)"));
        assertEquals(200, created.status(), created.body());
        assertEquals("demo-da-nang", new WardStore(pool).find("demo-hoa-khanh").orElseThrow().provinceId());
        assertEquals(409, api.post("/api/v1/staff/province/wards", admin,
                                   Map.of("id", "demo-thuan-hoa", "nameVi", "Chiếm")).status(),
                     "a ward of another province is not taken over");
        assertEquals("demo-hue", new WardStore(pool).find("demo-thuan-hoa").orElseThrow().provinceId());
        assertEquals(400, api.post("/api/v1/staff/province/wards", admin, Map.of("id", "Bad Id", "nameVi", "x")).status());

        StaffApi.Answer account = api.post("/api/v1/staff/province/wards/demo-hoa-khanh/accounts", admin,
                                           Map.of("username", "hoakhanh.admin", "roles", List.of("admin")));
        assertEquals(200, account.status(), account.body());
        assertEquals("demo-hoa-khanh", account.json().path("wardId").asText());
        assertEquals(19, account.json().path("oneTimePassword").asText().length());
        StaffApi.Session wardAdmin = api.signIn("hoakhanh.admin", account.json().path("oneTimePassword").asText());
        assertEquals("demo-hoa-khanh", wardAdmin.me().path("wardId").asText());

        StaffApi.Answer conversation = api.send("POST", "/api/v1/conversations?ward=demo-lien-chieu", Optional.empty(),
                                                Map.of("channel", "web"), false, Map.of());
        assertEquals(201, conversation.status(), conversation.body());
        StaffApi.Answer analytics = api.get("/api/v1/staff/province/analytics?days=7", admin);
        assertEquals(200, analytics.status(), analytics.body());
        Map<String, JsonNode> byWard = new HashMap<>();
        analytics.json().path("wards").forEach(w -> byWard.put(w.path("wardId").asText(), w));
        assertEquals(java.util.Set.of("demo-hoa-an", "demo-lien-chieu", "demo-hoa-khanh"), byWard.keySet());
        assertEquals(1, byWard.get("demo-lien-chieu").path("conversations").asLong());
        assertEquals(0, byWard.get("demo-lien-chieu").path("casesByStatus").path("new").asLong());
        assertTrue(byWard.get("demo-lien-chieu").has("unansweredQuestions"));
        List<String> fields = new java.util.ArrayList<>();
        byWard.get("demo-lien-chieu").fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("wardId", "conversations", "casesByStatus", "unansweredQuestions"), fields, "counts only");
        assertFalse(analytics.body().contains(conversation.json().path("id").asText()), "no conversation ids");
        assertEquals(400, api.get("/api/v1/staff/province/analytics?days=0", admin).status());
    }

    @Test
    void a_province_admin_cannot_reach_other_provinces_cases_or_make_province_admins_and_ward_admins_cannot_act_as_one() {
        StaffApi.Session admin = provinceAdmin("province.dn2");
        assertEquals(404, api.post("/api/v1/staff/province/wards/demo-thuan-hoa/accounts", admin,
                                   Map.of("username", "intruder", "roles", List.of("admin"))).status(),
                     "a ward of another province does not exist for it");
        assertEquals(404, api.post("/api/v1/staff/province/wards/nowhere/accounts", admin,
                                   Map.of("username", "intruder", "roles", List.of("admin"))).status());
        assertEquals(403, api.post("/api/v1/staff/province/wards/demo-lien-chieu/accounts", admin,
                                   Map.of("username", "another.province", "roles", List.of("province-admin"))).status());
        assertEquals(403, api.get("/api/v1/staff/cases", admin).status(), "no case work through the province role");
        assertEquals(403, api.get("/api/v1/staff/accounts", admin).status(), "nor a ward admin's account list");
        assertEquals(403, api.get("/api/v1/staff/audit", admin).status());

        StaffApi.Session wardAdmin = api.signIn("demo.admin", "demo-admin-2026");
        assertEquals(403, api.get("/api/v1/staff/province", wardAdmin).status());
        assertEquals(403, api.get("/api/v1/staff/province/analytics", wardAdmin).status());
        assertEquals(403, api.post("/api/v1/staff/province/wards", wardAdmin, Map.of("id", "x-ward", "nameVi", "x")).status());
        assertEquals(403, api.post("/api/v1/staff/accounts", wardAdmin,
                                   Map.of("username", "escalated", "roles", List.of("province-admin"))).status(),
                     "a ward admin cannot grant the province role");
        assertEquals(403, api.get("/api/v1/staff/province", api.signIn("demo.officer", "demo-officer-2026")).status());
    }
}
