package vn.warddesk.bot;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.store.Database;
import vn.warddesk.bot.testing.TcpProxy;
import vn.warddesk.bot.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ServerTest
class ReadinessFollowsDatabaseTest {
    private static TcpProxy proxy;
    private static HikariDataSource pool;

    private final Http1Client client;

    ReadinessFollowsDatabaseTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) throws Exception {
        String url = TestDatabase.createDatabase("t_readiness_" + ProcessHandle.current().pid());
        InetSocketAddress real = TestDatabase.address();
        proxy = new TcpProxy(real);
        String proxied = url.replace(":" + real.getPort() + "/", ":" + proxy.port() + "/");
        pool = Database.pool(proxied, TestDatabase.user(), TestDatabase.password(), TestDatabase.settings());
        Database.migrate(pool);
        Main.configureServer(server, Features.create(WardDeskSettings.read(Config.empty()), pool, Clock.systemUTC()));
    }

    @AfterAll
    static void close() throws Exception {
        pool.close();
        proxy.close();
    }

    @Test
    void readiness_goes_down_while_the_database_is_cut_off_and_up_when_it_returns() throws Exception {
        assertEquals(Status.OK_200, readiness(), "ready while the database answers");

        proxy.cut();
        assertTrue(eventually(Status.SERVICE_UNAVAILABLE_503), "not ready while the database is unreachable");
        try (Http1ClientResponse live = client.get("/observe/health/live").request()) {
            assertEquals(Status.NO_CONTENT_204.code() / 100, live.status().code() / 100, "still alive meanwhile");
        }

        proxy.restore();
        assertTrue(eventually(Status.OK_200), "ready again without a restart");
    }

    @Test
    void while_the_database_is_down_the_api_answers_503_with_retry_after_at_once_then_recovers() throws Exception {
        proxy.cut();
        try {
            // The first request finds out (it waits for the pool's connect timeout) and opens the circuit.
            try (Http1ClientResponse first = client.post("/api/v1/conversations")
                    .header(io.helidon.http.HeaderNames.CONTENT_TYPE, "application/json").submit("{\"channel\":\"web\"}")) {
                assertEquals(Status.SERVICE_UNAVAILABLE_503, first.status());
                assertTrue(first.headers().contains(io.helidon.http.HeaderNames.RETRY_AFTER));
                assertTrue(first.headers().contentType().map(t -> t.text().startsWith("application/problem+json")).orElse(false));
            }
            // Every later one is refused without touching the pool: the 3 s connect timeout is not paid again.
            for (int i = 0; i < 5; i++) {
                long started = System.nanoTime();
                try (Http1ClientResponse next = client.post("/webhooks/telegram").submit("{}")) {
                    assertEquals(Status.SERVICE_UNAVAILABLE_503, next.status());
                    assertEquals("5", next.headers().first(io.helidon.http.HeaderNames.RETRY_AFTER).orElse(""));
                }
                long millis = (System.nanoTime() - started) / 1_000_000;
                assertTrue(millis < TestDatabase.settings().connectTimeout().toMillis(),
                           "answered before the pool's connect timeout could have passed: " + millis + " ms");
            }
        } finally {
            proxy.restore();
        }
        assertTrue(eventually(Status.OK_200), "ready again");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        Status status = Status.SERVICE_UNAVAILABLE_503;
        while (status != Status.OK_200 && Instant.now().isBefore(deadline)) {
            try (Http1ClientResponse again = client.post("/api/v1/conversations")
                    .header(io.helidon.http.HeaderNames.CONTENT_TYPE, "application/json").submit("{\"channel\":\"web\"}")) {
                status = again.status() == Status.CREATED_201 ? Status.OK_200 : again.status();
            }
        }
        assertEquals(Status.OK_200, status, "the circuit closes once the database answers");
    }

    private boolean eventually(Status expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (readiness().equals(expected)) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private Status readiness() {
        try (Http1ClientResponse response = client.get("/observe/health/ready").request()) {
            return response.status();
        }
    }
}
