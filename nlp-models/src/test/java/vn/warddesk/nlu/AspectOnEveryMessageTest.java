package vn.warddesk.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The aspect model runs on every message (issue 13, point 3): follow-up questions that name no procedure. */
class AspectOnEveryMessageTest {

    private static final Nlu NLU = Nlu.shipped();
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    private static Understanding understand(String text) {
        return NLU.understand(text, Locale.forLanguageTag("vi"), TODAY);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            fee             | thế lệ phí hết bao nhiêu ạ
            fee             | phi bn vay
            fee             | how much will it cost me?
            processing_time | vậy mất bao lâu mới xong
            processing_time | mat bao lau vay ad
            processing_time | how long does that take?
            documents       | thế cần mang những gì ạ
            documents       | can mang nhung j vay
            documents       | what should I bring?
            online          | có làm online được không ad
            online          | lam online duoc ko ad
            online          | can I do that online?
            eligibility     | ai được đi làm vậy
            eligibility     | nguoi khac lam thay duoc ko
            """)
    void a_question_about_an_aspect_without_a_procedure_is_aspect_only_with_that_aspect(String aspect, String text) {
        Understanding result = understand(text);
        assertTrue(result.aspectOnly(), () -> text + " -> " + result.intent());
        assertEquals(Optional.of(aspect), result.aspect(), text);
        assertTrue(result.aspectConfidence() > 0, text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            nộp online được không ạ
            lam tren mang dc ko
            co mat phi khong
            có cần mang căn cước không
            """)
    void khong_as_a_question_particle_is_not_a_no(String text) {
        assertNotEquals("deny", understand(text).intent(), text);
    }

    @Test
    void a_plain_no_is_still_a_no_without_an_aspect() {
        for (String text : new String[] {"không", "ko", "khong a"}) {
            Understanding result = understand(text);
            assertEquals("deny", result.intent(), text);
            assertTrue(result.aspect().isEmpty(), text);
        }
    }

    @Test
    void a_dialogue_act_carrying_an_aspect_question_gets_the_aspect() {
        // "cảm ơn, mà lệ phí bao nhiêu?" mixes thanks with a fee question: whatever the intent, the fee must not be lost.
        Understanding result = understand("cảm ơn ad, mà lệ phí bao nhiêu vậy");
        assertEquals(Optional.of("fee"), result.aspect(), result.intent());
    }

    @Test
    void a_procedure_keeps_an_aspect_and_names_its_procedure() {
        Understanding result = understand("lệ phí đăng ký khai tử bao nhiêu");
        assertEquals("death_registration", result.intent());
        assertEquals(Optional.of("fee"), result.aspect());
        assertTrue(!result.aspectOnly());
    }

    @Test
    void a_dialogue_act_gets_an_aspect_only_at_or_above_the_aspect_threshold() {
        String text = "cảm ơn ad, mà lệ phí bao nhiêu vậy";
        Understanding lax = Nlu.shipped(new NluSettings(0.6, 0.1, NluSettings.DEFAULT_CASE_CODE, 0.0))
                .understand(text, Locale.ROOT, TODAY);
        Understanding strict = Nlu.shipped(new NluSettings(0.6, 0.1, NluSettings.DEFAULT_CASE_CODE, 1.0))
                .understand(text, Locale.ROOT, TODAY);
        assertEquals("thanks", lax.intent());
        assertEquals(Optional.of("fee"), lax.aspect());
        assertEquals("thanks", strict.intent());
        assertTrue(strict.aspect().isEmpty());
        assertEquals(0.0, strict.aspectConfidence());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            mất bao lâu vậy, cái giấy khai sinh ấy
            phi bn, chung thuc chu ky
            how long does the land title take
            """)
    void a_message_naming_a_procedure_is_never_aspect_only(String text) {
        Understanding result = understand(text);
        assertTrue(!result.aspectOnly(), () -> text + " -> " + result.intent());
        assertTrue(result.alternatives().stream().noneMatch(c -> c.intent().equals(Understanding.ASPECT_ONLY)), text);
    }
}
