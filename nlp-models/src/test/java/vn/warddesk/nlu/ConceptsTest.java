package vn.warddesk.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * The shipped lexicon is matched on folded words, where "đặt" and "đất", "cho" and "chờ" are one word: these tests keep
 * the everyday words out of the concepts that only their accented look-alike names.
 */
class ConceptsTest {

    /** The concepts a message lights up, as the classifier sees them (accented or not, the folded words decide). */
    private static Set<String> concepts(String message) {
        String[] tokens = TextNormalizer.normalize(message).tokens().toArray(String[]::new);
        Set<String> found = new TreeSet<>();
        for (String feature : new Concepts.Generator().extractFeatures(tokens, Map.of())) {
            if (feature.startsWith("k=")) {
                found.add(feature.substring(2));
            }
        }
        return found;
    }

    private static String strip(String text) {
        return TextNormalizer.fold(TextNormalizer.nfc(text));
    }

    @Test
    void everyday_words_do_not_name_the_concept_of_their_unaccented_look_alike() {
        Map<String, String> wrongConcept = Map.ofEntries(
                Map.entry("Em muốn đặt lịch hẹn sáng mai", "LAND"),
                Map.entry("cho em hỏi với ạ", "TIME"),
                Map.entry("đổi tên cho con", "TIME"),
                Map.entry("để làm gì vậy", "BIRTH"),
                Map.entry("xin hỗ trợ giúp", "TEMPORARY"),
                Map.entry("chứng thực bản sao", "BUSINESS"),
                Map.entry("bạn ơi", "BUSINESS"),
                Map.entry("thuê nhà ở phường", "OTHER_AGENCY"),
                Map.entry("thời gian giải quyết", "NO"),
                Map.entry("khai báo tạm vắng", "YES"),
                Map.entry("quyền sử dụng của tôi", "YES"),
                Map.entry("yêu cầu xóa dữ liệu", "CHITCHAT"),
                Map.entry("mua nhà ở đây", "CHITCHAT"),
                Map.entry("đang sống ở đây", "CHITCHAT"),
                Map.entry("cần chuẩn bị gì", "YES"),
                Map.entry("gặp cán bộ", "APPLY"),
                Map.entry("ngân hàng", "FEE"),
                Map.entry("cuối tuần có làm không", "MARRY"),
                Map.entry("có con làm giấy tờ", "HOURS"));
        wrongConcept.forEach((message, concept) -> {
            assertFalse(concepts(message).contains(concept), message + " → " + concepts(message));
            assertFalse(concepts(strip(message)).contains(concept), strip(message) + " → " + concepts(strip(message)));
        });
    }

    @Test
    void the_accented_word_in_a_telling_phrase_still_names_its_concept() {
        Map<String, String> concept = Map.ofEntries(
                Map.entry("vợ em mới đẻ tuần trước", "BIRTH"),
                Map.entry("mảnh đất của bố mẹ", "LAND"),
                Map.entry("phải chờ bao lâu", "TIME"),
                Map.entry("em đang ở trọ", "TEMPORARY"),
                Map.entry("mở quán cà phê nhỏ", "BUSINESS"),
                Map.entry("có mất tiền không", "FEE"),
                Map.entry("nộp thuế ở đâu", "OTHER_AGENCY"),
                Map.entry("hôm nay trời mưa quá", "CHITCHAT"),
                Map.entry("muốn gặp cán bộ", "STAFF"),
                Map.entry("dạ vâng ạ", "YES"),
                Map.entry("thôi không cần đâu", "NO"));
        concept.forEach((message, expected) -> {
            assertTrue(concepts(message).contains(expected), message + " → " + concepts(message));
            assertEquals(concepts(message), concepts(strip(message)), "folding must not change the concepts of " + message);
        });
    }
}
