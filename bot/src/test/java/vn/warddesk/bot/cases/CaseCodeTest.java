package vn.warddesk.bot.cases;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaseCodeTest {

    @Test
    void generated_codes_have_the_agreed_shape_and_pass_their_own_check() {
        Random random = new Random(7);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String code = CaseCode.generate("PH", 2026, random);
            assertTrue(code.matches("PH-2026-\\d{7}"), code);
            assertEquals(code, CaseCode.normalize(code).orElseThrow());
            seen.add(code);
        }
        assertTrue(seen.size() > 490, "random part, not a sequence");
    }

    @Test
    void a_single_mistyped_digit_or_swapped_neighbours_are_rejected() {
        String code = CaseCode.generate("PH", 2026, new Random(11));
        String number = code.substring(8);
        for (int i = 0; i < 7; i++) {
            char wrong = (char) ('0' + (number.charAt(i) - '0' + 1) % 10);
            String typo = code.substring(0, 8 + i) + wrong + code.substring(9 + i);
            assertFalse(CaseCode.normalize(typo).isPresent(), typo);
        }
        for (int i = 0; i < 6; i++) {
            if (number.charAt(i) != number.charAt(i + 1)) {
                char[] swapped = number.toCharArray();
                swapped[i] = number.charAt(i + 1);
                swapped[i + 1] = number.charAt(i);
                String s = code.substring(0, 8) + new String(swapped);
                assertFalse(CaseCode.normalize(s).isPresent(), s);
            }
        }
    }

    @Test
    void typed_variants_are_normalised_and_garbage_is_refused() {
        String code = CaseCode.generate("PH", 2026, new Random(3));
        String loose = code.toLowerCase().replace("-", " ");
        assertEquals(code, CaseCode.normalize(loose).orElseThrow());
        assertFalse(CaseCode.normalize("PH-2026-12345").isPresent());
        assertFalse(CaseCode.normalize("'; DROP TABLE case_file; --").isPresent());
        assertFalse(CaseCode.normalize(null).isPresent());
    }

    @Test
    void the_check_digit_is_luhn() {
        // 7992739871 is the textbook Luhn example with check digit 3; our payload is 6 digits, so check a known one.
        assertEquals(3, CaseCode.checkDigit("7992739871"));
    }
}
