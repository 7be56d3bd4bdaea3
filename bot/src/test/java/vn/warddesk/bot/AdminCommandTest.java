package vn.warddesk.bot;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminCommandTest {
    @Test
    void options_are_read_in_both_spellings() {
        Map<String, String> options = Admin.options(List.of("--ward", "demo-hoa-an", "--username=admin"));
        assertEquals("demo-hoa-an", options.get("ward"));
        assertEquals("admin", options.get("username"));
    }

    @Test
    void a_missing_value_is_a_clear_usage_error_and_help_lists_create_admin() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Admin.run(List.of("create-admin", "--ward", "demo-hoa-an"), Config.empty(), System.out));
        assertTrue(missing.getMessage().contains("--username"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Admin.options(List.of("--ward")));
        ByteArrayOutputStream help = new ByteArrayOutputStream();
        assertEquals(0, Admin.run(List.of("help"), Config.empty(), new PrintStream(help, true, StandardCharsets.UTF_8)));
        assertTrue(help.toString(StandardCharsets.UTF_8).contains("create-admin"), "usage lists the commands");
    }

    @Test
    void ward_add_list_disable_and_enable_change_the_registry() {
        String url = TestDatabase.createDatabase("t_admin_ward_" + ProcessHandle.current().pid());
        Config config = Config.just(ConfigSources.create(Map.of(
                "db.url", url, "db.user", TestDatabase.user(), "db.password", TestDatabase.password(),
                "db.pool.size", "2", "db.pool.connect-timeout-ms", "3000", "db.embedded.dir", "unused",
                "db.embedded.port", "0", "db.embedded.database", "unused")));

        assertEquals(0, Admin.run(List.of("ward", "add", "--id", "demo-son-tra", "--province", "demo-quang-ngai",
                                          "--name-vi", "Phường Sơn Trà (DEMO)", "--name-en", "Son Tra Ward (DEMO)",
                                          "--province-name-vi", "Tỉnh Quảng Ngãi (DEMO)",
                                          "--province-name-en", "Quang Ngai Province (DEMO)"), config, System.out));
        assertTrue(run(config, "ward", "list").contains("demo-son-tra  demo-quang-ngai  served"));
        assertTrue(run(config, "ward", "disable", "--id", "demo-son-tra").contains("disabled"));
        assertTrue(run(config, "ward", "list").contains("demo-son-tra  demo-quang-ngai  DISABLED"));
        assertTrue(run(config, "ward", "enable", "--id", "demo-son-tra").contains("served again"));

        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> Admin.run(List.of(
                "ward", "add", "--id", "demo-son-tra", "--province", "demo-quang-ngai", "--name-vi", "x",
                "--name-en", "x"), config, System.out));
        assertTrue(twice.getMessage().contains("exists already"), twice.getMessage());
        assertThrows(IllegalArgumentException.class,
                     () -> Admin.run(List.of("ward", "disable", "--id", "no-such-ward"), config, System.out));
        assertThrows(IllegalArgumentException.class, () -> Admin.run(List.of(
                "ward", "add", "--id", "Bad Id", "--province", "demo-da-nang", "--name-vi", "x", "--name-en", "x"),
                config, System.out));
    }

    private static String run(Config config, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, Admin.run(List.of(args), config, new PrintStream(out, true, StandardCharsets.UTF_8)));
        return out.toString(StandardCharsets.UTF_8);
    }
}
