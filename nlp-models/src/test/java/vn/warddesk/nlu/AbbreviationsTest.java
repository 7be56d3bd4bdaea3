package vn.warddesk.nlu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;

import org.junit.jupiter.api.Test;

class AbbreviationsTest {

    @Test
    void shipped_table_expands_the_common_teen_codes() {
        Abbreviations table = Abbreviations.SHIPPED;
        assertArrayEquals(new String[] {"đăng", "ký"}, table.expansion("dk"));
        assertArrayEquals(new String[] {"không"}, table.expansion("ko"));
        assertArrayEquals(new String[] {"không"}, table.expansion("hok"));
        assertArrayEquals(new String[] {"được"}, table.expansion("đc"));
        assertArrayEquals(new String[] {"gì"}, table.expansion("j"));
        assertArrayEquals(new String[] {"như", "thế", "nào"}, table.expansion("ntn"));
        assertArrayEquals(new String[] {"số", "điện", "thoại"}, table.expansion("sđt"));
        assertArrayEquals(new String[] {"giấy", "khai", "sinh"}, table.expansion("gks"));
        assertTrue(table.size() > 40);
    }

    @Test
    void the_look_up_from_chars_finds_exactly_the_table_entries() {
        Abbreviations table = Abbreviations.SHIPPED;
        for (String token : new String[] {"dk", "ko", "hok", "đc", "j", "ntn", "sđt", "gks"}) {
            char[] chars = ("  " + token + " ").toCharArray();
            int slot = table.find(chars, 2, 2 + token.length());
            assertTrue(slot >= 0, token);
            assertArrayEquals(table.expansion(token), table.parts(slot), token);
            // The same String.hashCode, other chars ("ko" and "lP": 31 * 'k' + 'o' == 31 * 'l' + 'P'): not an entry.
            char[] twin = token.toCharArray();
            if (twin.length == 2) {
                twin[0]++;
                twin[1] -= 31;
                assertTrue(new String(twin).hashCode() == token.hashCode() && table.expansion(new String(twin)) == null);
                assertTrue(table.find(twin, 0, 2) < 0, new String(twin));
            }
        }
        for (String other : new String[] {"không", "d", "dkk", "k", "", "thủ tục"}) {
            assertTrue(table.find(other.toCharArray(), 0, other.length()) < 0 == (table.expansion(other) == null), other);
        }
    }

    @Test
    void ambiguous_abbreviations_are_not_in_the_table() {
        for (String ambiguous : new String[] {"tt", "hk", "ck", "bn", "hong", "a", "e", "dt", "mot"}) {
            assertNull(Abbreviations.SHIPPED.expansion(ambiguous), ambiguous);
        }
    }

    @Test
    void a_line_without_a_reason_is_rejected_with_its_line_number() {
        String table = "# comment\nko\tkhông\tteen code\ndk\tđăng ký\n";
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Abbreviations.parse(new BufferedReader(new StringReader(table))));
        assertTrue(error.getMessage().contains("line 3"), error.getMessage());
    }

    @Test
    void duplicate_tokens_are_rejected() {
        String table = "ko\tkhông\tx\nKO\tkhông\ty\n";
        assertThrows(IllegalArgumentException.class, () -> Abbreviations.parse(new BufferedReader(new StringReader(table))));
    }
}
