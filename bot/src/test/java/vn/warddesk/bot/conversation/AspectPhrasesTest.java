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
                                  "how much can she get", "going back to the birth record copies, can I get them the same day?")) {
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

    @Test
    void how_early_before_it_runs_out_and_whether_another_person_must_agree_are_eligibility() {
        for (String asked : List.of("tạm trú sắp hết hạn, muốn gia hạn thì phải làm trước bao nhiêu ngày",
                                    "gia han truoc may ngay", "how many days before it expires do I apply",
                                    "con tôi 10 tuổi muốn đổi tên thì có cần cháu đồng ý không",
                                    "co can chu nha dong y ko", "does my son need to agree to the new name?",
                                    "do we need the landlord's permission", "can my wife file it or do I have to go myself")) {
            assertEquals(Optional.of("eligibility"), aspect(asked), asked);
        }
        for (String not : List.of("có cần tôi đồng ý không", "trước 11 giờ có làm không", "do you need my consent",
                                  "can my landlord do it online for me")) {
            assertEquals(Optional.empty(), aspect(not), not);
        }
    }

    @Test
    void cheaper_online_is_the_fee_and_on_the_phone_is_online() {
        for (String fee : List.of("nop online thi re hon phai ko", "vay nop online thi re hon ha",
                                  "is it cheaper if I do it online?", "làm trên vneid có rẻ hơn không")) {
            assertEquals(Optional.of("fee"), aspect(fee), fee);
        }
        for (String online : List.of("cai do lam tren dien thoai dc ha", "làm qua điện thoại được không",
                                     "can I just do it on my phone instead of going there", "can I do it from home")) {
            assertEquals(Optional.of("online"), aspect(online), online);
        }
        for (String not : List.of("số điện thoại của phường là gì", "can you call me on my phone", "làm online được không",
                                  "online thì mất bao lâu")) {
            assertEquals(Optional.empty(), aspect(not), not);
        }
    }

    @Test
    void how_long_it_is_good_for_is_the_overview_and_how_long_it_takes_is_not() {
        for (String validity : List.of("once registered how long is it good for", "how long does the registration last",
                                       "giấy đó dùng được bao lâu")) {
            assertEquals(Optional.of("general"), aspect(validity), validity);
        }
        assertEquals(Optional.empty(), aspect("how long does it take"));
    }

    @Test
    void a_proof_a_formality_or_a_lost_paper_is_the_papers() {
        for (String papers : List.of("Có bắt buộc phải xét nghiệm ADN không ạ", "do I need the original legalised first?",
                                     "the giay chung sinh o benh vien e lam mat roi thi sao",
                                     "what if we lost the paper the hospital gave us?", "em bị mất giấy khai sinh bản gốc rồi")) {
            assertEquals(Optional.of("documents"), aspect(papers), papers);
        }
        for (String not : List.of("làm mất bao lâu", "lam mat may ngay vay", "I lost my certificate, how long to get a new one?",
                                  "ba e mat roi", "who can be a guardian for an adult who lost mental capacity",
                                  "thông tin của em có bị mật không")) {
            assertEquals(Optional.empty(), aspect(not), not);
        }
    }

    @Test
    void a_count_of_days_or_months_after_the_verb_of_paying_asks_the_time_unless_money_is_named() {
        for (String time : List.of("ton may thang", "tốn bao nhiêu ngày vậy ad", "tốn khoảng mấy tuần", "het may bua")) {
            assertEquals(Optional.of("processing_time"), aspect(time), time);
        }
        assertEquals(Optional.empty(), aspect("tốn bao nhiêu tiền"));
        assertEquals(Optional.empty(), aspect("tốn mấy ngày công với phí bao nhiêu"), "money named beside it");
    }

    @Test
    void an_amount_of_time_asked_like_an_amount_of_money_is_the_time_unless_money_is_named() {
        for (String time : List.of("And how much time it will take?", "in how much time we will get the paper",
                                   "ok and how much days it takes", "what is the time required for getting them?",
                                   "time taken for the same?")) {
            assertEquals(Optional.of("processing_time"), aspect(time), time);
        }
        assertEquals(Optional.empty(), aspect("how much time and how much fee"), "money named beside it");
        assertEquals(Optional.empty(), aspect("how much will it cost"));
        assertEquals(Optional.of("eligibility"), aspect("how much time do we have to register the death?"),
                     "the deadline, as before");
    }

    @Test
    void a_lone_price_word_is_the_fee_but_not_inside_a_longer_line() {
        for (String fee : List.of("gia", "giá?", "chi phí sao", "price?", "the cost")) {
            assertEquals(Optional.of("fee"), aspect(fee), fee);
        }
        assertEquals(Optional.empty(), aspect("gia đình em ở quê"));
        assertEquals(Optional.empty(), aspect("ông bà già rồi"));
    }

    @Test
    void what_to_bring_or_prepare_closing_the_line_asks_the_papers_also_in_central_speech() {
        for (String papers : List.of("cháu nội tôi mới sinh làm giấy khai sinh cần gì",
                                     "tui muốn chứng thực chữ ký thì mang chi theo",
                                     "gio toi muon sang ten so do qua ten minh thi phai lam giay to gi",
                                     "chuẩn bị những gì ạ", "hồ sơ gồm giấy nào vậy ad")) {
            assertEquals(Optional.of("documents"), aspect(papers), papers);
        }
        assertEquals(Optional.empty(), aspect("không cần gì cả"), "a negation is no question");
        assertEquals(Optional.empty(), aspect("giấy tờ gì, phí bao nhiêu"), "two aspects: the clauses answer both");
        assertEquals(Optional.empty(), aspect("cần gì phải lên phường, làm online không được à"));
    }

    @Test
    void whether_both_must_come_is_eligibility_but_where_or_what_they_bring_is_not() {
        for (String both : List.of("vậy hai vợ chồng đều phải lên phường hả", "ca hai nguoi phai co mat a",
                                   "do both of us need to be there")) {
            assertEquals(Optional.of("eligibility"), aspect(both), both);
        }
        assertEquals(Optional.empty(), aspect("cả 2 phải đi đâu"));
        assertEquals(Optional.of("documents"), aspect("cả hai phải mang giấy gì"));
    }

    @Test
    void whether_it_is_still_in_time_is_the_deadline_not_the_hours() {
        for (String late : List.of("con tôi sinh 3 tháng rồi giờ làm còn kịp không", "de lau roi bay gio di dk con dc ko",
                                   "is it too late to register it now?", "qua han roi thi sao")) {
            assertEquals(Optional.of("eligibility"), aspect(late), late);
        }
        assertEquals(Optional.empty(), aspect("chiều nay ra phường còn kịp không"));
        assertEquals(Optional.empty(), aspect("trễ hạn thì có bị phạt không"), "a fine is the fee's, not the deadline's");
        assertEquals(Optional.empty(), aspect("is the office still open now"));
    }

    @Test
    void how_much_a_month_is_the_amount_not_the_time() {
        for (String amount : List.of("mỗi tháng được nhận bao nhiêu", "1 thang dc bn vay", "how much is it per month")) {
            assertEquals(Optional.of("fee"), aspect(amount), amount);
        }
        assertEquals(Optional.empty(), aspect("mỗi tháng xét mấy ngày"));
    }
}
