package vn.warddesk.bot;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminCommandTest {
    @Test
    void options_are_read_in_both_spellings() {
        Map<String, String> options = Admin.options(new String[] {"create-admin", "--ward", "demo-hoa-an", "--username=admin"});
        assertEquals("demo-hoa-an", options.get("ward"));
        assertEquals("admin", options.get("username"));
    }

    @Test
    void a_missing_value_or_unknown_command_is_a_clear_usage_error() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                                                        () -> Admin.run(new String[] {"create-admin", "--ward", "demo-hoa-an"}));
        assertTrue(missing.getMessage().contains("--username"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Admin.options(new String[] {"create-admin", "--ward"}));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Admin.run(new String[] {"launch"}));
        assertTrue(unknown.getMessage().contains("create-admin"), "usage lists the commands");
    }
}
