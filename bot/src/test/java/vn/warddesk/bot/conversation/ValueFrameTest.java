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

    @Test
    void the_old_value_named_after_the_new_one_is_not_part_of_it() {
        assertEquals("Davide Tran", ValueFrame.withoutLeadIns("sorry, my name is Davide Tran, not David"));
        assertEquals("Lê Thị Hoà", ValueFrame.withoutLeadIns("nhầm, tên là Lê Thị Hoà chứ không phải Hoa"));
        assertEquals("0987654312", ValueFrame.withoutLeadIns("à sđt là 0987654312 ko phải 0978654312"));
        assertEquals("Anna Smith", ValueFrame.withoutLeadIns("Anna Smith instead of Anna Smyth"));
        assertEquals("Nguyễn Văn Không", ValueFrame.withoutLeadIns("Nguyễn Văn Không")); // a name, not a negation
    }
}
