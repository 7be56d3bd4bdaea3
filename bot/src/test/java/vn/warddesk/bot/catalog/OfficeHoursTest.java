package vn.warddesk.bot.catalog;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Open or closed, computed in Asia/Ho_Chi_Minh for fixed moments (2026-11-30 is a Monday). */
class OfficeHoursTest {
    private static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final List<Office.Interval> WEEKDAY = List.of(new Office.Interval("07:30", "11:30"),
                                                                 new Office.Interval("13:30", "17:00"));
    private static final Office OFFICE = new Office(true, "demo", "PH", null, null, null, "x", "x", "x",
            "Asia/Ho_Chi_Minh",
            Map.of("monday", WEEKDAY, "tuesday", WEEKDAY, "wednesday", WEEKDAY, "thursday", WEEKDAY, "friday", WEEKDAY,
                   "saturday", List.of(new Office.Interval("07:30", "11:30")), "sunday", List.of()),
            List.of(new Office.Holiday(LocalDate.of(2026, 12, 2), new Procedure.Text("Ngày nghỉ thử", "Test holiday"))));
    private final OfficeHours hours = new OfficeHours(OFFICE);

    private static ZonedDateTime at(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, HCM);
    }

    @Test
    void afternoon_on_a_weekday_is_open_until_five() {
        OfficeHours.Status vi = hours.status(Lang.VI, at(11, 30, 15, 0));
        assertTrue(vi.open());
        assertEquals("Đang mở cửa, đóng cửa lúc 17:00", vi.text());
        assertEquals("Open now, closes 17:00", hours.status(Lang.EN, at(11, 30, 15, 0)).text());
    }

    @Test
    void morning_on_a_weekday_is_open_and_mentions_the_lunch_break() {
        OfficeHours.Status status = hours.status(Lang.VI, at(11, 30, 9, 0));
        assertTrue(status.open());
        assertEquals("Đang mở cửa, nghỉ trưa lúc 11:30, mở lại lúc 13:30", status.text());
    }

    @Test
    void lunch_break_is_closed_and_reopens_at_half_past_one() {
        OfficeHours.Status status = hours.status(Lang.EN, at(11, 30, 12, 15));
        assertFalse(status.open());
        assertEquals("Closed for lunch, reopens 13:30", status.text());
        assertFalse(hours.status(Lang.VI, at(11, 30, 11, 30)).open(), "closing minute is already closed");
    }

    @Test
    void saturday_morning_is_open_until_half_past_eleven() {
        OfficeHours.Status status = hours.status(Lang.VI, at(12, 5, 10, 0));
        assertTrue(status.open());
        assertEquals("Đang mở cửa, đóng cửa lúc 11:30", status.text());
    }

    @Test
    void appointments_fit_days_with_opening_hours_saturdays_included_holidays_and_sundays_not() {
        assertTrue(hours.openOn(LocalDate.of(2026, 12, 1)), "Tuesday");
        assertTrue(hours.openOn(LocalDate.of(2026, 12, 5)), "Saturday morning desk");
        assertFalse(hours.openOn(LocalDate.of(2026, 12, 6)), "Sunday");
        assertFalse(hours.openOn(LocalDate.of(2026, 12, 2)), "holiday");
    }

    @Test
    void sunday_is_closed_and_opens_monday_morning() {
        assertEquals("Hôm nay nghỉ, mở cửa lại Thứ Hai 07:30", hours.status(Lang.VI, at(12, 6, 10, 0)).text());
        assertEquals("Closed today, opens Monday 07:30", hours.status(Lang.EN, at(12, 6, 10, 0)).text());
    }

    @Test
    void a_holiday_is_closed_with_its_name_and_the_next_working_day() {
        OfficeHours.Status status = hours.status(Lang.VI, at(12, 2, 9, 0));
        assertFalse(status.open());
        assertEquals("Hôm nay nghỉ (Ngày nghỉ thử), mở cửa lại Thứ Năm 07:30", status.text());
    }

    @Test
    void the_day_before_a_holiday_after_hours_skips_the_holiday() {
        assertEquals("Closed now, opens Thursday 07:30", hours.status(Lang.EN, at(12, 1, 18, 0)).text());
    }

    @Test
    void after_hours_on_saturday_opens_monday() {
        assertEquals("Đã hết giờ làm việc, mở cửa lại Thứ Hai 07:30", hours.status(Lang.VI, at(12, 5, 14, 0)).text());
    }

    @Test
    void early_morning_opens_today() {
        assertEquals("Not open yet, opens today 07:30", hours.status(Lang.EN, at(11, 30, 6, 45)).text());
    }

    @Test
    void a_moment_given_in_utc_is_read_in_the_office_zone() {
        // 01:00 UTC is 08:00 in Hanoi/Ho Chi Minh City: open, although it is before opening time in UTC.
        ZonedDateTime utc = ZonedDateTime.of(2026, 11, 30, 1, 0, 0, 0, ZoneId.of("UTC"));
        assertTrue(hours.status(Lang.VI, utc).open());
        ZonedDateTime utcEvening = ZonedDateTime.of(2026, 11, 30, 10, 30, 0, 0, ZoneId.of("UTC")); // 17:30 local
        assertFalse(hours.status(Lang.VI, utcEvening).open());
    }

    @Test
    void the_weekly_schedule_groups_days_with_the_same_hours() {
        assertEquals(List.of("Monday – Friday: 07:30–11:30, 13:30–17:00", "Saturday: 07:30–11:30", "Sunday: closed"),
                     hours.weekly(Lang.EN));
    }
}
