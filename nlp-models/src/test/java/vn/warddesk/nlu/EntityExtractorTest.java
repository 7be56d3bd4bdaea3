package vn.warddesk.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class EntityExtractorTest {

    /** A Saturday. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private final EntityExtractor extractor = new EntityExtractor(NluSettings.DEFAULT_CASE_CODE);

    private List<Entity> of(String text, EntityType type) {
        return extractor.extract(text, TODAY).stream().filter(e -> e.type() == type).toList();
    }

    private String single(String text, EntityType type) {
        List<Entity> found = of(text, type);
        assertEquals(1, found.size(), () -> type + " in '" + text + "': " + extractor.extract(text, TODAY));
        Entity entity = found.get(0);
        assertEquals(entity.text(), text.substring(entity.start(), entity.end()));
        return entity.value();
    }

    @Test
    void mobile_numbers_in_common_spellings_normalise_to_ten_digits() {
        assertEquals("0912345678", single("sđt của em là 0912345678 nhé", EntityType.PHONE));
        assertEquals("0912345678", single("sdt 0912 345 678", EntityType.PHONE));
        assertEquals("0912345678", single("goi cho minh 0912.345.678 nha", EntityType.PHONE));
        assertEquals("0983123456", single("call +84 983 123 456", EntityType.PHONE));
        assertEquals("0983123456", single("(+84)983-123-456", EntityType.PHONE));
        assertEquals("0359876543", single("so dt 84359876543", EntityType.PHONE));
    }

    @Test
    void numbers_that_are_not_mobiles_are_not_phones() {
        assertTrue(of("lệ phí 100000 đồng", EntityType.PHONE).isEmpty());
        assertTrue(of("số 0212345678", EntityType.PHONE).isEmpty()); // 02x is a landline prefix, not a mobile
        assertTrue(of("09123456789012", EntityType.PHONE).isEmpty());
    }

    @Test
    void twelve_digit_citizen_ids_are_found_and_not_mistaken_for_phones() {
        String text = "cccd của tôi 079203001234, sđt 0987654321";
        assertEquals("079203001234", single(text, EntityType.CITIZEN_ID));
        assertEquals("0987654321", single(text, EntityType.PHONE));
        assertEquals("079203001234", single("so can cuoc 079 203 001 234", EntityType.CITIZEN_ID));
    }

    @Test
    void numeric_dates_with_and_without_year() {
        assertEquals("2024-03-05", single("sinh ngày 5/3/2024", EntityType.DATE));
        assertEquals("2024-03-05", single("hẹn 05-03-2024", EntityType.DATE));
        assertEquals("1998-03-05", single("sinh 5/3/98", EntityType.DATE));
        assertEquals("2026-12-01", single("lên phường 1/12 được không", EntityType.DATE));
        assertEquals("2027-03-05", single("hẹn 5/3", EntityType.DATE)); // already past this year
    }

    @Test
    void vietnamese_word_dates_accented_and_unaccented() {
        assertEquals("2024-03-05", single("ngày 5 tháng 3 năm 2024", EntityType.DATE));
        assertEquals("2027-03-05", single("ngay 5 thang 3", EntityType.DATE));
        assertEquals("2026-12-05", single("mùng 5 em lên được không", EntityType.DATE));
        assertEquals("2026-11-29", single("mung 29", EntityType.DATE));
    }

    @Test
    void relative_days() {
        assertEquals("2026-11-28", single("hôm nay phường có làm không", EntityType.DATE));
        assertEquals("2026-11-28", single("hom nay", EntityType.DATE));
        assertEquals("2026-11-29", single("ngày mai", EntityType.DATE));
        assertEquals("2026-11-29", single("sáng mai em qua", EntityType.DATE));
        assertEquals("2026-11-29", single("can I come tomorrow", EntityType.DATE));
        assertEquals("2026-11-30", single("ngay kia", EntityType.DATE));
    }

    @Test
    void mai_as_a_name_or_in_mai_tang_is_not_a_date() {
        assertTrue(of("chị Mai ở phường", EntityType.DATE).isEmpty());
        assertTrue(of("chi phí mai táng", EntityType.DATE).isEmpty());
    }

    @Test
    void weekdays_resolve_to_the_next_such_day_or_next_week() {
        // Today is a Saturday: the Monday of next week is the 30th either way.
        assertEquals("2026-11-30", single("thứ hai tuần sau", EntityType.DATE));
        assertEquals("2026-11-30", single("thu 2 tuan sau", EntityType.DATE));
        assertEquals("2026-11-29", single("chủ nhật", EntityType.DATE));
        assertEquals("2026-11-30", single("next monday", EntityType.DATE));
        assertEquals("2026-12-02", single("on wednesday", EntityType.DATE));
        // On a Wednesday, "thứ sáu" is this Friday and "thứ sáu tuần sau" the one after.
        LocalDate wednesday = LocalDate.of(2026, 11, 25);
        assertEquals("2026-11-27", extractor.extract("thứ sáu", wednesday).get(0).value());
        assertEquals("2026-12-04", extractor.extract("thu 6 tuan sau", wednesday).get(0).value());
        assertEquals("2026-12-04", extractor.extract("next friday", wednesday).get(0).value());
        assertEquals("2026-11-23", extractor.extract("thứ hai tuần này", wednesday).get(0).value());
    }

    @Test
    void an_english_weekday_with_next_week_after_it_or_before_it_is_in_the_next_week() {
        // On a Tuesday, "tuesday next week" is not today and "friday next week" is not this Friday.
        LocalDate tuesday = LocalDate.of(2026, 12, 1);
        assertEquals("2026-12-08", extractor.extract("tuesday next week", tuesday).get(0).value());
        assertEquals("2026-12-11", extractor.extract("Friday next week please", tuesday).get(0).value());
        assertEquals("2026-12-09", extractor.extract("wednesday of next week", tuesday).get(0).value());
        assertEquals("2026-12-10", extractor.extract("next week on thursday", tuesday).get(0).value());
        assertEquals("2026-12-10", extractor.extract("thursday, next week", tuesday).get(0).value());
        assertEquals("2026-12-04", extractor.extract("friday", tuesday).get(0).value());
    }

    @Test
    void words_that_only_look_like_weekdays_are_ignored() {
        assertTrue(of("thủ tục đăng ký", EntityType.DATE).isEmpty());
        assertTrue(of("xếp theo thứ tự", EntityType.DATE).isEmpty());
    }

    @Test
    void english_month_names() {
        assertEquals("2026-12-01", single("December 1", EntityType.DATE));
        assertEquals("2025-03-05", single("on 5th March 2025", EntityType.DATE));
        assertEquals("2027-05-02", single("2 may", EntityType.DATE));
    }

    @Test
    void how_many_is_no_month_of_may() {
        // "mấy" (how many) folds to "may": a number before it is a count, not a day in May
        for (String text : List.of("thứ 7 mấy giờ mở cửa", "mất 2 mấy ngày vậy", "Mấy 5 giờ chiều", "cần 3 mấy bản")) {
            assertEquals(List.of(), of(text, EntityType.DATE).stream().filter(e -> e.value().contains("-05-")).toList(), text);
        }
        assertEquals("2026-11-28", single("thứ 7 mấy giờ mở cửa", EntityType.DATE)); // TODAY is a Saturday
    }

    @Test
    void times_in_vietnamese_and_english_styles() {
        assertEquals("09:00", single("9h sáng", EntityType.TIME));
        assertEquals("09:30", single("khoảng 9h30", EntityType.TIME));
        assertEquals("14:30", single("14 giờ 30", EntityType.TIME));
        assertEquals("14:30", single("14 gio 30 phut", EntityType.TIME));
        assertEquals("14:30", single("lúc 14:30", EntityType.TIME));
        assertEquals("14:00", single("2h chiều", EntityType.TIME));
        assertEquals("15:00", single("at 3 pm", EntityType.TIME));
    }

    @Test
    void a_number_before_a_word_starting_with_h_is_not_a_time() {
        assertTrue(of("cần 2 hồ sơ", EntityType.TIME).isEmpty());
    }

    @Test
    void case_codes_are_upper_cased_with_dashes() {
        assertEquals("PH-2026-1234567", single("mã hồ sơ PH-2026-1234567", EntityType.CASE_CODE));
        assertEquals("PH-2026-1234567", single("ma ho so ph20261234567 toi dau roi", EntityType.CASE_CODE));
        assertEquals("KS-2026-7654321", single("ks 2026 7654321", EntityType.CASE_CODE));
    }

    @Test
    void the_case_code_pattern_is_configurable() {
        EntityExtractor custom = new EntityExtractor(Pattern.compile("(?i)\\bhs(\\d{6})\\b"));
        List<Entity> found = custom.extract("hồ sơ HS123456", TODAY);
        assertEquals(1, found.size());
        assertEquals("HS123456", found.get(0).value());
        assertTrue(custom.extract("mã PH-2026-1234567", TODAY).stream().noneMatch(e -> e.type() == EntityType.CASE_CODE));
    }

    @Test
    void emails_are_lower_cased_and_not_split_into_phones() {
        String text = "email: Nguyen.Van.A0912345678@Gmail.com";
        assertEquals("nguyen.van.a0912345678@gmail.com", single(text, EntityType.EMAIL));
        assertTrue(of(text, EntityType.PHONE).isEmpty());
    }

    @Test
    void a_real_looking_message_yields_every_entity_in_text_order() {
        String text = "Em tên Lan, sdt 0912 345 678, cccd 001199012345, hẹn thứ 2 tuần sau lúc 9h30, mã HS PH-2026-1234567";
        List<Entity> found = extractor.extract(text, TODAY);
        assertEquals(List.of(EntityType.PHONE, EntityType.CITIZEN_ID, EntityType.DATE, EntityType.TIME, EntityType.CASE_CODE),
                found.stream().map(Entity::type).toList());
        for (int i = 1; i < found.size(); i++) {
            assertTrue(found.get(i - 1).end() <= found.get(i).start());
        }
    }

    @Test
    void the_weekday_pre_check_skips_thu_tuc_but_not_a_weekday() {
        org.junit.jupiter.api.Assertions.assertFalse(EntityExtractor.mayNameVietnameseWeekday("lam thu tuc tam tru"));
        for (String view : new String[] {"thu 2", "thu hai tuan sau", "hen thu7", "thu  bay", "chu nhat", "thu tuc thu ba"}) {
            assertTrue(EntityExtractor.mayNameVietnameseWeekday(view), view);
        }
    }
}
