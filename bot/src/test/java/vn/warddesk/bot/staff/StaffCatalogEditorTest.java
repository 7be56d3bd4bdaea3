package vn.warddesk.bot.staff;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
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
import org.openqa.selenium.By;

import vn.warddesk.bot.StaffServerSupport;
import vn.warddesk.bot.testing.TestDatabase;
import vn.warddesk.bot.testing.Waits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Editors change what citizens see with their staff session: API rules, audit, and the editor page in Chromium. */
@ServerTest
class StaffCatalogEditorTest {
    private static final String PROCEDURE = "/api/v1/admin/procedures/birth_registration";
    private static HikariDataSource pool;
    private final URI uri;
    private final StaffApi api;

    StaffCatalogEditorTest(URI uri) {
        this.uri = uri;
        this.api = new StaffApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        pool = TestDatabase.fresh("staff_catalog_editor");
        Map<String, String> map = new HashMap<>();
        map.put("staff.seed-demo-accounts", "true");
        map.put("privacy.hash-key", "test-key");
        map.put("catalog.dir", "../config/catalog"); // with config/wards and config/provinces beside it
        StaffServerSupport.configure(server, Config.just(ConfigSources.create(map)), pool, Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    private String publicSummary() {
        return api.send("GET", "/api/v1/procedures/birth_registration?locale=vi", Optional.empty(), null, false, Map.of())
                .json().path("summary").asText();
    }

    @Test
    void only_an_editor_session_with_the_csrf_token_may_change_the_catalog() throws SQLException {
        StaffApi.Session editor = api.signIn("demo.editor", "demo-editor-2026");
        StaffApi.Session officer = api.signIn("demo.officer", "demo-officer-2026");
        JsonNode current = api.get(PROCEDURE, editor).json();
        assertEquals(200, api.get(PROCEDURE, editor).status());
        assertEquals(401, api.get(PROCEDURE, officer).status(), "officers are not editors");
        assertEquals(401, api.send("GET", PROCEDURE, Optional.empty(), null, false, Map.of()).status());

        ObjectNode content = (ObjectNode) current.path("content").deepCopy();
        ((ObjectNode) content.path("summary")).put("vi", "Tóm tắt do biên tập viên sửa qua phiên đăng nhập.");
        assertEquals(401, api.send("PUT", PROCEDURE, Optional.of(editor), content, false, Map.of()).status(), "no CSRF token");
        int auditedBefore = catalogChanges();
        StaffApi.Answer saved = api.send("PUT", PROCEDURE, Optional.of(editor), content, true, Map.of());
        assertEquals(200, saved.status(), saved.body());
        assertEquals("Tóm tắt do biên tập viên sửa qua phiên đăng nhập.", publicSummary());

        JsonNode versions = api.get(PROCEDURE + "/versions", editor).json().path("versions");
        boolean byEditor = false;
        for (JsonNode v : versions) {
            byEditor |= "demo.editor".equals(v.path("author").asText());
        }
        assertTrue(byEditor, "the editor's username is the version's author");
        assertEquals(auditedBefore + 1, catalogChanges(), "one audit row per change");
    }

    @Test
    void an_editor_sees_where_each_field_came_from_and_cannot_reach_another_wards_catalog() {
        StaffApi.Session editor = api.signIn("demo.editor", "demo-editor-2026");
        JsonNode marital = api.get("/api/v1/admin/procedures/marital_status_certificate", editor).json();
        assertEquals("demo-hoa-an", marital.path("wardId").asText());
        assertEquals("province:demo-da-nang", marital.path("provenance").path("fee.amount_vnd").asText(), marital.toString());
        assertEquals("national", marital.path("provenance").path("documents").asText());
        JsonNode other = api.get("/api/v1/admin/procedures/marital_status_certificate?ward=demo-an-cuu", editor).json();
        assertEquals("demo-hoa-an", other.path("wardId").asText(), "a staff session edits its default ward only");
    }

    private static int catalogChanges() throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement q = c.prepareStatement(
                     "SELECT COUNT(*) FROM audit_log WHERE actor = 'demo.editor' AND action = 'catalog.change'");
             ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void the_editor_page_saves_a_new_version_and_rolls_back() {
        String before = publicSummary();
        try (StaffBrowser b = new StaffBrowser(uri.toString().replaceAll("/$", ""))) {
            b.signIn("demo.editor", "demo-editor-2026");
            b.await(By.id("catalog-procedure"));
            new org.openqa.selenium.support.ui.Select(b.driver().findElement(By.id("catalog-procedure")))
                    .selectByValue("marital_status_certificate");
            b.awaitText(By.id("catalog-provenance"), "fee.amount_vnd ← tỉnh demo-da-nang"); // the province's fee
            new org.openqa.selenium.support.ui.Select(b.driver().findElement(By.id("catalog-procedure")))
                    .selectByValue("birth_registration");
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), Waits.BROWSER)
                    .until(d -> d.findElements(By.id("catalog-provenance")).isEmpty()); // all national: no line
            b.click(By.id("catalog-tab-json")); // the raw JSON lives on the "advanced" tab beside the form
            b.await(By.id("catalog-json"));
            b.driver().executeScript("""
                    const t = document.getElementById('catalog-json');
                    const o = JSON.parse(t.value);
                    o.summary.vi = 'Tóm tắt thử nghiệm từ trang biên tập <b>không phải HTML</b>';
                    t.value = JSON.stringify(o, null, 2);""");
            b.click(By.id("catalog-save"));
            b.awaitText(By.id("catalog-versions"), "demo.editor");
            assertEquals("Tóm tắt thử nghiệm từ trang biên tập <b>không phải HTML</b>", publicSummary());
            b.screenshot("catalog-editor");

            // Roll back to the oldest version: citizens see the old text again.
            var buttons = b.driver().findElements(By.cssSelector("#catalog-versions li.version button.rollback"));
            buttons.get(buttons.size() - 1).click();
            b.awaitText(By.id("catalog-versions"), "khôi phục từ phiên bản");
            assertEquals(before, publicSummary());
        }
    }
}
