package vn.warddesk.bot.catalog;

import java.time.Clock;

import com.zaxxer.hikari.HikariDataSource;
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

/** With no admin token configured, nobody can edit — not even with an empty bearer token. */
@ServerTest
class EmptyAdminTokenTest {
    private static HikariDataSource pool;
    private final Http1Client client;

    EmptyAdminTokenTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        pool = TestDatabase.fresh("catalog_no_token");
        CatalogStore store = CatalogStore.load(vn.warddesk.bot.catalog.CatalogSettings.from(CatalogApiTest.config().get("catalog")), pool, Clock.systemUTC());
        server.routing(r -> {
            vn.warddesk.bot.http.ErrorEdge.register(r, new vn.warddesk.bot.store.DatabaseCircuit(pool));
            r.register("/api/v1", CatalogService.create(store, ""));
        });
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void an_empty_configured_token_refuses_every_admin_call() {
        for (String auth : new String[] {"Bearer ", "Bearer", ""}) {
            try (Http1ClientResponse response = client.get("/api/v1/admin/procedures/birth_registration/versions")
                    .header(HeaderNames.AUTHORIZATION, auth).request()) {
                assertEquals(Status.UNAUTHORIZED_401, response.status(), "'" + auth + "'");
            }
        }
        try (Http1ClientResponse response = client.get("/api/v1/procedures").request()) {
            assertEquals(Status.OK_200, response.status(), "the public API still answers");
        }
    }
}
