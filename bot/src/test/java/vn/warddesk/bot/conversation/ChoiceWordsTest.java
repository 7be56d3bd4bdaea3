package vn.warddesk.bot.conversation;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.warddesk.bot.catalog.Catalog.Choice;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChoiceWordsTest {
    /** Options shaped as the catalog gives them: the label in the citizen's language, every word in both. */
    private static final List<Choice> BUSINESS = List.of(
            new Choice("new_registration", "Đăng ký mới", List.of("Đăng ký mới", "New registration", "mở mới", "open")),
            new Choice("change", "Thay đổi nội dung đăng ký",
                       List.of("Thay đổi nội dung đăng ký", "Change registered details", "địa chỉ")),
            new Choice("suspend_or_close", "Tạm ngừng hoặc chấm dứt kinh doanh",
                       List.of("Tạm ngừng hoặc chấm dứt kinh doanh", "Suspend or close the business", "đóng cửa")));
    private static final List<Choice> LAND = List.of(
            new Choice("first_certificate", "Cấp Giấy chứng nhận lần đầu",
                       List.of("Cấp Giấy chứng nhận lần đầu", "First certificate", "lần đầu", "chưa có sổ",
                               "never had one")),
            new Choice("transfer", "Chuyển nhượng, tặng cho, thừa kế",
                       List.of("Chuyển nhượng, tặng cho, thừa kế", "Sale, gift or inheritance", "sang tên")),
            new Choice("other_change", "Thay đổi khác (đổi tên, cấp đổi, cấp lại, tách/hợp thửa...)",
                       List.of("Thay đổi khác (đổi tên, cấp đổi, cấp lại, tách/hợp thửa...)",
                               "Other change (name, replacement, re-issue, split/merge plots...)")));

    /** The land options with the catalog's words for the transfer (other names citizens use). */
    private static final List<Choice> LAND_WORDS = List.of(
            LAND.get(0),
            new Choice("transfer", "Chuyển nhượng, tặng cho, thừa kế",
                       List.of("Chuyển nhượng, tặng cho, thừa kế", "Sale, gift or inheritance", "sang tên", "mua bán",
                               "mua", "bán", "để lại", "transfer", "buy", "bought")),
            LAND.get(2));

    private static Optional<String> named(String typed, List<Choice> choices) {
        return ChoiceWords.named(typed, choices).map(Choice::value);
    }

    @Test
    void part_of_the_label_without_accents_and_with_particles_names_the_option() {
        assertEquals(Optional.of("new_registration"), named("dang ky moi a", BUSINESS));
        assertEquals(Optional.of("new_registration"), named("dk mới nhé ad", BUSINESS));
        assertEquals(Optional.of("change"), named("thay doi noi dung", BUSINESS));
        assertEquals(Optional.of("suspend_or_close"), named("tạm ngừng", BUSINESS));
        assertEquals(Optional.of("first_certificate"), named("cap lan dau", LAND));
        assertEquals(Optional.of("first_certificate"), named("lần đầu", LAND));
        assertEquals(Optional.of("other_change"), named("cấp lại", LAND));
        assertEquals(Optional.of("other_change"), named("tach thua", LAND));
    }

    @Test
    void the_other_language_english_forms_and_a_beginning_of_a_word_count() {
        assertEquals(Optional.of("suspend_or_close"), named("close the business", BUSINESS));
        assertEquals(Optional.of("suspend_or_close"), named("I want to close", BUSINESS));
        assertEquals(Optional.of("suspend_or_close"), named("closing down", BUSINESS));
        assertEquals(Optional.of("new_registration"), named("a new one please", BUSINESS));
        assertEquals(Optional.of("new_registration"), named("I'm opening a new shop", BUSINESS));
        assertEquals(Optional.of("transfer"), named("inherit", LAND));
        assertEquals(Optional.of("change"), named("change", BUSINESS));
    }

    @Test
    void the_catalog_words_name_an_option_its_label_does_not_say() {
        assertEquals(Optional.of("transfer"), named("sang ten", LAND)); // "tên" alone is also in "đổi tên"
        assertEquals(Optional.of("suspend_or_close"), named("đóng cửa tiệm", BUSINESS));
        assertEquals(Optional.of("change"), named("doi dia chi", BUSINESS));
    }

    @Test
    void a_negation_inside_an_options_own_words_describes_it_and_does_not_deny() {
        assertEquals(Optional.of("first_certificate"), named("cap lan dau, chua co so", LAND));
        assertEquals(Optional.of("first_certificate"), named("dạ nhà em chưa có sổ", LAND));
        assertEquals(Optional.of("first_certificate"), named("we never had one", LAND));
        // a negation outside the option's phrase still denies
        assertEquals(Optional.empty(), named("không phải lần đầu", LAND));
        assertEquals(Optional.empty(), named("chưa có sổ nhưng không phải lần đầu", LAND));
    }

    @Test
    void a_number_picks_the_option_in_that_place() {
        assertEquals(Optional.of("transfer"), named("2", LAND));
        assertEquals(Optional.of("other_change"), named("số 3 ạ", LAND));
        assertEquals(Optional.empty(), named("4", LAND));
    }

    @Test
    void words_shared_by_two_options_a_negation_or_an_unrelated_line_name_none() {
        assertEquals(Optional.empty(), named("đăng ký", BUSINESS)); // new, or change of the registration?
        assertEquals(Optional.empty(), named("không phải đăng ký mới", BUSINESS));
        assertEquals(Optional.empty(), named("hôm nay trời mưa to quá mới ra được", BUSINESS));
        assertEquals(Optional.empty(), named("Nguyễn Văn Mới", LAND));
        assertEquals(Optional.empty(), named("ok", LAND));
    }

    @Test
    void an_option_told_inside_a_story_needs_two_of_its_words_and_twice_any_other_options() {
        assertEquals(Optional.of("transfer"), named("mua đất của người ta, giờ sang tên", LAND_WORDS));
        assertEquals(Optional.of("transfer"), named("dat ong ba de lai, gio sang ten qua cho con chau", LAND_WORDS));
        // one option word in a long line is no choice; two options' words alike are none
        assertEquals(Optional.empty(), named("hôm qua em đi mua rau ngoài chợ gần nhà", LAND_WORDS));
        assertEquals(Optional.empty(), named("mua bán xong rồi, giờ cần tách thửa và đổi tên", LAND_WORDS));
    }

    @Test
    void vietnamese_no_meaning_him_is_no_denial_but_an_english_no_opening_the_line_is() {
        // "nó" folds to "no": "cho nó" is "to him", the story still names the transfer
        assertEquals(Optional.of("transfer"), named("bố mẹ cho nó mảnh đất, giờ muốn sang tên cho nó", LAND_WORDS));
        assertEquals(Optional.of("transfer"), named("dat cua ong de lai cho no, gio sang ten", LAND_WORDS));
        assertEquals(Optional.empty(), named("no, sang ten is not it", LAND_WORDS));
        assertEquals(Optional.empty(), named("No first time", LAND));
    }
}
