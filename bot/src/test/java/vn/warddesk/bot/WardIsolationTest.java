package vn.warddesk.bot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.cases.CaseCode;
import vn.warddesk.bot.staff.DemoSecondFactor;
import vn.warddesk.bot.testing.TestDatabase;
import vn.warddesk.bot.ward.KioskDevices;
import vn.warddesk.bot.ward.Province;
import vn.warddesk.bot.ward.Ward;
import vn.warddesk.bot.ward.WardStore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ward isolation over every staff route, generated from the routing table ({@link RouteTable}): signed in to ward A
 * (demo-hoa-an, province demo-da-nang) with every role, every route that takes an id is called with ward B's (demo-phu-my) case code,
 * account id or kiosk id and must answer 404, exactly as for an id that does not exist; with ward A's own ids the
 * same calls must not be 404 (so the filler is right and the test can fail). Routes without an id that read must not
 * show any of ward B's data. A route the generator cannot fill is listed in {@link #NOT_GENERATED} with the reason; a
 * new staff route that is neither fillable nor listed fails {@link #every_staff_route_is_probed_or_listed_with_a_reason}.
 */
class WardIsolationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_TOKEN = "isolation-admin-token-0123456789";
    private static final String WARD_A = "demo-hoa-an";
    private static final String WARD_B = "demo-phu-my";
    /** Staff routes: the console API and the catalog editor's API. */
    private static final Pattern STAFF_ROUTE = Pattern.compile("/api/v1/(staff|admin)(/.*)?");
    private static final Pattern PARAMETER = Pattern.compile("\\{\\+?([A-Za-z]+)}");

    private static final String CATALOG = "procedure ids name national procedures, the same in every ward:"
                                          + " an editor's session always works on its own ward's copy (EditorWardTest)";

    private static final String PROVINCE_LAYER = "procedure ids are national; the province is the caller's account's,"
                                                 + " never named in the request (ProvinceLayerApiTest)";

    /** Routes this test does not generate probes for, each with the reason ward B's data cannot be reached there. */
    private static final Map<String, String> NOT_GENERATED = Map.ofEntries(
            Map.entry("POST /api/v1/staff/login", "signs in: no ward data; the account's own ward is fixed"),
            Map.entry("POST /api/v1/staff/logout", "ends the caller's own session"),
            Map.entry("POST /api/v1/staff/password", "changes the caller's own password"),
            Map.entry("POST /api/v1/staff/second-factor/enrol", "the caller's own second factor"),
            Map.entry("POST /api/v1/staff/second-factor/confirm", "the caller's own second factor"),
            Map.entry("POST /api/v1/staff/accounts", "creates in the caller's ward; the body names no ward"),
            Map.entry("POST /api/v1/staff/kiosk-devices/pairing-codes", "issues a code for the caller's ward; no ward in the body"),
            Map.entry("POST /api/v1/staff/ward/officer-second-factor", "changes the caller's own ward; no ward in the body"),
            Map.entry("POST /api/v1/staff/province/wards", "creates a ward in the caller's province; an existing id of any"
                                                           + " province is 409, never moved (ProvinceAdminApiTest)"),
            Map.entry("GET /api/v1/staff/events", "an endless event stream subscribed by the session's ward (StaffEvents)"),
            Map.entry("GET /api/v1/admin/procedures/{id}", CATALOG),
            Map.entry("PUT /api/v1/admin/procedures/{id}", CATALOG),
            Map.entry("POST /api/v1/admin/procedures/{id}/preview", CATALOG),
            Map.entry("GET /api/v1/admin/procedures/{id}/versions", CATALOG),
            Map.entry("GET /api/v1/admin/procedures/{id}/versions/{n}", CATALOG),
            Map.entry("POST /api/v1/admin/procedures/{id}/rollback/{n}", CATALOG),
            Map.entry("POST /api/v1/admin/catalog/reseed/{id}", CATALOG),
            Map.entry("GET /api/v1/staff/province/procedures/{id}", PROVINCE_LAYER),
            Map.entry("PUT /api/v1/staff/province/procedures/{id}", PROVINCE_LAYER),
            Map.entry("GET /api/v1/staff/province/procedures/{id}/versions", PROVINCE_LAYER));

    private static HikariDataSource pool;
    private static Features features;
    private static WebServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Session wardAEveryRole;
    private static Session wardAOfficer;
    private static Data wardA;
    private static Data wardB;

    /** The ids a route can be filled with, of one ward, and texts that only that ward's data contains. */
    private record Data(String wardId, String caseCode, long accountId, long deviceId, List<String> markers) {
    }

    private record Session(String cookie, String csrf) {
    }

    private record Answer(int status, String body) {
        String error() {
            try {
                return JSON.readTree(body).path("error").asText("");
            } catch (IOException e) {
                return "";
            }
        }
    }

    @BeforeAll
    static void start() throws Exception {
        pool = TestDatabase.fresh("isolation");
        Clock clock = Clock.systemUTC();
        WardStore wards = new WardStore(pool);
        // Ward B is in another province, so that ward A's province admin has no business there either.
        wards.putProvince(new Province("demo-quang-nam", "Tỉnh Quảng Nam (DEMO)", "Quang Nam (DEMO)"), clock.instant());
        wards.putWard(new Ward(WARD_B, "demo-quang-nam", "Phường Phú Mỹ (DEMO)", "Phu My Ward (DEMO)", true, false),
                      clock.instant());
        features = Features.create(WardDeskSettings.read(Config.just(ConfigSources.create(Map.of(
                "catalog.dir", "../config/catalog", "admin.token", ADMIN_TOKEN, "staff.seed-demo-accounts", "true",
                "limits.enabled", "false", "privacy.hash-key", "test-key")))), pool, clock);
        WebServerConfig.Builder builder = WebServer.builder().host("127.0.0.1").port(0).shutdownHook(false);
        Main.configureServer(builder, features);
        server = builder.build().start();

        wardA = data(WARD_A, "demo.editor", "Kiosk A sảnh");
        wardB = data(WARD_B, "demo.phumy", "Kiosk B sảnh");
        wardAOfficer = signIn("demo.officer", "demo-officer-2026", "");
        wardAEveryRole = everyRoleInWardA();
    }

    @AfterAll
    static void stop() {
        server.stop();
        features.close();
        pool.close();
    }

    @Test
    void every_staff_route_is_probed_or_listed_with_a_reason() {
        List<String> unfillable = new ArrayList<>();
        for (RouteTable.Route route : staffRoutes()) {
            if (!NOT_GENERATED.containsKey(route.toString()) && fill(route.pattern(), wardB).isEmpty()) {
                unfillable.add(route.toString());
            }
        }
        assertEquals(List.of(), unfillable, "new staff routes: teach fill() their ids, or list them in NOT_GENERATED"
                                            + " with the reason ward B's data cannot be reached there");
        List<String> routes = staffRoutes().stream().map(Object::toString).toList();
        List<String> stale = NOT_GENERATED.keySet().stream().filter(r -> !routes.contains(r)).sorted().toList();
        assertEquals(List.of(), stale, "listed routes that no longer exist");
        assertTrue(routes.size() >= 30, "the routing table was read: " + routes);
    }

    @Test
    void ward_a_staff_get_404_for_every_route_called_with_ward_b_ids() throws Exception {
        List<String> leaks = new ArrayList<>();
        int probed = 0;
        for (RouteTable.Route route : staffRoutes()) {
            if (NOT_GENERATED.containsKey(route.toString()) || !PARAMETER.matcher(route.pattern()).find()) {
                continue;
            }
            String other = fill(route.pattern(), wardB).orElseThrow();
            String own = fill(route.pattern(), wardA).orElseThrow();
            String method = route.method().text();
            probed++;
            Answer asEveryRole = send(method, other, wardAEveryRole);
            if (asEveryRole.status() != 404 || !asEveryRole.error().equals("not_found")) {
                leaks.add("every role: " + method + " " + other + " -> " + asEveryRole.status() + " " + asEveryRole.body());
            }
            Answer asOfficer = send(method, other, wardAOfficer);
            if (asOfficer.status() != 404 && asOfficer.status() != 403) {
                leaks.add("officer: " + method + " " + other + " -> " + asOfficer.status() + " " + asOfficer.body());
            }
            Answer asToken = sendWithAdminToken(method, other);
            if (asToken.status() != 404 && asToken.status() != 403) {
                leaks.add("admin token: " + method + " " + other + " -> " + asToken.status() + " " + asToken.body());
            }
            Answer ownWard = send(method, own, wardAEveryRole);
            if (ownWard.status() == 404 && ownWard.error().equals("not_found")) {
                leaks.add("own ward not found (the probe fills the route wrongly): " + method + " " + own);
            }
        }
        System.out.println("ward isolation: " + probed + " routes with ids probed as every role, officer and admin token");
        assertEquals(List.of(), leaks);
        assertTrue(probed >= 15, "probed " + probed);
    }

    @Test
    void routes_without_ids_show_nothing_of_ward_b() throws Exception {
        List<String> leaks = new ArrayList<>();
        int read = 0;
        for (RouteTable.Route route : staffRoutes()) {
            if (NOT_GENERATED.containsKey(route.toString()) || PARAMETER.matcher(route.pattern()).find()
                || !route.method().text().equals("GET")) {
                continue;
            }
            read++;
            for (Session session : List.of(wardAEveryRole, wardAOfficer)) {
                Answer answer = send("GET", route.pattern(), session);
                for (String marker : wardB.markers()) {
                    if (answer.body().contains(marker)) {
                        leaks.add(route + " shows " + marker);
                    }
                }
            }
        }
        assertEquals(List.of(), leaks);
        assertTrue(read >= 8, "read " + read);
        assertTrue(send("GET", "/api/v1/staff/cases", wardAEveryRole).body().contains(wardA.caseCode()),
                   "the lists do show the caller's own ward");
    }

    private static List<RouteTable.Route> staffRoutes() {
        return RouteTable.of(features).stream().filter(r -> STAFF_ROUTE.matcher(r.pattern()).matches()).distinct().toList();
    }

    /** The path with every parameter filled from the ward's data, or empty when a parameter is not understood. */
    static Optional<String> fill(String pattern, Data data) {
        Matcher m = PARAMETER.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String before = pattern.substring(0, m.start());
            String value = switch (m.group(1)) {
                case "code" -> before.endsWith("/cases/") ? data.caseCode() : null;
                case "ward" -> before.endsWith("/province/wards/") ? data.wardId() : null;
                case "id" -> before.endsWith("/staff/accounts/") ? String.valueOf(data.accountId())
                        : before.endsWith("/staff/kiosk-devices/") ? String.valueOf(data.deviceId()) : null;
                default -> null;
            };
            if (value == null) {
                return Optional.empty();
            }
            m.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        m.appendTail(path);
        return Optional.of(path.toString());
    }

    // ---- the two wards' data

    /** A conversation and a case, an account (not the caller) and a paired kiosk, all in the ward. */
    private static Data data(String ward, String username, String kioskLabel) throws Exception {
        Answer conversation = send("POST", "/api/v1/conversations?ward=" + ward, null, "{\"channel\":\"web\"}", Map.of());
        assertEquals(201, conversation.status(), conversation.body());
        String conversationId = JSON.readTree(conversation.body()).path("id").asText();
        String code = CaseCode.generate("PH", 2026);
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO case_file (code, ward_id, conversation_id, kind, procedure_id, channel, status,
                                       created_at, updated_at)
                VALUES (?, ?, ?, 'handoff', NULL, 'web', 'new', ?, ?)""")) {
            ps.setString(1, code);
            ps.setString(2, ward);
            ps.setString(3, conversationId);
            ps.setTimestamp(4, Timestamp.from(Instant.now()));
            ps.setTimestamp(5, Timestamp.from(Instant.now()));
            ps.executeUpdate();
        }
        KioskDevices devices = new KioskDevices(pool);
        var pairing = devices.issueCode(ward, kioskLabel, "test", Instant.now(), java.time.Duration.ofMinutes(5));
        long deviceId = devices.pair(pairing.code(), Instant.now()).orElseThrow().deviceId();
        return new Data(ward, code, accountId(username), deviceId, List.of(ward, code, conversationId, username, kioskLabel));
    }

    private static long accountId(String username) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id FROM staff_account WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rows = ps.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * An account of ward A with every role (second factor set up), made through the API like an admin would; the
     * province role, which only the command line grants, is added in the database.
     */
    private static Session everyRoleInWardA() throws Exception {
        Session admin = signIn("demo.admin", "demo-admin-2026", DemoSecondFactor.code(Instant.now()));
        Answer created = send("POST", "/api/v1/staff/accounts", admin,
                              "{\"username\":\"iso.all\",\"roles\":[\"officer\",\"supervisor\",\"editor\",\"admin\"]}", Map.of());
        assertEquals(200, created.status(), created.body());
        String oneTime = JSON.readTree(created.body()).path("oneTimePassword").asText();
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE staff_account SET roles = 'admin,editor,officer,province-admin,supervisor' WHERE username = 'iso.all'")) {
            assertEquals(1, ps.executeUpdate());
        }
        Session fresh = signIn("iso.all", oneTime, "");
        String password = "isolation-every-role-2026";
        assertEquals(200, send("POST", "/api/v1/staff/password", fresh, JSON.writeValueAsString(
                Map.of("currentPassword", oneTime, "newPassword", password)), Map.of()).status());
        Answer enrol = send("POST", "/api/v1/staff/second-factor/enrol", fresh, "{}", Map.of());
        String secret = JSON.readTree(enrol.body()).path("secret").asText();
        Answer confirmed = send("POST", "/api/v1/staff/second-factor/confirm", fresh,
                                "{\"code\":\"" + DemoSecondFactor.code(secret, Instant.now()) + "\"}", Map.of());
        assertEquals(200, confirmed.status(), confirmed.body());
        return fresh;
    }

    private static Session signIn(String username, String password, String code) throws Exception {
        HttpResponse<String> response = raw("POST", "/api/v1/staff/login", JSON.writeValueAsString(
                Map.of("username", username, "password", password, "code", code)), Map.of());
        assertEquals(200, response.statusCode(), username + ": " + response.body());
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        return new Session(setCookie.substring(0, setCookie.indexOf(';')),
                           JSON.readTree(response.body()).path("csrfToken").asText());
    }

    /** A body every handler accepts, so that the call reaches the ward check (A's officer for assignments). */
    private static final String BODY = "{\"text\":\"Kiểm tra phân tách phường\",\"outcome\":\"Đã xong\","
                                       + "\"officer\":\"demo.officer\",\"label\":\"probe\"}";

    private static Answer send(String method, String path, Session session) throws Exception {
        return send(method, path, session, method.equals("GET") ? null : BODY, Map.of());
    }

    private static Answer sendWithAdminToken(String method, String path) throws Exception {
        return send(method, path, null, method.equals("GET") ? null : BODY, Map.of("Authorization", "Bearer " + ADMIN_TOKEN));
    }

    private static Answer send(String method, String path, Session session, String body, Map<String, String> headers)
            throws Exception {
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (session != null) {
            all.put("Cookie", session.cookie());
            all.put("X-CSRF-Token", session.csrf());
        }
        HttpResponse<String> response = raw(method, path, body, all);
        return new Answer(response.statusCode(), response.body());
    }

    private static HttpResponse<String> raw(String method, String path, String body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
