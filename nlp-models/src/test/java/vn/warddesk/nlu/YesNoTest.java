package vn.warddesk.nlu;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class YesNoTest {
    @Test
    void yes_in_vietnamese_with_and_without_accents_teen_code_and_english() {
        for (String yes : List.of("có", "co", "ừ", "u", "uk", "dc", "đc", "được", "oke", "ok bạn", "vâng", "vâng ạ", "dạ",
                                  "đồng ý", "dong y", "yes", "Yes please", "đúng rồi", "xác nhận", "ok luôn")) {
            assertEquals(Optional.of(YesNo.Answer.YES), YesNo.of(yes), yes);
        }
    }

    @Test
    void no_in_vietnamese_with_and_without_accents_teen_code_and_english() {
        for (String no : List.of("không", "khong", "ko", "k", "hong", "thôi", "no", "nope", "không đồng ý", "ko dong y",
                                 "dạ không", "không phải", "I don't agree", "no thanks", "sai", "chưa")) {
            assertEquals(Optional.of(YesNo.Answer.NO), YesNo.of(no), no);
        }
    }

    @Test
    void no_need_is_a_no_in_chat_words_with_and_without_accents() {
        for (String no : List.of("thoi hong can dau", "thôi không cần đâu", "ko can dau", "ko can dau ad", "khỏi",
                                 "thôi khỏi", "khoi nha", "không cần", "no need", "nah", "nah, no need", "no thanks")) {
            assertEquals(Optional.of(YesNo.Answer.NO), YesNo.of(no), no);
        }
    }

    @Test
    void need_without_a_no_before_it_is_not_an_answer() {
        for (String neither : List.of("cần", "có cần không", "cần đâu", "need", "can", "đâu", "ok cần")) {
            assertEquals(Optional.empty(), YesNo.of(neither), neither);
        }
    }

    @Test
    void khong_as_a_question_particle_and_whole_sentences_are_neither() {
        for (String neither : List.of("làm online được không?", "được không", "có không", "phải không",
                                      "lệ phí bao nhiêu", "ok?", "hjhj",
                                      "đăng ký được không?", "ko dong y thi van lam duoc ko", "Nguyễn Văn An",
                                      "0912345678", "")) {
            assertEquals(Optional.empty(), YesNo.of(neither), neither);
        }
    }

    @Test
    void a_negation_before_agree_with_a_closing_dau_or_a_hesitation_is_a_no() {
        for (String no : List.of("ko đồng ý đâu", "e ko dong y dau", "không đồng ý đâu ạ", "hmm no, I don't agree",
                                 "hmm no")) {
            assertEquals(Optional.of(YesNo.Answer.NO), YesNo.of(no), no);
        }
        assertEquals(Optional.of(YesNo.Answer.YES), YesNo.of("hmm ok"));
        assertEquals(Optional.empty(), YesNo.of("hmm"));
    }
}
