package vn.warddesk.bot.catalog;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A staff editor's session edits its own ward's content and no other, whatever {@code ?ward=} says. The signed-in
 * editor is stood in by a request header here (the staff sign-in itself is tested with the staff console).
 */
@ServerTest
class EditorWardTest {
    private static final String EDITOR_WARD = "X-Test-Editor-Ward";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static HikariDataSource pool;

    private final Http1Client client;

    EditorWardTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        pool = TestDatabase.fresh("editor_ward");
        WardCatalogs wards = WardCatalogs.load(vn.warddesk.bot.catalog.CatalogSettings.from(Config.just(ConfigSources.create(Map.of(
                "dir", "../config/catalog", "refresh-interval", "PT0S")))), "demo-hoa-an", pool, Clock.systemUTC());
        CatalogService service = CatalogService.create(wards, "editor-ward-admin-token")
                .withEditors(req -> req.headers().first(HeaderNames.create(EDITOR_WARD))
                        .map(ward -> new CatalogService.Editor("editor-of-" + ward, ward)));
        server.routing(r -> {
            vn.warddesk.bot.http.ErrorEdge.register(r, new vn.warddesk.bot.store.DatabaseCircuit(pool));
            r.register("/api/v1", service);
        });
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    private JsonNode asEditorOf(String ward, String path, String... askedWard) throws Exception {
        var request = client.get(path).header(HeaderNames.create(EDITOR_WARD), ward);
        for (String asked : askedWard) {
            request.queryParam("ward", asked);
        }
        try (Http1ClientResponse res = request.request()) {
            String body = res.as(String.class);
            assertEquals(200, res.status().code(), body);
            return JSON.readTree(body);
        }
    }

    private String publicSummary(String ward) throws Exception {
        try (Http1ClientResponse res = client.get("/api/v1/procedures/marital_status_certificate")
                .queryParam("ward", ward).request()) {
            return JSON.readTree(res.as(String.class)).path("summary").toString();
        }
    }

    @Test
    void an_editor_reads_its_own_wards_procedure_even_when_asking_for_another_ward() throws Exception {
        JsonNode own = asEditorOf("demo-an-cuu", "/api/v1/admin/procedures/marital_status_certificate", "demo-hoa-an");
        assertEquals("demo-an-cuu", own.path("wardId").asText());
        assertEquals(5000, own.at("/content/fee/amount_vnd").asInt());
        JsonNode other = asEditorOf("demo-hoa-an", "/api/v1/admin/procedures/marital_status_certificate");
        assertEquals("demo-hoa-an", other.path("wardId").asText());
        assertEquals(3000, other.at("/content/fee/amount_vnd").asInt());
    }

    @Test
    void an_editors_change_shows_in_its_own_ward_only() throws Exception {
        String hoaAnBefore = publicSummary("demo-hoa-an");
        JsonNode content = asEditorOf("demo-an-cuu", "/api/v1/admin/procedures/marital_status_certificate")
                .path("content").deepCopy();
        ((ObjectNode) content.get("summary")).put("vi", "Edited by the An Cuu editor only.");
        try (Http1ClientResponse res = client.put("/api/v1/admin/procedures/marital_status_certificate")
                .header(HeaderNames.create(EDITOR_WARD), "demo-an-cuu")
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .submit(JSON.writeValueAsString(content))) {
            assertTrue(res.status().code() < 300, res.status() + " " + res.as(String.class));
        }
        String anCuu = publicSummary("demo-an-cuu");
        assertTrue(anCuu.contains("Edited by the An Cuu editor only."), anCuu);
        assertEquals(hoaAnBefore, publicSummary("demo-hoa-an"));
        assertFalse(hoaAnBefore.contains("An Cuu editor"));
    }

    @Test
    void an_editor_of_a_ward_not_served_here_gets_404() throws Exception {
        try (Http1ClientResponse res = client.get("/api/v1/admin/procedures/marital_status_certificate")
                .header(HeaderNames.create(EDITOR_WARD), "no-such-ward").request()) {
            assertEquals(404, res.status().code());
            assertEquals(Optional.of("ward_not_served"),
                         Optional.of(JSON.readTree(res.as(String.class)).path("error").asText()));
        }
    }
}
