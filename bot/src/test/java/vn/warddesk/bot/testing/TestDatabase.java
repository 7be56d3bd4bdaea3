package vn.warddesk.bot.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;

import vn.warddesk.bot.store.Database;
import vn.warddesk.bot.store.DbSettings;
import vn.warddesk.bot.store.EmbeddedMariaDb;

/**
 * One real MariaDB per test JVM: the server named by WARDDESK_DB_URL (+ _USER/_PASSWORD) when set, otherwise an
 * embedded MariaDB started once under target/ and stopped when the JVM exits. Each caller gets a fresh database,
 * migrated by Flyway, so test classes never see each other's rows.
 */
public final class TestDatabase {
    /**
     * How long the shared embedded server may take to start. Longer than production's two minutes: two test forks
     * start theirs at once, next to Chromium and other builds, and one such start was still not ready after two minutes.
     */
    public static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static volatile Server server;

    private TestDatabase() {
    }

    private record Server(String baseUrl, String user, String password) {
    }

    /** A new, migrated database for one test class. The caller closes the pool. */
    public static HikariDataSource fresh(String purpose) {
        String name = "t_" + purpose.replaceAll("[^A-Za-z0-9]", "_").toLowerCase() + "_" + ProcessHandle.current().pid()
                      + "_" + COUNTER.incrementAndGet();
        if (name.length() > 60) {
            name = name.substring(name.length() - 60);
        }
        String url = createDatabase(name);
        HikariDataSource pool = Database.pool(url, server().user(), server().password(), settings());
        Database.migrate(pool);
        return pool;
    }

    /** A database without migrations, for tests that migrate themselves. Returns its JDBC URL. */
    public static String createDatabase(String name) {
        Server s = server();
        try (Connection connection = DriverManager.getConnection(s.baseUrl(), s.user(), s.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + name
                              + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return s.baseUrl() + name;
    }

    public static String user() {
        return server().user();
    }

    public static String password() {
        return server().password();
    }

    /** Host and port of the test server, e.g. for a proxy in front of it. */
    public static java.net.InetSocketAddress address() {
        java.net.URI uri = java.net.URI.create(server().baseUrl().substring("jdbc:".length()));
        return new java.net.InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 3306 : uri.getPort());
    }

    public static DbSettings settings() {
        return new DbSettings(Optional.empty(), server().user(), server().password(), Path.of("unused"), 0, "unused", 5,
                              Duration.ofSeconds(3));
    }

    /**
     * A pool of one connection to {@code url}: every statement of the code under test runs in one session, whose
     * status counters and session state a test can then read.
     */
    public static HikariDataSource singleConnection(String url) {
        DbSettings single = new DbSettings(Optional.empty(), user(), password(), Path.of("unused"), 0, "unused", 1,
                                           Duration.ofSeconds(3));
        return Database.pool(url, user(), password(), single);
    }

    /**
     * Statements the session of a {@link #singleConnection} pool has received ({@code Questions}), this query included:
     * what a test subtracts to count the round trips of the code under test.
     */
    public static long sessionQuestions(HikariDataSource singleConnectionPool) throws SQLException {
        try (Connection c = singleConnectionPool.getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SHOW SESSION STATUS LIKE 'Questions'")) {
            rs.next();
            return rs.getLong(2);
        }
    }

    private static Server server() {
        Server s = server;
        if (s == null) {
            synchronized (TestDatabase.class) {
                s = server;
                if (s == null) {
                    s = start();
                    server = s;
                }
            }
        }
        return s;
    }

    private static Server start() {
        String external = System.getenv("WARDDESK_DB_URL");
        if (external != null && !external.isBlank()) {
            // Keep the host and port, drop the database: every test class gets its own database there.
            String base = external.replaceFirst("^(jdbc:(?:mariadb|mysql)://[^/]+/).*$", "$1");
            if (!base.endsWith("/")) {
                base = base + "/";
            }
            return new Server(base, System.getenv().getOrDefault("WARDDESK_DB_USER", "root"),
                              System.getenv().getOrDefault("WARDDESK_DB_PASSWORD", ""));
        }
        Path dir = Path.of(System.getProperty("warddesk.test.dir", "target"), "test-mariadb");
        // -Dwarddesk.test.mariadb-args="--performance-schema=ON …": server options for a bench that inspects the server.
        java.util.List<String> extra = java.util.Arrays.stream(System.getProperty("warddesk.test.mariadb-args", "").split(" "))
                .filter(a -> !a.isBlank()).toList();
        EmbeddedMariaDb embedded = EmbeddedMariaDb.start(dir, 0, START_TIMEOUT, extra);
        Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "test-mariadb-stop"));
        return new Server("jdbc:mariadb://127.0.0.1:" + embedded.port() + "/", "root", "");
    }
}
