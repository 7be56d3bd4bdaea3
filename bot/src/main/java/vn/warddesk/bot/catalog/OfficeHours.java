package vn.warddesk.bot.catalog;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Whether the office is open at a moment, and when it opens next, in the office's own time zone. */
final class OfficeHours {
    /** How far ahead to look for the next opening (Tết can close the desk for about ten days). */
    private static final int LOOK_AHEAD_DAYS = 60;
    private static final DateTimeFormatter VI_TIME = DateTimeFormatter.ofPattern("HH:mm");
    /** One time format for both languages (24 h, two digits), as the ward's own notices write it. */
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd/MM");

    record Status(boolean open, String text) {
    }

    private record Slot(LocalTime open, LocalTime close) {
    }

    private final ZoneId zone;
    /** The office data parsed once (every office-hours answer reads them; parsing them per answer was a hot spot). */
    private final Map<DayOfWeek, List<Slot>> week = new EnumMap<>(DayOfWeek.class);
    private final Map<LocalDate, Office.Holiday> holidays = new HashMap<>();
    private final Map<Lang, List<String>> weekly = new EnumMap<>(Lang.class);

    OfficeHours(Office office) {
        this.zone = ZoneId.of(office.timezone());
        for (DayOfWeek day : DayOfWeek.values()) {
            List<Office.Interval> intervals = office.hours() == null ? null
                    : office.hours().get(day.name().toLowerCase(Locale.ROOT));
            week.put(day, intervals == null ? List.of()
                    : intervals.stream().map(i -> new Slot(LocalTime.parse(i.open()), LocalTime.parse(i.close()))).toList());
        }
        if (office.holidays() != null) {
            for (Office.Holiday h : office.holidays()) {
                holidays.putIfAbsent(h.date(), h); // the first of two entries for one date, as the list was searched
            }
        }
        for (Lang lang : Lang.values()) {
            weekly.put(lang, weeklyLines(lang));
        }
    }

    ZoneId zone() {
        return zone;
    }

    Status status(Lang lang, ZonedDateTime now) {
        ZonedDateTime local = now.withZoneSameInstant(zone);
        LocalDate date = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        Optional<Office.Holiday> holiday = holiday(date);
        List<Slot> today = holiday.isPresent() ? List.of() : slots(date.getDayOfWeek());
        for (int i = 0; i < today.size(); i++) {
            Slot slot = today.get(i);
            if (!time.isBefore(slot.open()) && time.isBefore(slot.close())) {
                if (i + 1 < today.size()) {
                    Slot next = today.get(i + 1);
                    return new Status(true, lang == Lang.EN
                            ? "Open now, lunch break at " + en(slot.close()) + ", reopens " + en(next.open())
                            : "Đang mở cửa, nghỉ trưa lúc " + vi(slot.close()) + ", mở lại lúc " + vi(next.open()));
                }
                return new Status(true, lang == Lang.EN ? "Open now, closes " + en(slot.close())
                                                        : "Đang mở cửa, đóng cửa lúc " + vi(slot.close()));
            }
            if (time.isBefore(slot.open())) {
                if (i > 0) {
                    return new Status(false, lang == Lang.EN ? "Closed for lunch, reopens " + en(slot.open())
                                                             : "Đang nghỉ trưa, mở cửa lại lúc " + vi(slot.open()));
                }
                return new Status(false, lang == Lang.EN ? "Not open yet, opens today " + en(slot.open())
                                                         : "Chưa mở cửa, hôm nay mở cửa lúc " + vi(slot.open()));
            }
        }
        String why;
        if (holiday.isPresent()) {
            why = lang == Lang.EN ? "Closed today (" + holiday.get().name().en() + ")"
                                  : "Hôm nay nghỉ (" + holiday.get().name().vi() + ")";
        } else if (today.isEmpty()) {
            why = lang == Lang.EN ? "Closed today" : "Hôm nay nghỉ";
        } else {
            why = lang == Lang.EN ? "Closed now" : "Đã hết giờ làm việc";
        }
        for (int ahead = 1; ahead <= LOOK_AHEAD_DAYS; ahead++) {
            LocalDate day = date.plusDays(ahead);
            List<Slot> slots = holiday(day).isPresent() ? List.of() : slots(day.getDayOfWeek());
            if (!slots.isEmpty()) {
                String when = dayName(day.getDayOfWeek(), lang) + (ahead > 6 ? " " + day.format(DAY_MONTH) : "");
                return new Status(false, lang == Lang.EN
                        ? why + ", opens " + when + " " + en(slots.get(0).open())
                        : why + ", mở cửa lại " + when + " " + vi(slots.get(0).open()));
            }
        }
        return new Status(false, why);
    }

    /** The weekly schedule, consecutive days with the same hours grouped: "Thứ Hai – Thứ Sáu: 07:30–11:30, ...". */
    List<String> weekly(Lang lang) {
        return weekly.get(lang);
    }

    private List<String> weeklyLines(Lang lang) {
        List<String> lines = new ArrayList<>();
        DayOfWeek start = DayOfWeek.MONDAY;
        for (DayOfWeek day : DayOfWeek.values()) {
            boolean last = day == DayOfWeek.SUNDAY;
            if (last || !slots(day.plus(1)).equals(slots(start))) {
                String days = start == day ? dayName(day, lang) : dayName(start, lang) + " – " + dayName(day, lang);
                lines.add(days + ": " + describe(slots(start), lang));
                if (!last) {
                    start = day.plus(1);
                }
            }
        }
        return List.copyOf(lines);
    }

    private String describe(List<Slot> slots, Lang lang) {
        if (slots.isEmpty()) {
            return lang == Lang.EN ? "closed" : "nghỉ";
        }
        return String.join(", ", slots.stream()
                .map(s -> lang == Lang.EN ? en(s.open()) + "–" + en(s.close()) : vi(s.open()) + "–" + vi(s.close()))
                .toList());
    }

    /** True when the office has opening hours on that date (a weekday it works and not a holiday). */
    boolean openOn(LocalDate date) {
        return holiday(date).isEmpty() && !slots(date.getDayOfWeek()).isEmpty();
    }

    private Optional<Office.Holiday> holiday(LocalDate date) {
        return Optional.ofNullable(holidays.get(date));
    }

    private List<Slot> slots(DayOfWeek day) {
        return week.get(day);
    }

    static String dayName(DayOfWeek day, Lang lang) {
        if (lang == Lang.EN) {
            String name = day.name().toLowerCase(Locale.ROOT);
            return Character.toUpperCase(name.charAt(0)) + name.substring(1);
        }
        return switch (day) {
            case MONDAY -> "Thứ Hai";
            case TUESDAY -> "Thứ Ba";
            case WEDNESDAY -> "Thứ Tư";
            case THURSDAY -> "Thứ Năm";
            case FRIDAY -> "Thứ Sáu";
            case SATURDAY -> "Thứ Bảy";
            case SUNDAY -> "Chủ Nhật";
        };
    }

    private static String vi(LocalTime time) {
        return time.format(VI_TIME);
    }

    private static String en(LocalTime time) {
        return time.format(EN_TIME);
    }
}
