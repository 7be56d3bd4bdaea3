package vn.warddesk.bot.observe;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogMaskTest {

    @Test
    void phone_numbers_in_every_common_form_are_masked() {
        for (String phone : List.of("0912345678", "0912 345 678", "0912.345.678", "+84 912 345 678", "84912345678",
                                    "091-234-5678")) {
            String masked = LogMask.mask("sđt của tôi là " + phone + " nhé");
            assertFalse(masked.matches(".*\\d{3}.*"), () -> "digits left in: " + masked);
            assertTrue(masked.contains("[phone]"), masked);
        }
    }

    @Test
    void citizen_id_numbers_of_12_and_9_digits_are_masked() {
        assertEquals("cccd [id] và cmnd [id]", LogMask.mask("cccd 001203004567 và cmnd 123456789"));
    }

    @Test
    void emails_and_known_names_are_masked_without_touching_other_text() {
        String masked = LogMask.mask("Chị Nguyễn Thị Ánh gửi từ anh.nguyen@example.vn lúc 9h",
                                     List.of("Nguyễn Thị Ánh"));
        assertEquals("Chị [name] gửi từ [email] lúc 9h", masked);
    }

    @Test
    void case_codes_and_short_numbers_stay_readable() {
        assertEquals("case PH-2026-1234567 step 3", LogMask.mask("case PH-2026-1234567 step 3"));
    }

    @Test
    void newlines_cannot_forge_extra_log_lines_and_long_text_is_bounded() {
        String masked = LogMask.mask("a\nlevel=ERROR fake\r\n" + "x".repeat(2000));
        assertFalse(masked.contains("\n"));
        assertTrue(masked.length() <= 501);
    }
}
