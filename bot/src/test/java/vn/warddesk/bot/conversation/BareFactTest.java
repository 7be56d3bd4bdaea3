package vn.warddesk.bot.conversation;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BareFactTest {
    @Test
    void a_short_statement_about_a_person_or_an_age_is_a_fact() {
        for (String line : List.of("she is 80 actually", "tui 70 tuoi roi", "con tôi sinh ở bệnh viện tư",
                                   "I'm not a resident here", "bà em năm nay 85 tuổi rồi", "chồng em là người nước ngoài",
                                   "à mẹ em bị khuyết tật nặng", "80 tuổi rồi ạ", "my husband is away working abroad",
                                   "bọn em ở trọ, quê ở Nghệ An", "I am not married to his father",
                                   "thằng bé sinh ở bệnh viện tỉnh khác", "be nha e sinh o benh vien tinh, nha e o xa khac",
                                   "the baby was born at home", "bé nhà em sinh ở bệnh viện huyện",
                                   "be sinh o benh vien tinh, nha e o xa khac", "the baby was born at the district hospital")) {
            assertTrue(BareFact.told(Folding.fold(line)), line);
        }
    }

    @Test
    void a_count_of_pages_or_copies_is_a_fact_too() {
        for (String line : List.of("giấy tờ của em 5 trang", "so hong cua e dai 7 trang", "my contract has 9 pages",
                                   "bằng tốt nghiệp có hai trang thôi")) {
            assertTrue(BareFact.told(Folding.fold(line)), line);
            assertTrue(BareFact.counts(Folding.fold(line)), line);
        }
        assertFalse(BareFact.counts(Folding.fold("mất 5 ngày")));
        assertFalse(BareFact.told(Folding.fold("5 trang thì bao nhiêu tiền")), "a question");
        assertFalse(BareFact.told(Folding.fold("phí nhiêu 1 bản")), "a count beside a price word asks the price");
    }

    @Test
    void a_question_a_wish_a_request_or_a_long_story_is_not() {
        for (String line : List.of("she is 80, can she get it?", "mẹ em 80 tuổi có được không", "em muốn đăng ký kết hôn",
                                   "I need a copy of our marriage certificate", "cho em đặt lịch", "phí bao nhiêu",
                                   "ok", "Lê Thị Mai", "how long does it take",
                                   "em mới sinh em bé được hai tuần mà chồng em đi làm xa nên em phải đi một mình"
                                   + " với bà ngoại của bé")) {
            assertFalse(BareFact.told(Folding.fold(line)), line);
        }
    }
}
