package vn.warddesk.bot;

import java.time.Clock;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The request limits as a client meets them: per real client address (behind a trusted proxy), 429 + Retry-After. */
@ServerTest
class EdgeLimitsTest {
    private static HikariDataSource pool;
    private static Features features;
    private final Http1Client client;

    EdgeLimitsTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        pool = TestDatabase.fresh("edge_limits");
        features = Features.create(WardDeskSettings.read(Config.just(ConfigSources.create(Map.of(
                "catalog.dir", "../config/catalog",
                // The test client connects from 127.0.0.1, a trusted proxy: X-Forwarded-For names the citizen.
                "edge.trust-forwarded-headers", "true",
                "edge.trusted-proxies", "127.0.0.1,::1",
                "limits.conversations-per-client.requests", "2",
                "limits.conversations-per-client.per", "PT10M",
                "limits.status-lookups-per-client.requests", "1")))), pool, Clock.systemUTC());
        Main.configureServer(server, features);
    }

    @AfterAll
    static void close() {
        features.close();
        pool.close();
    }

    private Http1ClientResponse create(String forwardedFor) {
        return client.post("/api/v1/conversations").header(HeaderNames.CONTENT_TYPE, "application/json")
                .header(HeaderNames.X_FORWARDED_FOR, forwardedFor).submit("{\"channel\":\"web\"}");
    }

    @Test
    void conversations_are_limited_per_citizen_address_not_per_proxy() {
        for (int i = 0; i < 2; i++) {
            try (Http1ClientResponse created = create("203.0.113.5")) {
                assertEquals(Status.CREATED_201, created.status());
            }
        }
        try (Http1ClientResponse refused = create("203.0.113.5")) {
            assertEquals(Status.TOO_MANY_REQUESTS_429, refused.status());
            long retryAfter = Long.parseLong(refused.headers().first(HeaderNames.RETRY_AFTER).orElseThrow());
            assertTrue(retryAfter >= 1 && retryAfter <= 300, "one conversation back within 5 minutes: " + retryAfter);
            assertTrue(refused.headers().contentType().orElseThrow().text().startsWith("application/problem+json"));
            assertTrue(refused.as(String.class).contains("\"error\":\"rate_limited\""));
        }
        try (Http1ClientResponse other = create("203.0.113.6")) {
            assertEquals(Status.CREATED_201, other.status(), "another citizen behind the same proxy is not affected");
        }
        try (Http1ClientResponse spoofed = create("203.0.113.9, 203.0.113.5")) {
            assertEquals(Status.TOO_MANY_REQUESTS_429, spoofed.status(),
                         "the address the proxy saw counts, not one the client put in front of it");
        }
    }

    @Test
    void status_look_ups_are_limited_per_address() {
        try (Http1ClientResponse first = client.get("/api/v1/cases/PH-2026-0000000-0000000/status")
                .header(HeaderNames.X_FORWARDED_FOR, "198.51.100.7").request()) {
            assertTrue(first.status().code() == 404 || first.status().code() == 400, first.status().toString());
        }
        try (Http1ClientResponse second = client.get("/api/v1/cases/PH-2026-0000000-0000000/status")
                .header(HeaderNames.X_FORWARDED_FOR, "198.51.100.7").request()) {
            assertEquals(Status.TOO_MANY_REQUESTS_429, second.status());
            assertTrue(second.headers().contains(HeaderNames.RETRY_AFTER));
        }
    }
}
