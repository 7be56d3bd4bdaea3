package vn.warddesk.bot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.helidon.config.Config;
import io.helidon.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.warddesk.bot.store.DbSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {
    private static final Path REPO_CONFIG = Path.of("..", "config", "application.yaml");

    @Test
    void environment_variables_override_keys_of_the_file() {
        Config config = ConfigLoader.load(Map.of("WARDDESK_CONFIG", REPO_CONFIG.toString(),
                                                 "WARDDESK_DB_URL", "jdbc:mariadb://db.example:3306/wd",
                                                 "WARDDESK_DB_POOL_CONNECT_TIMEOUT_MS", "1234",
                                                 "WARDDESK_SERVER_PORT", "9099")).config();
        DbSettings db = DbSettings.from(config.get("db"));
        assertEquals("jdbc:mariadb://db.example:3306/wd", db.url().orElseThrow());
        assertEquals(1234, db.connectTimeout().toMillis());
        assertEquals(9099, config.get("server.port").asInt().get());
    }

    @Test
    void without_overrides_the_repository_defaults_start_the_embedded_database() {
        Config config = ConfigLoader.load(Map.of("WARDDESK_CONFIG", REPO_CONFIG.toString())).config();
        assertTrue(DbSettings.from(config.get("db")).embedded());
    }

    @Test
    void the_packaged_copy_is_used_when_no_file_is_given() {
        // The test runs in bot/, which has no config/ folder: the copy on the classpath must answer.
        ConfigLoader.Loaded loaded = ConfigLoader.load(Map.of());
        assertTrue(loaded.origin().startsWith("classpath:"), loaded.origin());
        assertEquals(8080, loaded.config().get("server.port").asInt().get());
    }

    @Test
    void a_missing_key_names_the_key(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("application.yaml");
        Files.writeString(file, "db:\n  url: \"\"\n  embedded:\n    dir: var/x\n    port: 0\n    database: w\n");
        Config config = ConfigLoader.load(Map.of("WARDDESK_CONFIG", file.toString())).config();
        ConfigException error = assertThrows(ConfigException.class, () -> DbSettings.from(config.get("db")));
        assertTrue(error.getMessage().contains("db.pool.size"), error.getMessage());
    }

    @Test
    void a_malformed_value_names_the_key(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("application.yaml");
        Files.writeString(file, Files.readString(REPO_CONFIG).replace("size: 10", "size: ten"));
        Config config = ConfigLoader.load(Map.of("WARDDESK_CONFIG", file.toString())).config();
        ConfigException error = assertThrows(ConfigException.class, () -> DbSettings.from(config.get("db")));
        assertTrue(error.getMessage().contains("db.pool.size"), error.getMessage());
    }

    @Test
    void a_missing_config_file_is_named() {
        StartupFailure error = assertThrows(StartupFailure.class,
                                            () -> ConfigLoader.load(Map.of("WARDDESK_CONFIG", "/nonexistent/app.yaml")));
        assertTrue(error.getMessage().contains("/nonexistent/app.yaml"), error.getMessage());
    }

    @Test
    void environment_names_follow_the_documented_rule() {
        assertEquals("WARDDESK_DB_POOL_CONNECT_TIMEOUT_MS", ConfigLoader.environmentName("db.pool.connect-timeout-ms"));
    }
}
