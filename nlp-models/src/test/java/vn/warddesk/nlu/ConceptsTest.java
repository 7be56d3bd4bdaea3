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

    /** Every feature the concept generator gives a line (k=…, and whether it names a procedure). */
    private static java.util.Collection<String> features(String text) {
        String[] tokens = TextNormalizer.normalize(text).tokens().toArray(String[]::new);
        return new Concepts.Generator().extractFeatures(tokens, Map.of());
    }

    @Test
    void the_longest_phrase_at_a_word_decides_what_its_words_mean() {
        assertTrue(features("tro cap xa hoi").contains("k=ALLOWANCE"));
        assertFalse(features("tro cap xa hoi").contains("k=TEMPORARY"), "trợ cấp is no rented room");
        assertTrue(features("em muon dat lich").contains("k=APPLY"));
        assertFalse(features("em muon dat lich").contains("k=LAND"), "đặt lịch is no land");
        assertTrue(features("vay cai luc nay lam mat may ngay").contains("k=TIME"));
        assertFalse(features("vay cai luc nay lam mat may ngay").contains("k=EXTRACT"), "takes how many days, not lost");
        assertTrue(features("any support for single parents").contains("k=ALLOWANCE"));
        assertFalse(features("any support for single parents").contains("k=SINGLE"));
        assertTrue(features("làm mất giấy khai sinh rồi").contains("k=EXTRACT"), "a lost paper still is one");
    }

    @Test
    void everyday_words_that_fold_like_a_procedure_word_name_no_procedure() {
        // Not "để" (folded "de", also "đẻ", to give birth): taking "đẻ" out of BIRTH made "a thoi de e dang ky lai" a
        // sure no (0.60), and the change of mind after a decline was lost (fresh_eyes_6); it stays, a known collision.
        for (String line : new String[] {"bạn ơi phí bao nhiêu", "vô phường nộp mất mấy ngày", "cuối tuần có làm không",
                                         "có hỗ trợ làm online không", "đặt trước được không", "quận mình làm mất bao lâu",
                                         "em suy nghĩ đã"}) {
            assertTrue(features(line).contains(Concepts.NAMES_NO_PROCEDURE), line + " " + features(line));
        }
        for (String line : new String[] {"mới đẻ con thì làm giấy gì", "vừa sinh đẻ xong", "mở quán cà phê cần gì", "hai vợ chồng sắp cưới",
                                         "đăng ký ở trọ", "mua đất"}) {
            assertTrue(features(line).contains(Concepts.NAMES_PROCEDURE), line + " " + features(line));
        }
    }
}
