package vn.warddesk.bot;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

import vn.warddesk.bot.catalog.Lang;
import vn.warddesk.bot.conversation.ConversationRef;
import vn.warddesk.bot.conversation.InboundEvent;
import vn.warddesk.bot.conversation.Input;
import vn.warddesk.bot.testing.MutableClock;
import vn.warddesk.bot.testing.TestDatabase;
import vn.warddesk.bot.ward.WardStore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two demo wards in two demo provinces (config/wards, config/provinces) in one deployment: the same fee question
 * gets each province's amount, over the catalog API and inside the conversation engine; a disabled ward is not served.
 */
@ServerTest
class TwoWardsTest {
    private static final String ADMIN = "test-admin-token-wards";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-01T02:00:00Z"));
    private static HikariDataSource pool;
    private static Features features;

    private final Http1Client client;

    TwoWardsTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        pool = TestDatabase.fresh("two_wards");
        features = Features.create(WardDeskSettings.read(Config.just(ConfigSources.create(Map.of(
                "catalog.dir", "../config/catalog",
                "catalog.refresh-interval", "PT0S",
                "admin.token", ADMIN)))), pool, CLOCK);
        Main.configureServer(server, features);
    }

    @AfterAll
    static void close() {
        features.close();
        pool.close();
    }

    private record Answer(int status, JsonNode body) {
    }

    private Answer get(String path, boolean admin) throws Exception {
        int query = path.indexOf("?ward=");
        var request = client.get(query < 0 ? path : path.substring(0, query));
        if (query >= 0) {
            request.queryParam("ward", path.substring(query + "?ward=".length()));
        }
        if (admin) {
            request.header(HeaderNames.AUTHORIZATION, "Bearer " + ADMIN);
        }
        try (Http1ClientResponse res = request.request()) {
            return new Answer(res.status().code(), JSON.readTree(res.as(String.class)));
        }
    }

    private String feeOverApi(String ward) throws Exception {
        Answer answer = get("/api/v1/procedures/marital_status_certificate?ward=" + ward, false);
        assertEquals(200, answer.status(), answer.body().toString());
        assertEquals(ward, answer.body().path("wardId").asText());
        return answer.body().at("/aspects/fee/text").asText();
    }

    private String askEngine(String ward, String text) {
        String id = features.conversations().open("web", ward, Lang.VI, "a".repeat(64));
        return features.conversations().process(new InboundEvent(new ConversationRef.ById(id), "web", null,
                                                                 new Input.Text(text), "vi", CLOCK.instant()))
                .handled().replies().stream().map(vn.warddesk.bot.message.Reply::text)
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    @Test
    void the_same_fee_question_gets_each_provinces_amount_over_the_api() throws Exception {
        String hoaAn = feeOverApi("demo-hoa-an");
        String anCuu = feeOverApi("demo-an-cuu");
        assertTrue(hoaAn.startsWith("Lệ phí: 3.000 đồng."), hoaAn);
        assertTrue(anCuu.startsWith("Lệ phí: 5.000 đồng."), anCuu);
        assertEquals(feeOverApi("demo-hoa-an"), get("/api/v1/procedures/marital_status_certificate", false)
                .body().at("/aspects/fee/text").asText(), "no ?ward= is the default ward");
    }

    @Test
    void inside_the_engine_each_conversation_is_answered_with_its_wards_catalog() {
        String question = "lệ phí xin giấy xác nhận tình trạng hôn nhân bao nhiêu";
        String hoaAn = askEngine("demo-hoa-an", question);
        String anCuu = askEngine("demo-an-cuu", question);
        assertTrue(hoaAn.contains("3.000 đồng") && !hoaAn.contains("5.000"), hoaAn);
        assertTrue(anCuu.contains("5.000 đồng") && !anCuu.contains("3.000"), anCuu);
    }

    @Test
    void the_admin_api_says_where_each_field_of_a_wards_procedure_came_from() throws Exception {
        JsonNode body = get("/api/v1/admin/procedures/marital_status_certificate?ward=demo-an-cuu", true).body();
        assertEquals("demo-an-cuu", body.path("wardId").asText());
        JsonNode provenance = body.path("provenance");
        assertEquals("national", provenance.path("documents").asText());
        assertEquals("province:demo-hue", provenance.path("fee.amount_vnd").asText());
        assertEquals("ward:demo-an-cuu", provenance.path("online.channels").asText());
        assertEquals(5000, body.at("/content/fee/amount_vnd").asInt());
    }

    @Test
    void an_unknown_or_disabled_ward_is_not_served_and_is_served_again_once_enabled() throws Exception {
        Answer unknown = get("/api/v1/procedures?ward=no-such-ward", false);
        assertEquals(404, unknown.status());
        assertEquals("ward_not_served", unknown.body().path("error").asText(), unknown.body().toString());

        WardStore registry = new WardStore(pool);
        registry.setEnabled("demo-an-cuu", false);
        try {
            assertEquals(404, get("/api/v1/procedures/marital_status_certificate?ward=demo-an-cuu", false).status());
            String reply = askEngine("demo-an-cuu", "lệ phí xác nhận tình trạng hôn nhân");
            assertTrue(reply.contains("không được phục vụ tại đây"), reply);
            assertEquals(200, get("/api/v1/procedures?ward=demo-hoa-an", false).status(), "other wards still served");
        } finally {
            registry.setEnabled("demo-an-cuu", true);
        }
        assertEquals(200, get("/api/v1/procedures/marital_status_certificate?ward=demo-an-cuu", false).status());
    }
}
