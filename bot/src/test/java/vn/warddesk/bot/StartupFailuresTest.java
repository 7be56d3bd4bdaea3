package vn.warddesk.bot;

import java.net.ServerSocket;
import java.util.Map;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.store.StoreException;
import vn.warddesk.bot.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each start-up fault ends with one line saying what and where, not a stack trace wall. */
class StartupFailuresTest {

    private static Config config(Map<String, String> values) {
        Map<String, String> all = new java.util.HashMap<>(Map.of(
                "server.port", "0", "server.host", "127.0.0.1",
                "db.user", TestDatabase.user(), "db.password", TestDatabase.password(),
                "db.embedded.dir", "target/unused", "db.embedded.port", "0", "db.embedded.database", "unused",
                "db.pool.size", "2", "db.pool.connect-timeout-ms", "1500"));
        all.putAll(values);
        return Config.just(ConfigSources.create(all));
    }

    @Test
    void a_url_that_is_not_mariadb_is_rejected_with_the_key_named() {
        StoreException error = assertThrows(StoreException.class,
                () -> Main.start(config(Map.of("db.url", "postgres://x/y")), "test"));
        assertTrue(error.getMessage().contains("WARDDESK_DB_URL"), error.getMessage());
    }

    @Test
    void an_unreachable_database_is_reported_with_its_redacted_url() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        StoreException error = assertThrows(StoreException.class, () -> Main.start(
                config(Map.of("db.url", "jdbc:mariadb://127.0.0.1:" + closedPort + "/wd?password=secret")), "test"));
        assertTrue(error.getMessage().startsWith("cannot connect to the database at jdbc:mariadb://127.0.0.1:" + closedPort),
                   error.getMessage());
        assertTrue(!error.getMessage().contains("secret"), "password must not be printed");
    }

    @Test
    void a_ward_text_override_with_changed_placeholders_stops_the_start_naming_file_and_key() throws Exception {
        java.nio.file.Path wards = java.nio.file.Files.createTempDirectory("wards");
        java.nio.file.Path ward = java.nio.file.Files.createDirectories(wards.resolve("phuong-x"));
        java.nio.file.Files.writeString(ward.resolve("messages_vi.properties"), "case.resolved=Xong hồ sơ rồi.\n");
        String url = TestDatabase.createDatabase("t_texts_" + ProcessHandle.current().pid());
        StartupFailure error = assertThrows(StartupFailure.class, () -> Main.start(
                config(Map.of("db.url", url, "catalog.wards-dir", wards.toString())), "test"));
        assertTrue(error.getMessage().contains(ward.resolve("messages_vi.properties").toString()), error.getMessage());
        assertTrue(error.getMessage().contains("'case.resolved' must use the placeholders {code}, found none"),
                   error.getMessage());
    }

    @Test
    void a_port_already_in_use_is_named() throws Exception {
        String url = TestDatabase.createDatabase("t_port_" + ProcessHandle.current().pid());
        try (ServerSocket busy = new ServerSocket(0)) {
            StartupFailure error = assertThrows(StartupFailure.class, () -> Main.start(
                    config(Map.of("db.url", url, "server.port", String.valueOf(busy.getLocalPort()),
                                  "server.host", "0.0.0.0")), "test"));
            assertTrue(error.getMessage().contains("port " + busy.getLocalPort() + " is already in use"),
                       error.getMessage());
        }
    }
}
