package vn.warddesk.bot;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.helidon.config.Config;
import org.junit.jupiter.api.Test;

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
}
