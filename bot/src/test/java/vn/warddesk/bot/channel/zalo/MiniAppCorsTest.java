package vn.warddesk.bot.channel.zalo;

import java.time.Clock;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.channel.Channels;
import vn.warddesk.bot.channel.RecordingPort;
import vn.warddesk.bot.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ServerTest
class MiniAppCorsTest {
    private static final String MINI_APP = "https://h5.zdn.vn";
    private static HikariDataSource pool;
    private static Channels channels;
    private final Http1Client client;
    private final io.helidon.webserver.WebServer server;

    MiniAppCorsTest(Http1Client client, io.helidon.webserver.WebServer server) {
        this.client = client;
        this.server = server;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        pool = TestDatabase.fresh("mini_app_cors");
        Config config = Config.just(ConfigSources.create(Map.of("zalo.mini-app.cors-origins", "https://other.example, " + MINI_APP + "/",
                                                                "outbox.enabled", "false")));
        channels = Channels.create(vn.warddesk.bot.WardDeskSettings.read(config).channels(), pool, Clock.systemUTC(), new RecordingPort(pool));
        channels.configureServer(server);
        server.routing(routing -> {
            vn.warddesk.bot.http.ErrorEdge.register(routing, new vn.warddesk.bot.store.DatabaseCircuit(pool));
            channels.routing(routing);
            routing.get("/api/v1/office", (req, res) -> res.send("{}"));
            routing.post("/api/v1/conversations", (req, res) -> res.status(Status.CREATED_201).send("{}"));
        });
    }

    @AfterAll
    static void close() {
        channels.close();
        pool.close();
    }

    @Test
    void the_configured_mini_app_origin_may_call_the_api_from_the_browser() {
        try (Http1ClientResponse preflight = client.method(Method.OPTIONS).path("/api/v1/conversations")
                .header(HeaderNames.ORIGIN, MINI_APP)
                .header(HeaderNames.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HeaderNames.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type")
                .request()) {
            assertEquals(2, preflight.status().code() / 100, preflight.status().toString());
            assertEquals(MINI_APP, preflight.headers().first(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN).orElse(""));
            assertTrue(preflight.headers().first(HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS).orElse("").toLowerCase().contains("authorization"),
                       preflight.headers().toString());
        }
        try (Http1ClientResponse get = client.get("/api/v1/office").header(HeaderNames.ORIGIN, MINI_APP).request()) {
            assertEquals(Status.OK_200, get.status());
            assertEquals(MINI_APP, get.headers().first(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN).orElse(""));
        }
    }

    @Test
    void chromium_s_header_list_without_spaces_passes_the_preflight_of_an_authorized_call() {
        // Chromium sends "authorization,content-type": the Mini App's every message carries both.
        try (Http1ClientResponse preflight = client.method(Method.OPTIONS).path("/api/v1/conversations/some-id/messages")
                .header(HeaderNames.ORIGIN, MINI_APP)
                .header(HeaderNames.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HeaderNames.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type")
                .request()) {
            assertEquals(2, preflight.status().code() / 100, preflight.status().toString());
            assertEquals(MINI_APP, preflight.headers().first(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN).orElse(""));
        }
    }

    @Test
    void the_kiosk_on_the_same_origin_is_not_affected() {
        // Browsers send Origin on same-origin POSTs: the kiosk's own origin must not be refused.
        try (Http1ClientResponse post = client.post("/api/v1/conversations")
                .header(HeaderNames.ORIGIN, "http://localhost:" + server.port()).submit("{}")) {
            assertEquals(Status.CREATED_201, post.status());
        }
    }

    @Test
    void any_other_origin_gets_no_cross_origin_access() {
        try (Http1ClientResponse preflight = client.method(Method.OPTIONS).path("/api/v1/conversations")
                .header(HeaderNames.ORIGIN, "https://evil.example")
                .header(HeaderNames.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .request()) {
            assertEquals(Status.FORBIDDEN_403, preflight.status());
        }
        try (Http1ClientResponse get = client.get("/api/v1/office").header(HeaderNames.ORIGIN, "https://evil.example").request()) {
            assertTrue(get.headers().first(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN).isEmpty(), get.headers().toString());
        }
        try (Http1ClientResponse get = client.get("/kiosk/").header(HeaderNames.ORIGIN, "https://evil.example").request()) {
            assertTrue(get.headers().first(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN).isEmpty(), "nothing outside /api/v1/");
        }
    }
}
