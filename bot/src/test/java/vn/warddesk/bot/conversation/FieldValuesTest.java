package vn.warddesk.bot.conversation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.warddesk.bot.catalog.Catalog.FieldType;
import vn.warddesk.bot.catalog.Catalog.IntakeField;
import vn.warddesk.bot.catalog.Lang;
import vn.warddesk.bot.text.WardTexts;
import vn.warddesk.nlu.EntityExtractor;
import vn.warddesk.nlu.NluSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FieldValuesTest {
    /** A Monday: "thứ 4 tuần sau" is 16 December. */
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final IntakeField NAME = field("contact_name", FieldType.NAME);
    private static final IntakeField PHONE = field("phone", FieldType.PHONE);
    private static final IntakeField DAY = field("preferred_day", FieldType.DATE);
    private static final IntakeField DETAILS = field("details", FieldType.TEXT);
    private static final List<IntakeField> FIELDS = List.of(NAME, PHONE, DAY, DETAILS);

    private final FieldValues values = new FieldValues(new FieldCheck(new EntityExtractor(NluSettings.DEFAULT_CASE_CODE),
                                                                      day -> day.getDayOfWeek() != DayOfWeek.SUNDAY));

    @Test
    void a_phone_typed_with_the_name_is_taken_out_of_it_with_its_lead_in() {
        assertEquals(split("Lê Thị Mai", "0935222333"), values.split(asked(0, Map.of()), "Lê Thị Mai, sđt 0935 222 333"));
        assertEquals(split("Vo Thanh Nam", "0909111222"), values.split(asked(0, Map.of()), "Vo Thanh Nam 0909111222"));
        assertEquals(split("Anna Schmidt", "0912345678"),
                     values.split(asked(0, Map.of()), "I'm Anna Schmidt, 0912 345 678"));
        assertEquals(split("Nguyen Van Toan", "0912888777"),
                     values.split(asked(0, Map.of()), "ten e la Nguyen Van Toan sdt 0912 888 777"));
    }

    @Test
    void name_phone_and_day_in_one_line_fill_all_three() {
        Optional<FieldValues.Split> split =
                values.split(asked(0, Map.of()), "Trần Thị Bích Ngọc - 0977 111 222 - thứ 4 tuần sau");
        assertEquals(Optional.of(new FieldValues.Split("Trần Thị Bích Ngọc", List.of(
                new FieldValues.Value(PHONE, "0977111222"), new FieldValues.Value(DAY, "2026-12-16")))), split);
    }

    @Test
    void a_day_typed_with_the_phone_asked_is_taken_too() {
        Optional<FieldValues.Split> split =
                values.split(asked(1, Map.of("contact_name", "Minh")), "0905 444 555, thu 6 tuan sau nhe");
        assertEquals(Optional.of(new FieldValues.Split("0905444555", List.of(new FieldValues.Value(DAY, "2026-12-18")))),
                     split);
    }

    @Test
    void nothing_is_split_when_no_other_value_is_there_or_the_rest_is_no_answer() {
        assertEquals(Optional.empty(), values.split(asked(0, Map.of()), "Lê Thị Mai")); // "Mai" is no "tomorrow"
        assertEquals(Optional.empty(), values.split(asked(0, Map.of()), "Mai Anh Tuấn"));
        assertEquals(Optional.empty(), values.split(asked(0, Map.of()), "0905 123 456")); // no name left beside it
        assertEquals(Optional.empty(), values.split(asked(0, Map.of()), "cho em dat lich thu 7"));
        assertEquals(Optional.empty(), values.split(asked(0, Map.of()), "phường mở cửa thứ 7 ko"));
        assertEquals(Optional.empty(), values.split(asked(3, Map.of()), "mang theo so ho khau, thu 7 tuan sau"));
    }

    @Test
    void a_day_in_chat_shorthand_or_as_a_phrase_beside_the_name_is_taken_out_of_it() {
        assertEquals(nameAndDay("Nguyen Thi Lan", "2026-12-19"), values.split(asked(0, Map.of()), "Nguyen Thi Lan t7 tuan sau"));
        assertEquals(nameAndDay("Do Van Hai", "2026-12-14"), values.split(asked(0, Map.of()), "Do Van Hai, t2 tuan sau"));
        assertEquals(nameAndDay("Pham Van Duc", "2026-12-17"),
                     values.split(asked(0, Map.of()), "Pham Van Duc thu 5 tuan sau"));
        // "Mai" opening the name stays in it (not tomorrow); the day with a number after it is the day
        assertEquals(nameAndDay("Mai Văn Tú", "2026-12-15"), values.split(asked(0, Map.of()), "Mai Văn Tú thứ 3 tuần sau"));
        // Sunday is closed: no day to take, so nothing is split
        assertEquals(Optional.empty(), values.split(asked(0, Map.of()), "Le Van Tam, cn tuan sau"));
    }

    @Test
    void mai_in_a_lower_case_name_beside_a_phone_stays_in_the_name() {
        assertEquals(split("le thi mai", "0905123456"), values.split(asked(0, Map.of()), "le thi mai 0905123456"));
    }

    @Test
    void a_field_already_filled_is_not_filled_again_from_a_later_line() {
        assertEquals(Optional.empty(), values.split(asked(0, Map.of("phone", "0905111222")), "Vo Thanh Nam 0909111222"));
    }

    @Test
    void a_correction_marker_with_a_value_only_an_earlier_field_takes_corrects_that_field() {
        Map<String, String> draft = Map.of("contact_name", "Hoàng Minh Tuấn", "phone", "0987654321");
        assertEquals(Optional.of(new FieldValues.Value(PHONE, "0987654312")),
                     correction(asked(2, draft), "à nhầm, số đúng là 0987654312"));
        assertEquals(Optional.of(new FieldValues.Value(NAME, "Thomas Becker")),
                     correction(asked(1, Map.of("contact_name", "Tom")), "sorry, my full name is Thomas Becker"));
        assertEquals(Optional.of(new FieldValues.Value(NAME, "Sarah Miller")),
                     correction(asked(1, Map.of("contact_name", "Sarah")), "I meant Sarah Miller"));
        assertEquals(Optional.of(new FieldValues.Value(NAME, "Phạm Ngọc Hằng")), correction(
                asked(1, Map.of("contact_name", "Phạm Ngọc Hân")), "xin lỗi tên em là Phạm Ngọc Hằng, gõ sai"));
    }

    @Test
    void an_earlier_field_named_with_a_new_value_after_a_hesitation_corrects_it() {
        Map<String, String> name = Map.of("contact_name", "Trần Văn Khoa");
        assertEquals(Optional.of(new FieldValues.Value(NAME, "Trần Văn Khoát")),
                     correction(asked(1, name), "khoan, tên đúng là Trần Văn Khoát"));
        assertEquals(Optional.of(new FieldValues.Value(NAME, "Tran Van Khoat")),
                     correction(asked(1, name), "a khoan ho ten la Tran Van Khoat moi dung"));
        Map<String, String> both = Map.of("contact_name", "Anna Smit", "phone", "0912345678");
        assertEquals(Optional.of(new FieldValues.Value(NAME, "Anna Smith")),
                     correction(asked(2, both), "wait, the name should be Anna Smith"));
        // the field named but not filled yet, or no valid name after it: no correction
        assertEquals(Optional.empty(), correction(asked(1, Map.of()), "khoan, tên đúng là Trần Văn Khoát"));
        assertEquals(Optional.empty(), correction(asked(1, name), "tên em là gì cũng được hả"));
    }

    @Test
    void a_correction_that_names_the_old_value_after_the_new_one_corrects_the_earlier_field() {
        Map<String, String> draft = Map.of("contact_name", "David Tran", "phone", "0934567890");
        assertEquals(Optional.of(new FieldValues.Value(NAME, "Davide Tran")),
                     correction(asked(2, draft), "sorry, my name is Davide Tran, not David"));
        assertEquals(Optional.of(new FieldValues.Value(PHONE, "0934567809")),
                     correction(asked(2, draft), "nhầm, số đúng là 0934567809 chứ ko phải 0934567890"));
    }

    @Test
    void no_correction_without_a_marker_for_the_field_asked_or_for_a_sentence() {
        Map<String, String> draft = Map.of("contact_name", "Tom", "phone", "0987654321");
        assertEquals(Optional.empty(), correction(asked(2, draft), "0987654312")); // no marker
        assertEquals(Optional.empty(), correction(asked(2, draft), "sorry, next Tuesday")); // the day asked
        assertEquals(Optional.empty(), correction(asked(1, Map.of("contact_name", "Tom")), "sorry I don't have a phone"));
        assertEquals(Optional.empty(), correction(asked(1, Map.of()), "sorry, my full name is Thomas Becker")); // not filled
    }

    @Test
    void a_name_typed_without_a_lead_in_must_look_like_one() {
        assertTrue(FieldValues.looksLikeName("Sarah Miller"));
        assertEquals(false, FieldValues.looksLikeName("I don't have a phone"));
    }

    private Optional<FieldValues.Value> correction(FieldValues.Form form, String text) {
        return values.correction(form, text, Folding.fold(text));
    }

    private static Optional<FieldValues.Split> nameAndDay(String name, String day) {
        return Optional.of(new FieldValues.Split(name, List.of(new FieldValues.Value(DAY, day))));
    }

    private static Optional<FieldValues.Split> split(String name, String phone) {
        return Optional.of(new FieldValues.Split(name, List.of(new FieldValues.Value(PHONE, phone))));
    }

    private static FieldValues.Form asked(int index, Map<String, String> draft) {
        return new FieldValues.Form(FIELDS, index, draft, TODAY, Lang.VI, WardTexts.defaults().of(null, "vi"));
    }

    private static IntakeField field(String name, FieldType type) {
        return new IntakeField(name, type, type != FieldType.TEXT, type == FieldType.TEXT ? 300 : 80, "?", "why",
                               List.of());
    }
}
