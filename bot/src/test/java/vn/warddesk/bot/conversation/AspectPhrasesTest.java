package vn.warddesk.bot.conversation;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AspectPhrasesTest {
    private static Optional<String> aspect(String text) {
        return AspectPhrases.in(Folding.fold(text)).map(AspectPhrases.Found::aspect);
    }

    @Test
    void the_deadline_to_register_is_eligibility_not_the_processing_time() {
        for (String deadline : List.of("khai tử phải đi đăng ký trong vòng mấy ngày", "phai nop trong bao lau vay ad",
                                       "how long do we have to register the birth?", "what's the deadline",
                                       "within how many days must we file")) {
            assertEquals(Optional.of("eligibility"), aspect(deadline), deadline);
        }
    }

    @Test
    void whether_one_must_register_at_all_is_eligibility_but_registering_online_is_not() {
        assertEquals(Optional.of("eligibility"), aspect("mở tiệm nail nhỏ ở nhà có phải đăng ký không"));
        assertEquals(Optional.of("eligibility"), aspect("do we even need to register a small stall?"));
        assertEquals(Optional.empty(), aspect("có phải đăng ký online không"));
        assertEquals(Optional.empty(), aspect("do I need to register online or in person"));
        assertEquals(Optional.empty(), aspect("What documents do we need to register our marriage?"));
        assertEquals(Optional.empty(), aspect("What do I need to register my baby's birth?"));
    }

    @Test
    void whether_someone_may_receive_a_benefit_is_eligibility_but_how_much_or_how_soon_is_not() {
        for (String may : List.of("ông ngoại em 85 tuổi có được nhận trợ cấp hàng tháng không ạ",
                                  "me don than co dc huong tro cap ko", "can my grandmother get the monthly allowance?")) {
            assertEquals(Optional.of("eligibility"), aspect(may), may);
        }
        for (String not : List.of("được nhận bao nhiêu tiền một tháng", "bao lâu thì được nhận trợ cấp",
                                  "có được nhận kết quả qua bưu điện không", "can he get it online?",
                                  "how much can she get")) {
            assertEquals(Optional.empty(), aspect(not), not);
        }
    }

    @Test
    void how_long_a_paper_stays_valid_is_the_overview() {
        for (String validity : List.of("giấy xác nhận có giá trị bao lâu", "giay nay co han den khi nao",
                                       "how long is the certificate valid", "does it expire")) {
            assertEquals(Optional.of("general"), aspect(validity), validity);
        }
    }

    @Test
    void original_or_copy_is_the_papers_and_the_rest_of_the_line_is_kept() {
        assertEquals(Optional.of("documents"), aspect("giấy kết hôn mang bản chính hay bản photo"));
        assertEquals(Optional.of("documents"), aspect("do I bring the original or a copy"));
        Optional<AspectPhrases.Found> found = AspectPhrases.in(Folding.fold("khai tử thì bản gốc hay bản sao"));
        assertTrue(found.isPresent());
        assertEquals("khai tu thi", found.get().rest());
    }

    @Test
    void how_long_the_office_takes_and_waiting_are_not_these_shapes() {
        for (String other : List.of("mất bao lâu", "bao lâu thì có kết quả", "có phải chờ trong bao lâu không",
                                    "how many days does it take", "chứng thực bản sao hết bao nhiêu tiền")) {
            assertEquals(Optional.empty(), aspect(other), other);
        }
    }
}
