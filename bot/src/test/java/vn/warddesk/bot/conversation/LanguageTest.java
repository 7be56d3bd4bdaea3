package vn.warddesk.bot.conversation;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.warddesk.bot.catalog.Lang;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LanguageTest {

    @Test
    void vietnamese_letters_english_sentences_and_unaccented_vietnamese_are_told_apart() {
        assertEquals(Optional.of(Lang.VI), Language.guess("đăng ký khai sinh"));
        assertEquals(Optional.of(Lang.EN), Language.guess("What documents do I need to register a birth?"));
        assertEquals(Optional.of(Lang.EN), Language.guess("Hello"));
        assertEquals(Optional.of(Lang.VI), Language.guess("dang ky khai sinh can giay to gi"));
        assertEquals(Optional.of(Lang.VI), Language.guess("xin chao"));
        assertEquals(Optional.empty(), Language.guess("ok"));
        assertEquals(Optional.empty(), Language.guess("0912345678"));
    }
}
