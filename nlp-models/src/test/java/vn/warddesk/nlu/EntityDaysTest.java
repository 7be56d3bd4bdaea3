package vn.warddesk.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Relative dates and weekdays come from dates computed once per day: they must be the calendar's on every day (month and
 * year ends, leap days, every weekday), also when one extractor is asked about different days in turn. The expected
 * dates are counted here by day arithmetic, without java.time's adjusters.
 */
class EntityDaysTest {

    private final EntityExtractor extractor = new EntityExtractor(NluSettings.DEFAULT_CASE_CODE);

    @Test
    void relative_days_and_weekdays_on_every_day_of_two_years() {
        for (LocalDate today = LocalDate.of(2024, 12, 20); today.isBefore(LocalDate.of(2027, 1, 10)); today = today.plusDays(1)) {
            check(today);
        }
    }

    @Test
    void one_extractor_asked_about_days_in_turn() {
        LocalDate[] days = {LocalDate.of(2026, 11, 28), LocalDate.of(2028, 2, 29), LocalDate.of(2026, 11, 28), LocalDate.of(2026, 12, 31)};
        for (int round = 0; round < 3; round++) {
            for (LocalDate today : days) {
                check(today);
            }
        }
    }

    private void check(LocalDate today) {
        assertDate(today, today, "hôm nay", "today");
        assertDate(today, today.plusDays(1), "ngày mai", "mai em qua", "tomorrow");
        assertDate(today, today.plusDays(2), "ngày kia");
        assertDate(today, today.minusDays(1), "hôm qua", "yesterday");
        String[] vietnamese = {"thứ hai", "thứ 3", "thứ tư", "thu 5", "thứ sáu", "thứ bảy", "chủ nhật"};
        String[] english = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
        int weekday = today.getDayOfWeek().getValue();
        LocalDate monday = today.minusDays(weekday - 1);
        for (int d = 1; d <= 7; d++) {
            LocalDate nextOrSame = today.plusDays((d - weekday + 7) % 7);
            LocalDate thisWeek = monday.plusDays(d - 1);
            LocalDate nextWeek = thisWeek.plusDays(7);
            assertDate(today, nextOrSame, vietnamese[d - 1], english[d - 1], "this " + english[d - 1]);
            assertDate(today, thisWeek, vietnamese[d - 1] + " tuần này");
            assertDate(today, nextWeek, vietnamese[d - 1] + " tuần sau", "next " + english[d - 1], english[d - 1] + " next week");
        }
    }

    private void assertDate(LocalDate today, LocalDate expected, String... texts) {
        for (String text : texts) {
            List<Entity> found = extractor.extract(text, today);
            assertEquals(1, found.size(), text + " on " + today);
            assertEquals(expected.toString(), found.get(0).value(), text + " on " + today);
        }
    }
}
