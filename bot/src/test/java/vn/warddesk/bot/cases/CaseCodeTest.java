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
            assertTrue(code.matches("PH-2026-\\d{7}-\\d{7}"), code);
            assertEquals(code, CaseCode.normalize(code).orElseThrow());
            seen.add(code);
        }
        assertTrue(seen.size() > 490, "random part, not a sequence");
    }

    @Test
    void a_single_mistyped_digit_or_swapped_neighbours_are_rejected() {
        String code = CaseCode.generate("PH", 2026, new Random(11));
        String number = code.substring(8).replace("-", "");
        for (int i = 0; i < 14; i++) {
            char wrong = (char) ('0' + (number.charAt(i) - '0' + 1) % 10);
            String typo = "PH-2026-" + number.substring(0, i) + wrong + number.substring(i + 1);
            assertFalse(CaseCode.normalize(typo).isPresent(), typo);
        }
        for (int i = 0; i < 13; i++) {
            // Luhn misses only the 0<->9 swap.
            if (number.charAt(i) != number.charAt(i + 1) && !Set.of("09", "90").contains(number.substring(i, i + 2))) {
                char[] swapped = number.toCharArray();
                swapped[i] = number.charAt(i + 1);
                swapped[i + 1] = number.charAt(i);
                String s = "PH-2026-" + new String(swapped);
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
    void codes_issued_before_the_longer_format_are_still_read() {
        String old = "PH-2026-" + "482130" + CaseCode.checkDigit("482130");
        assertEquals(old, CaseCode.normalize(old.toLowerCase()).orElseThrow());
    }

    @Test
    void a_code_carries_at_least_forty_bits_of_randomness() {
        // 13 random decimal digits: log2(10^13) = 43.2 bits.
        String code = CaseCode.generate("PH", 2026, new Random(5));
        int randomDigits = code.substring(8).replace("-", "").length() - 1;
        assertTrue(randomDigits * Math.log(10) / Math.log(2) >= 40, code);
    }

    @Test
    void the_check_digit_is_luhn() {
        // 7992739871 is the textbook Luhn example with check digit 3; our payload is 6 digits, so check a known one.
        assertEquals(3, CaseCode.checkDigit("7992739871"));
    }
}
