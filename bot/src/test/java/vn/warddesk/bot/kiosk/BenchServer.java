package vn.warddesk.bot.kiosk;

import java.time.Clock;

import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;

import vn.warddesk.bot.KioskServerSupport;
import vn.warddesk.bot.testing.TestDatabase;

/** The benchmarks' real server on a free local port, over a fresh embedded test database; close() stops it all. */
final class BenchServer implements AutoCloseable {
    private final HikariDataSource pool;
    private final AutoCloseable features;
    private final WebServer server;

    private BenchServer(HikariDataSource pool, AutoCloseable features, WebServer server) {
        this.pool = pool;
        this.features = features;
        this.server = server;
    }

    static BenchServer start(String database, Config config) {
        HikariDataSource pool = TestDatabase.fresh(database);
        WebServerConfig.Builder builder = WebServer.builder().port(0).host("127.0.0.1").shutdownHook(false);
        AutoCloseable features = KioskServerSupport.configure(builder, config, pool, Clock.systemUTC());
        return new BenchServer(pool, features, builder.build().start());
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
        try {
            features.close();
        } catch (Exception e) {
            System.err.println("bench: closing the features failed: " + e.getMessage());
        }
        pool.close();
    }
}
