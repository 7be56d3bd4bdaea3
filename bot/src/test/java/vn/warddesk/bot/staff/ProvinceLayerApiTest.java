package vn.warddesk.bot.staff;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.StaffServerSupport;
import vn.warddesk.bot.store.Jdbc;
import vn.warddesk.bot.testing.MutableClock;
import vn.warddesk.bot.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17 point 4: the province admin edits its province's layer (fee, processing_time per procedure): versions,
 * the seed rules, applied to the province's wards at once (a ward's own value wins), audited; nobody else may.
 */
@ServerTest
class ProvinceLayerApiTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-07T02:00:00Z"));
    private static final String ADMIN_TOKEN = "province-layer-admin-token-0123456789";
    private static final String MARITAL = "marital_status_certificate";
    private static HikariDataSource pool;
    private static Config config;
    private final StaffApi api;

    ProvinceLayerApiTest(URI uri) {
        this.api = new StaffApi(uri, CLOCK);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        pool = TestDatabase.fresh("province_layer");
        Map<String, String> map = new HashMap<>();
        map.put("catalog.dir", "../config/catalog");
        map.put("staff.seed-demo-accounts", "true");
        map.put("limits.enabled", "false");
        map.put("privacy.hash-key", "test-key");
        map.put("admin.token", ADMIN_TOKEN);
        config = Config.just(ConfigSources.create(map));
        StaffServerSupport.configure(server, config, pool, CLOCK);
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void the_province_admin_changes_a_fee_and_the_wards_answer_with_it_at_once_keeping_their_own_texts() throws Exception {
        StaffApi.Session province = api.signIn("demo.province", "demo-province-2026");
        JsonNode before = api.get("/api/v1/staff/province/procedures/" + MARITAL, province).json();
        assertEquals("demo-da-nang", before.path("provinceId").asText());
        assertEquals(1, before.path("version").asInt(), "the file's values are version 1");
        assertEquals(List.of("demo-hoa-an"), list(before.path("wards")));
        long fee = before.path("values").path("fee").path("amount_vnd").asLong();
        assertEquals(fee, ward("demo-hoa-an").path("content").path("fee").path("amount_vnd").asLong(),
                     "the ward answers with the province's value");

        // The ward's editor words the fee text its own way first: that text is the ward's and stays.
        ObjectNode content = (ObjectNode) ward("demo-hoa-an").path("content");
        String ownText = "Mức thu của phường DEMO — vui lòng xác nhận tại quầy.";
        ((ObjectNode) content.path("fee").path("text")).put("vi", ownText);
        assertEquals(200, admin("PUT", "/api/v1/admin/procedures/" + MARITAL + "?ward=demo-hoa-an", content).status());
        long anCuuVersion = ward("demo-an-cuu").path("version").asLong();

        ObjectNode values = (ObjectNode) before.path("values").deepCopy();
        ((ObjectNode) values.path("fee")).put("amount_vnd", fee + 1000);
        StaffApi.Answer saved = api.send("PUT", "/api/v1/staff/province/procedures/" + MARITAL, Optional.of(province),
                                         Map.of("values", values), true, Map.of("If-Match", "1"));
        assertEquals(200, saved.status(), saved.body());
        assertEquals(2, saved.json().path("version").asInt());
        assertEquals(List.of("fee.amount_vnd"), list(saved.json().path("changes")));
        assertEquals(List.of("demo-hoa-an"), list(saved.json().path("wardsUpdated")));
        assertEquals(List.of("demo-hoa-an"), list(saved.json().path("wardsKeepingOwn")), "its own fee text");

        JsonNode after = ward("demo-hoa-an");
        assertEquals(fee + 1000, after.path("content").path("fee").path("amount_vnd").asLong());
        assertEquals(ownText, after.path("content").path("fee").path("text").path("vi").asText(), "the ward's edit wins");
        assertEquals("province:demo-da-nang", after.path("provenance").path("fee.amount_vnd").asText(), after.toString());
        assertEquals("ward:demo-hoa-an", after.path("provenance").path("fee.text.vi").asText(), after.toString());
        assertEquals("national", after.path("provenance").path("documents").asText());
        String figure = java.text.NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi")).format(fee + 1000);
        StaffApi.Answer publicAnswer = api.send("GET", "/api/v1/procedures/" + MARITAL + "?ward=demo-hoa-an&locale=vi",
                                                Optional.empty(), null, false, Map.of());
        assertTrue(publicAnswer.body().contains(figure), "citizens see the new fee at once: " + figure);
        assertEquals(anCuuVersion, ward("demo-an-cuu").path("version").asLong(), "another province's ward is untouched");

        JsonNode versions = api.get("/api/v1/staff/province/procedures/" + MARITAL + "/versions", province).json();
        assertEquals(List.of(2, 1), versions.path("versions").findValues("version").stream().map(JsonNode::asInt).toList());
        assertEquals("demo.province", versions.path("versions").get(0).path("author").asText());
        assertEquals(List.of("fee.amount_vnd: province:demo-da-nang version 2"), audited("province:demo-da-nang"));
        assertEquals(409, api.send("PUT", "/api/v1/staff/province/procedures/" + MARITAL, Optional.of(province),
                                   Map.of("values", values), true, Map.of("If-Match", "1")).status(),
                     "a stale version is not overwritten");
    }

    @Test
    void values_that_break_the_rules_or_fields_a_province_does_not_set_are_refused_and_nothing_changes() {
        StaffApi.Session province = api.signIn("demo.province", "demo-province-2026");
        long version = ward("demo-hoa-an", "birth_registration").path("version").asLong();
        StaffApi.Answer negative = put(province, "birth_registration", Map.of("fee", Map.of("amount_vnd", -5)));
        assertEquals(422, negative.status(), negative.body());
        assertEquals("fee.amount_vnd", negative.json().path("problems").get(0).path("field").asText(), negative.body());
        StaffApi.Answer name = put(province, "birth_registration", Map.of("name", Map.of("vi", "Khác", "en", "Other")));
        assertEquals(422, name.status(), name.body());
        assertEquals(400, put(province, "birth_registration", null).status() / 100 * 100, "no values: a 4xx");
        assertEquals(version, ward("demo-hoa-an", "birth_registration").path("version").asLong());
        assertEquals(1, api.get("/api/v1/staff/province/procedures/birth_registration", province).json().path("version").asInt());
    }

    @Test
    void only_a_province_admin_edits_and_only_its_own_province() {
        StaffApi.Session wardAdmin = api.signIn("demo.admin", "demo-admin-2026");
        assertEquals(403, api.get("/api/v1/staff/province/procedures/" + MARITAL, wardAdmin).status());
        assertEquals(403, put(wardAdmin, MARITAL, Map.of()).status());
        StaffApi.Session editor = api.signIn("demo.editor", "demo-editor-2026");
        assertEquals(403, put(editor, MARITAL, Map.of()).status());

        StaffApi.Session province = api.signIn("demo.province", "demo-province-2026");
        assertEquals(404, api.get("/api/v1/staff/province/procedures/no_such_procedure", province).status());
        assertEquals(403, api.send("PUT", "/api/v1/staff/province/procedures/" + MARITAL, Optional.of(province),
                                   Map.of("values", Map.of()), false, Map.of()).status(), "no CSRF token");

        // Hue's province admin sees and changes Hue's layer only: the province comes from its account.
        Staff.FirstAdmin hue = Staff.forCommandLine(vn.warddesk.bot.WardDeskSettings.read(config).staff(), pool, CLOCK).createAdmin("demo-an-cuu", "province.hue", true);
        StaffApi.Session hueAdmin = api.signIn("province.hue", hue.oneTimePassword());
        assertEquals(200, api.post("/api/v1/staff/password", hueAdmin, Map.of("currentPassword", hue.oneTimePassword(),
                                                                               "newPassword", "hue-province-password-2026")).status());
        String secret = api.post("/api/v1/staff/second-factor/enrol", hueAdmin, Map.of()).json().path("secret").asText();
        assertEquals(200, api.post("/api/v1/staff/second-factor/confirm", hueAdmin,
                                   Map.of("code", SecondFactor.code(secret, CLOCK.instant()))).status());
        JsonNode hueView = api.get("/api/v1/staff/province/procedures/" + MARITAL, hueAdmin).json();
        assertEquals("demo-hue", hueView.path("provinceId").asText());
        assertEquals(List.of("demo-an-cuu"), list(hueView.path("wards")));
        long hoaAn = ward("demo-hoa-an").path("version").asLong();
        ObjectNode values = (ObjectNode) hueView.path("values").deepCopy();
        ((ObjectNode) values.path("fee")).put("amount_vnd", 7000);
        StaffApi.Answer saved = put(hueAdmin, MARITAL, values);
        assertEquals(200, saved.status(), saved.body());
        assertEquals(List.of("demo-an-cuu"), list(saved.json().path("wardsUpdated")));
        assertEquals(7000, ward("demo-an-cuu").path("content").path("fee").path("amount_vnd").asLong());
        assertEquals(hoaAn, ward("demo-hoa-an").path("version").asLong(), "Da Nang's ward is not touched");
    }

    private StaffApi.Answer put(StaffApi.Session session, String procedure, Object values) {
        Map<String, Object> body = new HashMap<>();
        body.put("values", values);
        return api.send("PUT", "/api/v1/staff/province/procedures/" + procedure, Optional.of(session), body, true, Map.of());
    }

    private JsonNode ward(String ward) {
        return ward(ward, MARITAL);
    }

    private JsonNode ward(String ward, String procedure) {
        StaffApi.Answer answer = admin("GET", "/api/v1/admin/procedures/" + procedure + "?ward=" + ward, null);
        assertEquals(200, answer.status(), answer.body());
        return answer.json();
    }

    private StaffApi.Answer admin(String method, String path, Object body) {
        return api.send(method, path, Optional.empty(), body, false, Map.of("Authorization", "Bearer " + ADMIN_TOKEN));
    }

    private static List<String> list(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The province's edits in the audit log as "paths: province version" (the detail names no values). */
    private static List<String> audited(String province) {
        return Jdbc.withConnection(pool, c -> {
            try (var select = c.prepareStatement("SELECT detail FROM audit_log WHERE action = 'province.values_change'"
                                                 + " AND actor = 'demo.province' AND detail LIKE ? ORDER BY id")) {
                select.setString(1, province + " %");
                try (var rows = select.executeQuery()) {
                    List<String> out = new java.util.ArrayList<>();
                    while (rows.next()) {
                        String detail = rows.getString(1);
                        // "province:demo-da-nang version 2; fee.amount_vnd; wards updated: …"
                        String[] parts = detail.split("; ");
                        out.add(parts[1] + ": " + parts[0]);
                    }
                    return out;
                }
            }
        });
    }
}
