package vn.warddesk.bot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.warddesk.bot.catalog.CatalogException;
import vn.warddesk.bot.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A broken catalog stops start-up with one line naming the file, before the web server listens. */
class CatalogStartupTest {
    @TempDir
    Path dir;

    @Test
    void a_broken_seed_file_stops_start_up_naming_the_file() throws Exception {
        Path seed = Path.of("..", "config", "catalog");
        try (var files = Files.walk(seed)) {
            for (Path file : files.toList()) {
                Path target = dir.resolve(seed.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        Files.writeString(dir.resolve("procedures/birth_registration.yaml"), "id: birth_registration\nicon: [baby\n");
        String url = TestDatabase.createDatabase("t_catalog_start_" + ProcessHandle.current().pid());
        Map<String, String> values = new java.util.HashMap<>(Map.of(
                "server.port", "0", "server.host", "127.0.0.1",
                "db.url", url, "db.user", TestDatabase.user(), "db.password", TestDatabase.password(),
                "db.pool.size", "2", "db.pool.connect-timeout-ms", "1500",
                "catalog.dir", dir.toString()));
        values.putAll(Map.of("db.embedded.dir", "target/unused", "db.embedded.port", "0",
                             "db.embedded.database", "unused"));
        Config config = Config.just(ConfigSources.create(values));
        CatalogException error = assertThrows(CatalogException.class, () -> Main.start(config, "test"));
        assertTrue(error.getMessage().contains("birth_registration.yaml, line 2"), error.getMessage());
        assertTrue(error.getMessage().lines().count() == 1, error.getMessage());
    }
}
