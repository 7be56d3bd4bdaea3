package vn.warddesk.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

class BadInputTest {

    private static final Nlu NLU = Nlu.shipped();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    private static Understanding understand(String text) {
        return assertTimeoutPreemptively(Duration.ofSeconds(2), () -> NLU.understand(text, Locale.ROOT, TODAY));
    }

    private static void assertWellFormed(Understanding result) {
        assertNotNull(result.intent());
        assertNotNull(result.aspect());
        assertTrue(result.confidence() >= 0 && result.confidence() <= 1);
        assertTrue(result.alternatives().size() >= 2);
        assertEquals(result.intent(), result.alternatives().get(0).intent());
        assertNotNull(result.entities());
    }

    private static void assertCertainlyOutOfScope(Understanding result) {
        assertWellFormed(result);
        assertEquals("out_of_scope", result.intent());
        assertTrue(result.confidence() >= 0.99);
        assertTrue(result.aspect().isEmpty());
    }

    @Test
    void empty_and_blank_text_is_out_of_scope() {
        assertCertainlyOutOfScope(understand(""));
        assertCertainlyOutOfScope(understand("   \n\t "));
        assertCertainlyOutOfScope(NLU.understand(null, null, null));
    }

    @Test
    void emoji_only_is_out_of_scope() {
        assertCertainlyOutOfScope(understand("😀🙏👍🏻❤️"));
    }

    @Test
    void control_characters_only_are_out_of_scope() {
        assertCertainlyOutOfScope(understand("\u0000\u0001\u0007\u001b\u007f\u200b\u0085\r\n"));
    }

    @Test
    void lone_surrogates_do_not_break_understanding() {
        assertCertainlyOutOfScope(understand("\uD800\uDC00\uDC00\uD83D"));
        Understanding mixed = understand("đăng ký \uD800 khai sinh \uDFFF cho con");
        assertWellFormed(mixed);
        assertEquals("birth_registration", mixed.intent());
    }

    @Test
    void ten_thousand_characters_are_handled_in_bounded_time() {
        String huge = "Cho em hỏi đăng ký khai sinh cần gì 0912345678 ".repeat(250).substring(0, 10_000);
        Understanding result = understand(huge);
        assertWellFormed(result);
        assertTrue(result.entities().size() <= EntityExtractor.MAX_CHARS);
        long started = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            NLU.understand(huge, Locale.ROOT, TODAY);
        }
        assertTrue((System.nanoTime() - started) / 20 < 50_000_000L, "a huge message takes under 50 ms");
    }

    @Test
    void inputs_built_to_make_regular_expressions_backtrack_stay_fast() {
        String[] attacks = {"a@" + "b.".repeat(5000) + "!", "a@".repeat(5000), "ngay 1 thang ".repeat(1000), "1/".repeat(5000),
                "+84 ".repeat(3000), "9h ".repeat(3000), "a.".repeat(5000) + "@x.com"};
        for (String attack : attacks) {
            long started = System.nanoTime();
            assertWellFormed(understand(attack));
            assertTrue(System.nanoTime() - started < 1_000_000_000L, "pathological input handled in under a second");
        }
    }

    @Test
    void mixed_scripts_give_a_well_formed_answer() {
        assertWellFormed(understand("Привет 你好 مرحبا こんにちは khai sinh"));
        assertWellFormed(understand("日本語だけのメッセージ"));
    }

    @Test
    void random_garbage_never_throws() {
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            char[] chars = new char[random.nextInt(200)];
            for (int k = 0; k < chars.length; k++) {
                chars[k] = (char) random.nextInt(Character.MAX_VALUE + 1);
            }
            assertWellFormed(NLU.understand(new String(chars), Locale.ROOT, TODAY));
        }
    }

    @Test
    void digits_only_is_out_of_scope_but_keeps_the_entity() {
        Understanding result = understand("0912345678");
        assertCertainlyOutOfScope(result);
        assertEquals(EntityType.PHONE, result.entities().get(0).type());
    }
}
