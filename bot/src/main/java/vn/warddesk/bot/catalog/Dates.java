package vn.warddesk.bot.catalog;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How dates read in citizen texts: 06/12/2026 in Vietnamese, 6 Dec 2026 in English. */
final class Dates {
    private static final DateTimeFormatter VI = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private Dates() {
    }

    static String vi(LocalDate date) {
        return VI.format(date);
    }

    static String in(LocalDate date, Lang lang) {
        return lang == Lang.EN ? EN.format(date) : VI.format(date);
    }
}
