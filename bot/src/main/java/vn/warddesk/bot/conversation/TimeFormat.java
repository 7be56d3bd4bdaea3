package vn.warddesk.bot.conversation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The one way the bot writes days and times: Vietnamese "14:05 01/12/2026", English "1 Dec 2026, 14:05". */
final class TimeFormat {
    private static final DateTimeFormatter VI_DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter EN_DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter VI_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private TimeFormat() {
    }

    static String day(Turn t, LocalDate day) {
        return day.format(t.vi() ? VI_DAY : EN_DAY);
    }

    static String moment(Turn t, Instant at, ZoneId zone) {
        return at.atZone(zone).format(t.vi() ? VI_TIME : EN_TIME);
    }
}
