package vn.warddesk.bot.conversation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ValueFrameTest {
    @Test
    void lead_ins_and_field_words_around_a_value_are_left_out_as_typed() {
        assertEquals("Lê Thị Mai", ValueFrame.withoutLeadIns("tên e là Lê Thị Mai, sđt "));
        assertEquals("Anna Schmidt", ValueFrame.withoutLeadIns("I'm Anna Schmidt, "));
        assertEquals("Laura Chen", ValueFrame.withoutLeadIns("My name is Laura Chen, phone "));
        assertEquals("Thomas Becker", ValueFrame.withoutLeadIns("sorry, my full name is Thomas Becker"));
        assertEquals("Nguyễn Thị Thu Hà", ValueFrame.withoutLeadIns("à nhầm, tên đúng là Nguyễn Thị Thu Hà"));
    }

    @Test
    void a_pronoun_that_opens_a_name_is_kept() {
        assertEquals("Minh Trần", ValueFrame.withoutLeadIns("Minh Trần"));
        assertEquals("Anh Tuấn", ValueFrame.withoutLeadIns("Anh Tuấn sđt"));
        assertEquals("Minh Trần", ValueFrame.withoutLeadIns("mình là Minh Trần"));
    }

    @Test
    void a_remark_that_the_value_was_mistyped_is_not_part_of_it() {
        assertEquals("Phạm Ngọc Hằng", ValueFrame.withoutLeadIns("xin lỗi tên em là Phạm Ngọc Hằng, gõ sai"));
        assertEquals("Trần Văn Hùng", ValueFrame.withoutLeadIns("em gõ nhầm, tên đúng là Trần Văn Hùng"));
        assertEquals("Thomas Becker", ValueFrame.withoutLeadIns("Thomas Becker, sorry typo"));
        assertEquals("Nguyễn Văn Nhâm", ValueFrame.withoutLeadIns("Nguyễn Văn Nhâm")); // a name, not "nhầm"
    }
}
