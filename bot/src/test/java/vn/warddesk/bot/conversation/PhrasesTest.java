package vn.warddesk.bot.conversation;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhrasesTest {
    private static final List<String> FIELDS = List.of("contact_name", "phone", "preferred_day", "details");

    @Test
    void lead_ins_and_field_words_around_a_value_are_left_out_as_typed() {
        assertEquals("Lê Thị Mai", Phrases.withoutLeadIns("tên e là Lê Thị Mai, sđt "));
        assertEquals("Anna Schmidt", Phrases.withoutLeadIns("I'm Anna Schmidt, "));
        assertEquals("Laura Chen", Phrases.withoutLeadIns("My name is Laura Chen, phone "));
        assertEquals("Thomas Becker", Phrases.withoutLeadIns("sorry, my full name is Thomas Becker"));
        assertEquals("Nguyễn Thị Thu Hà", Phrases.withoutLeadIns("à nhầm, tên đúng là Nguyễn Thị Thu Hà"));
    }

    @Test
    void a_pronoun_that_opens_a_name_is_kept() {
        assertEquals("Minh Trần", Phrases.withoutLeadIns("Minh Trần"));
        assertEquals("Anh Tuấn", Phrases.withoutLeadIns("Anh Tuấn sđt"));
        assertEquals("Minh Trần", Phrases.withoutLeadIns("mình là Minh Trần"));
    }

    @Test
    void correction_markers_in_both_languages() {
        for (String marked : List.of("à nhầm, số đúng là 0987654312", "nham so roi", "sorry, my full name is X",
                                     "actually my number is 0912", "I meant Sarah", "sai rồi")) {
            assertTrue(Phrases.correction(Phrases.fold(marked)), marked);
        }
        assertFalse(Phrases.correction(Phrases.fold("thứ 2 tuần sau")));
    }

    @Test
    void so_alone_names_the_phone_only_in_a_short_line() {
        assertEquals(Optional.of("phone"), Phrases.field(Phrases.fold("sai số rồi"), FIELDS));
        assertEquals(Optional.empty(), Phrases.field(Phrases.fold("cần sửa số CCCD trong giấy khai sinh của con"), FIELDS));
        assertEquals(Optional.empty(), Phrases.field(Phrases.fold("sửa hồ sơ"), FIELDS));
    }
}
