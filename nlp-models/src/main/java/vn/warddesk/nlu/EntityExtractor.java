package vn.warddesk.nlu;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule-based entities: phone numbers, citizen ID (CCCD) numbers, dates, times, case codes, e-mail addresses.
 *
 * <p>Patterns run over a "view" of the text that is lower-cased and accent-folded char by char, so it has exactly the same
 * length as the text: one pattern covers "ngày 5 tháng 3" and "ngay 5 thang 3", and offsets point into the text.
 * Earlier kinds win overlaps (e-mail, case code, phone, citizen ID, date, time). Immutable and thread-safe.
 *
 * <p>Dates with missing parts ("5/3", "mùng 5", "thứ hai") resolve to the next such day on or after {@code today}: people
 * name days to come when they book. "tuần sau"/"next" means the given weekday in the next calendar week (weeks start on
 * Monday).
 */
public final class EntityExtractor {

    /** Only this much of a text is scanned; chat messages are far shorter, and it bounds the time per call. */
    static final int MAX_CHARS = 2000;

    /** Possessive quantifiers: no backtracking, so "a@b.b.b.b…" stays linear. The top-level domain is checked in code. */
    private static final Pattern EMAIL =
            Pattern.compile("(?<![a-z0-9._%+-])[a-z0-9._%+-]++@[a-z0-9-]++(?:\\.[a-z0-9-]++)++(?![a-z0-9-])");
    private static final Pattern TOP_LEVEL_DOMAIN = Pattern.compile(".*\\.[a-z]{2,}");
    private static final Pattern PHONE =
            Pattern.compile("(?<![\\d+])(?:\\(?\\+84\\)?|84|0)[ .-]?([35789](?:[ .-]?\\d){8})(?![\\d])");
    private static final Pattern CITIZEN_ID =
            Pattern.compile("(?<![\\d+])(?:\\d{12}|\\d{3}(?:[ .]\\d{3}){3}|\\d{4}(?:[ .]\\d{4}){2})(?!\\d)");

    private static final Pattern DATE_WORDS = Pattern.compile(
            "\\b(?:ngay|m[uo]ng)\\s+(\\d{1,2})(?:\\s*(?:thang|/|-)\\s*(\\d{1,2}))?(?:\\s*(?:nam|/|-)\\s*(\\d{4}))?(?!\\d)");
    private static final Pattern DATE_NUMERIC =
            Pattern.compile("(?<![\\d/.:-])(\\d{1,2})([/.-])(\\d{1,2})(?:\\2(\\d{4}|\\d{2}))?(?![\\d/:]|[.-]\\d)");
    private static final String MONTHS =
            "(january|february|march|april|may|june|july|august|september|october|november|december"
                    + "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)";
    private static final Pattern DATE_EN_DAY_MONTH = Pattern.compile(
            "(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTHS + "\\b(?:,?\\s+(\\d{4})\\b)?");
    private static final Pattern DATE_EN_MONTH_DAY = Pattern.compile(
            "\\b" + MONTHS + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?");
    private static final Pattern DATE_RELATIVE = Pattern.compile(
            "\\b(hom nay|today|ngay mai|tomorrow|ngay kia|hom qua|yesterday"
                    + "|(?<!(?:chi|anh|em|co|ba|ong|ban|ten|la|hoa|thanh|tuyet|xuan|ngoc) )mai(?! (?:tang|moi|sau|mot)))\\b");
    private static final Pattern WEEKDAY_VI = Pattern.compile(
            "\\b(?:(thu)\\s*(2|3|4|5|6|7|hai|ba|tu|nam|sau|bay)|chu nhat)\\b(?:\\s*(tuan\\s*(?:sau|toi|nay)))?");
    /** "next tuesday", "next week (on) tuesday", "tuesday next week", "tuesday of next week", "this friday". */
    private static final Pattern WEEKDAY_EN = Pattern.compile(
            "\\b(?:(next|this)\\s+(?:week\\s+(?:on\\s+)?)?)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b"
                    + "(?:\\s*,?\\s*(?:of\\s+)?(?:the\\s+)?(next|this|coming)\\s+week\\b)?");

    private static final Pattern TIME_EN = Pattern.compile(
            "(?<![\\d:.])(1[0-2]|0?\\d)(?::([0-5]\\d))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)(?![a-z])");
    private static final Pattern TIME = Pattern.compile(
            "(?<![\\d:/.])([01]?\\d|2[0-3])\\s*(gio|h|g|:)\\s*([0-5]\\d)?(?:\\s*(?:phut|p)\\b)?"
                    + "(?:\\s+(sang|trua|chieu|toi|dem)\\b)?(?![\\da-z:])");

    /** The default case-code pattern needs 4 + 7 digits; another pattern is always run. */
    private static final String DEFAULT_CASE_CODE_PATTERN = NluSettings.DEFAULT_CASE_CODE.pattern();
    private static final int CASE_CODE_DIGITS = 11, PHONE_DIGITS = 9, CITIZEN_ID_DIGITS = 12;
    /** Every month name and abbreviation of {@code MONTHS} starts with one of these. */
    private static final String[] MONTH_PREFIXES =
            {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

    private static final Comparator<Entity> BY_START = Comparator.comparingInt(Entity::start);

    private final Pattern caseCodePattern;
    /** The dates of the last day asked for ({@link Days}); immutable, so a racing thread at most computes its own. */
    private volatile Days days;

    /** False only in tests: every regex runs on every text, to check that the cheap pre-checks never skip a match. */
    private final boolean preChecks;

    public EntityExtractor(Pattern caseCodePattern) {
        this(caseCodePattern, true);
    }

    EntityExtractor(Pattern caseCodePattern, boolean preChecks) {
        this.caseCodePattern = Objects.requireNonNull(caseCodePattern, "caseCodePattern");
        this.preChecks = preChecks;
    }

    /** Entities in text order; never throws for any text. */
    public List<Entity> extract(String text, LocalDate today) {
        Objects.requireNonNull(today, "today");
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String source = TextNormalizer.truncate(text, MAX_CHARS);
        Scan scan = new Scan(source, view(source));
        boolean digits = !preChecks || scan.hasDigit();
        if (!preChecks || source.indexOf('@') >= 0) {
            matchAll(scan, EMAIL, EntityType.EMAIL, m -> TOP_LEVEL_DOMAIN.matcher(m.group()).matches()
                    ? scan.text(m).toLowerCase(Locale.ROOT) : null);
        }
        if (digits) {
            // Case codes, phones, IDs and numeric dates all contain digits. Each regex below runs only when a cheap scan
            // finds what any of its matches must contain (a digit count, a separator between digits, a word): a regex
            // scan with look-behinds costs a few microseconds per hundred chars, the scans a fraction of that.
            int digitCount = preChecks ? scan.digitCount() : Integer.MAX_VALUE;
            if (!DEFAULT_CASE_CODE_PATTERN.equals(caseCodePattern.pattern())) {
                matchAll(scan, caseCodePattern, EntityType.CASE_CODE, this::caseCode);
            } else if (digitCount >= CASE_CODE_DIGITS) {
                matchFrom(scan, caseCodePattern, EntityType.CASE_CODE, this::caseCode, scan.defaultCaseCodeStarts());
            }
            // From here on every match starts at the first digit of a run of digits (after look-behinds that forbid a digit
            // before it), or, for a phone, at its "(" or "+": the regexes are tried there only.
            if (digitCount >= PHONE_DIGITS) {
                matchFrom(scan, PHONE, EntityType.PHONE, m -> "0" + digitsOf(m.group(1)), scan.phoneStarts());
            }
            if (digitCount >= CITIZEN_ID_DIGITS) {
                matchFrom(scan, CITIZEN_ID, EntityType.CITIZEN_ID, m -> digitsOf(m.group()), scan.numberStarts());
            }
            String folded = scan.view;
            if (!preChecks || wordThenDigit(folded, "ngay") || wordThenDigit(folded, "mung") || wordThenDigit(folded, "mong")) {
                matchFrom(scan, DATE_WORDS, EntityType.DATE, m -> dayMonthYear(today, m.group(1), m.group(2), m.group(3)),
                        occurrences(folded, DATE_WORD_STARTS));
            }
            if (!preChecks || scan.hasDigitSeparatorDigit()) {
                matchFrom(scan, DATE_NUMERIC, EntityType.DATE, m -> m.group(2).equals(".") && m.group(4) == null
                        ? null : dayMonthYear(today, m.group(1), m.group(3), m.group(4)), scan.numberStarts());
            }
            if (!preChecks || mayNameEnglishDate(folded)) {
                matchFrom(scan, DATE_EN_DAY_MONTH, EntityType.DATE, m -> typedWithoutAccents(scan.source, m, 2)
                        ? dayMonthYear(today, m.group(1), month(m.group(2)), m.group(3)) : null,
                        scan.numberStarts());
                matchFrom(scan, DATE_EN_MONTH_DAY, EntityType.DATE, m -> typedWithoutAccents(scan.source, m, 1)
                        ? dayMonthYear(today, m.group(2), month(m.group(1)), m.group(3)) : null,
                        occurrences(folded, MONTH_PREFIXES));
            }
        }
        // Cheap substring checks first: most messages have no date words, and a regex scan costs more than indexOf.
        String view = scan.view;
        // Each pre-check is implied by a match ("nay" alone was in most messages: "này").
        if (!preChecks || containsWord(view, "mai") || view.contains("hom nay") || view.contains("ngay kia") || view.contains("hom qua")
                || view.contains("today") || view.contains("tomorrow") || view.contains("yesterday")) {
            // A match is one of these words, or "ngay mai" starting 5 chars before its "mai": the regex is tried only
            // there. Its look-behind of 14 words made a scan of every position cost ~15 us on a message with "mai".
            matchFrom(scan, DATE_RELATIVE, EntityType.DATE, m -> relative(days(today), m.group(1)), relativeStarts(view));
        }
        if (!preChecks || mayNameVietnameseWeekday(view)) {
            // Every match starts with "thu" or "chu nhat".
            matchFrom(scan, WEEKDAY_VI, EntityType.DATE, m -> vietnameseWeekday(scan, m, days(today)),
                    occurrences(view, WEEKDAY_STARTS));
        }
        // Every English weekday ends in "nday", "sday", "rday" or "iday" ("đây" folds to "day").
        if (!preChecks || view.contains("nday") || view.contains("sday") || view.contains("rday") || view.contains("iday")) {
            // Every match starts with "next", "this" or the weekday's name.
            matchFrom(scan, WEEKDAY_EN, EntityType.DATE, m -> englishWeekday(m, days(today)), occurrences(view, WEEKDAY_EN_STARTS));
        }
        if (digits) {
            if (!preChecks || scan.hasDigitThenAmPm()) {
                matchFrom(scan, TIME_EN, EntityType.TIME, EntityExtractor::englishTime, scan.numberStarts());
            }
            if (!preChecks || scan.hasDigitThenTimeMark()) {
                matchFrom(scan, TIME, EntityType.TIME, EntityExtractor::time, scan.numberStarts());
            }
        }
        if (scan.found.isEmpty()) {
            return List.of();
        }
        if (scan.found.size() > 1) {
            scan.found.sort(BY_START);
        }
        return List.copyOf(scan.found);
    }

    /**
     * True when {@code WEEKDAY_VI} can match: "chu nhat", or "thu" followed (after spaces) by the word 2-7, hai, ba, tu,
     * nam, sau or bay. "thu" alone is in nearly every procedure question ("thủ tục").
     */
    private static final String[] WEEKDAY_WORDS = {"2", "3", "4", "5", "6", "7", "hai", "ba", "tu", "nam", "sau", "bay"};

    /** {@code view[from, to)} is one of {@link #WEEKDAY_WORDS}; compared in place ("thủ tục" is in most messages). */
    private static boolean isWeekdayWord(String view, int from, int to) {
        for (String word : WEEKDAY_WORDS) {
            if (word.length() == to - from && view.regionMatches(from, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    static boolean mayNameVietnameseWeekday(String view) {
        if (view.contains("chu nhat")) {
            return true;
        }
        for (int at = view.indexOf("thu"); at >= 0; at = view.indexOf("thu", at + 1)) {
            int next = at + 3;
            while (next < view.length() && Character.isWhitespace(view.charAt(next))) {
                next++;
            }
            int end = next;
            while (end < view.length() && (Character.isLetterOrDigit(view.charAt(end)) || view.charAt(end) == '_')) {
                end++;
            }
            if (isWeekdayWord(view, next, end)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when {@code DATE_EN_DAY_MONTH} or {@code DATE_EN_MONTH_DAY} can match: a month prefix ("may", "mar" are in many
     * words: "máy", "mấy", "marriage") with a digit before it (after white space, "of", "st"/"nd"/"rd"/"th") or after it
     * (after the rest of the name, a dot and white space).
     */
    static boolean mayNameEnglishDate(String view) {
        for (String prefix : MONTH_PREFIXES) {
            for (int at = view.indexOf(prefix); at >= 0; at = view.indexOf(prefix, at + 1)) {
                int before = skipSpaceBack(view, at - 1);
                if (before >= 1 && view.startsWith("of", before - 1)) {
                    before = skipSpaceBack(view, before - 2);
                }
                if (before >= 1 && ORDINAL_SUFFIXES.contains(view.substring(before - 1, before + 1))) {
                    before -= 2;
                }
                if (before >= 0 && isAsciiDigit(view.charAt(before))) {
                    return true;
                }
                int after = at + prefix.length();
                while (after < view.length() && view.charAt(after) >= 'a' && view.charAt(after) <= 'z') {
                    after++;
                }
                if (after < view.length() && view.charAt(after) == '.') {
                    after++;
                }
                while (after < view.length() && Character.isWhitespace(view.charAt(after))) {
                    after++;
                }
                if (after < view.length() && isAsciiDigit(view.charAt(after))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final java.util.Set<String> ORDINAL_SUFFIXES = java.util.Set.of("st", "nd", "rd", "th");

    /** Index of the last non-white-space char at or before {@code index} (-1 if none). */
    private static int skipSpaceBack(String view, int index) {
        while (index >= 0 && Character.isWhitespace(view.charAt(index))) {
            index--;
        }
        return index;
    }

    private static final String[] WEEKDAY_STARTS = {"thu", "chu nhat"};
    private static final String[] RELATIVE_WORDS = {"mai", "hom nay", "ngay kia", "hom qua", "today", "tomorrow", "yesterday"};

    private static final String[] DATE_WORD_STARTS = {"ngay", "mung", "mong"};
    private static final String[] WEEKDAY_EN_STARTS =
            {"next", "this", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

    /** Every index at which one of {@code words} occurs in {@code view}, ascending (where a regex can start a match). */
    static int[] occurrences(String view, String[] words) {
        int[] found = new int[4];
        int count = 0;
        for (String word : words) {
            for (int at = view.indexOf(word); at >= 0; at = view.indexOf(word, at + 1)) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = at;
            }
        }
        found = Arrays.copyOf(found, count);
        Arrays.sort(found);
        return found;
    }

    /** The ASCII digits of {@code text} (a phone or ID match with its separators). */
    private static String digitsOf(String text) {
        StringBuilder digits = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    /** {@code word}, one or more white-space chars and a digit ("ngay 5", "mung 10"): what {@code DATE_WORDS} needs. */
    static boolean wordThenDigit(String view, String word) {
        for (int at = view.indexOf(word); at >= 0; at = view.indexOf(word, at + 1)) {
            int next = at + word.length();
            if (next >= view.length() || !Character.isWhitespace(view.charAt(next))) {
                continue;
            }
            while (next < view.length() && Character.isWhitespace(view.charAt(next))) {
                next++;
            }
            if (next < view.length() && isAsciiDigit(view.charAt(next))) {
                return true;
            }
        }
        return false;
    }

    /** {@code word} not inside a longer word (the regex's {@code \\b} on both sides). */
    static boolean containsWord(String view, String word) {
        for (int at = view.indexOf(word); at >= 0; at = view.indexOf(word, at + 1)) {
            int end = at + word.length();
            if ((at == 0 || !isWordChar(view.charAt(at - 1))) && (end == view.length() || !isWordChar(view.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    /** A regex word char ({@code \\w} is ASCII: [a-zA-Z0-9_]), for the {@code \\b} checks above. */
    private static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private interface Value {
        /** The normalised value, or null when the match is not a valid entity after all. */
        String of(Matcher match);
    }

    /** Every match of the pattern in the view, as {@code find()} scans it. */
    private static void matchAll(Scan scan, Pattern pattern, EntityType type, Value value) {
        Matcher matcher = pattern.matcher(scan.view);
        while (matcher.find()) {
            accept(scan, matcher, type, value);
        }
    }

    /**
     * The pattern's matches, tried only at {@code starts} (ascending; every index a match can start at, as the caller
     * knows from the pattern's first chars): a regex scan tries every index, and with a look-behind each try costs.
     * Without the pre-checks (tests) the whole text is scanned, so that a wrong list of starts shows as a missed entity.
     */
    private void matchFrom(Scan scan, Pattern pattern, EntityType type, Value value, int[] starts) {
        if (preChecks) {
            matchAt(scan, pattern, type, value, starts);
        } else {
            matchAll(scan, pattern, type, value);
        }
    }

    /**
     * The matches {@link #matchAll} finds when every match can only start at one of {@code starts} (ascending): the
     * pattern is tried at those positions only, as {@code find()} tries it at each position (transparent bounds, so look-
     * behinds and word boundaries see the whole text), and after a match the search goes on from its end as find() does.
     */
    private static void matchAt(Scan scan, Pattern pattern, EntityType type, Value value, int[] starts) {
        Matcher matcher = pattern.matcher(scan.view).useTransparentBounds(true).useAnchoringBounds(false);
        int length = scan.view.length();
        int after = 0;
        for (int start : starts) {
            if (start < after) {
                continue;
            }
            matcher.region(start, length);
            if (!matcher.lookingAt()) {
                continue;
            }
            after = Math.max(matcher.end(), start + 1);
            accept(scan, matcher, type, value);
        }
    }

    /** Where a {@code DATE_RELATIVE} match can start: at one of its words, or 5 chars before a "mai" ("ngay mai"). */
    private static int[] relativeStarts(String view) {
        int[] starts = new int[8];
        int count = 0;
        for (String word : RELATIVE_WORDS) {
            for (int at = view.indexOf(word); at >= 0; at = view.indexOf(word, at + 1)) {
                if (count + 2 > starts.length) {
                    starts = Arrays.copyOf(starts, starts.length * 2);
                }
                starts[count++] = at;
                if (word.equals("mai") && at >= "ngay ".length()) {
                    starts[count++] = at - "ngay ".length();
                }
            }
        }
        starts = Arrays.copyOf(starts, count);
        Arrays.sort(starts);
        return starts;
    }

    /** Adds the matcher's match as an entity unless it is empty, overlaps an earlier one or has no valid value. */
    private static void accept(Scan scan, Matcher matcher, EntityType type, Value value) {
        int start = matcher.start();
        int end = matcher.end();
        if (end <= start || scan.overlaps(start, end)) {
            return;
        }
        String normalised;
        try {
            normalised = value.of(matcher);
        } catch (DateTimeException | NumberFormatException e) {
            normalised = null;
        }
        if (normalised != null) {
            scan.add(new Entity(type, scan.source.substring(start, end), normalised, start, end));
        }
    }

    private String caseCode(Matcher match) {
        if (match.groupCount() >= 3 && match.group(1) != null && match.group(2) != null && match.group(3) != null) {
            return (match.group(1) + "-" + match.group(2) + "-" + match.group(3)).toUpperCase(Locale.ROOT);
        }
        return match.group().strip().replaceAll("\\s+", "-").toUpperCase(Locale.ROOT);
    }

    private static String dayMonthYear(LocalDate today, String day, String month, String year) {
        int d = Integer.parseInt(day);
        if (month == null) {
            LocalDate candidate = LocalDate.of(today.getYear(), today.getMonth(), 1).plusMonths(d < today.getDayOfMonth() ? 1 : 0);
            return candidate.withDayOfMonth(d).toString();
        }
        int m = Integer.parseInt(month);
        if (year == null) {
            LocalDate candidate = LocalDate.of(today.getYear(), m, d);
            return (candidate.isBefore(today) ? LocalDate.of(today.getYear() + 1, m, d) : candidate).toString();
        }
        int y = Integer.parseInt(year);
        if (year.length() == 2) {
            y += y <= today.getYear() % 100 ? 2000 : 1900;
        }
        if (y < 1900 || y > 2200) {
            return null;
        }
        return LocalDate.of(y, m, d).toString();
    }

    /**
     * Whether a matched English month was typed as one: the view folds "mấy" (how many) to "may", so "thứ 7 mấy giờ"
     * and "mất 2 mấy ngày" would otherwise hold a date in May. English is typed without accents.
     */
    private static boolean typedWithoutAccents(String source, Matcher m, int group) {
        for (int i = m.start(group); i < m.end(group); i++) {
            if (source.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static String month(String name) {
        String[] names = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
        for (int i = 0; i < names.length; i++) {
            if (name.startsWith(names[i])) {
                return Integer.toString(i + 1);
            }
        }
        return null;
    }

    private static String relative(Days days, String word) {
        return switch (word) {
            case "hom nay", "today" -> days.relative[1];
            case "ngay mai", "tomorrow", "mai" -> days.relative[2];
            case "ngay kia" -> days.relative[3];
            case "hom qua", "yesterday" -> days.relative[0];
            default -> null;
        };
    }

    /**
     * The dates that depend only on today, as strings: yesterday to the day after tomorrow, and per weekday the next such
     * day on or after today, that day of this calendar week and of the next. Computed once per day (the last day asked
     * for is kept): inside understand() a date text ran java.time's adjusters and formatting from memory that the other
     * texts had evicted, and that made the slowest texts 2-3 times slower than their entity regexes.
     */
    private record Days(LocalDate today, String[] relative, String[] nextOrSame, String[] thisWeek, String[] nextWeek) {
        static Days of(LocalDate today) {
            String[] relative = {today.minusDays(1).toString(), today.toString(), today.plusDays(1).toString(),
                today.plusDays(2).toString()};
            LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            String[] nextOrSame = new String[7], thisWeek = new String[7], nextWeek = new String[7];
            for (DayOfWeek day : DayOfWeek.values()) {
                int i = day.getValue() - 1;
                nextOrSame[i] = today.with(TemporalAdjusters.nextOrSame(day)).toString();
                thisWeek[i] = monday.plusDays(day.getValue() - 1L).toString();
                nextWeek[i] = monday.plusWeeks(1).plusDays(day.getValue() - 1L).toString();
            }
            return new Days(today, relative, nextOrSame, thisWeek, nextWeek);
        }
    }

    private Days days(LocalDate today) {
        Days known = days;
        if (known == null || !known.today().equals(today)) {
            known = Days.of(today);
            days = known;
        }
        return known;
    }

    private static String vietnameseWeekday(Scan scan, Matcher match, Days days) {
        DayOfWeek day;
        if (match.group(1) == null) {
            day = DayOfWeek.SUNDAY;
        } else {
            // "thủ tục", "thư", "thú" and "thứ tự" fold to the same letters as "thứ"/"tư": check the written word.
            String thu = scan.source.substring(match.start(1), match.end(1)).toLowerCase(Locale.ROOT);
            if (!thu.equals("thứ") && !thu.equals("thu")) {
                return null;
            }
            String name = match.group(2);
            if (name.equals("tu")) {
                String written = scan.source.substring(match.start(2), match.end(2)).toLowerCase(Locale.ROOT);
                if (!written.equals("tư") && !written.equals("tu")) {
                    return null;
                }
            }
            day = switch (name) {
                case "2", "hai" -> DayOfWeek.MONDAY;
                case "3", "ba" -> DayOfWeek.TUESDAY;
                case "4", "tu" -> DayOfWeek.WEDNESDAY;
                case "5", "nam" -> DayOfWeek.THURSDAY;
                case "6", "sau" -> DayOfWeek.FRIDAY;
                default -> DayOfWeek.SATURDAY;
            };
        }
        String week = match.group(3);
        if (week == null) {
            return days.nextOrSame()[day.getValue() - 1];
        }
        return (week.endsWith("nay") ? days.thisWeek() : days.nextWeek())[day.getValue() - 1];
    }

    private static String englishWeekday(Matcher match, Days days) {
        DayOfWeek day = DayOfWeek.valueOf(match.group(2).toUpperCase(Locale.ROOT));
        String week = match.group(1) != null ? match.group(1) : match.group(3);
        if ("next".equals(week) || "coming".equals(week)) { // the day of the next calendar week
            return days.nextWeek()[day.getValue() - 1];
        }
        return days.nextOrSame()[day.getValue() - 1];
    }

    private static String englishTime(Matcher match) {
        int hour = Integer.parseInt(match.group(1));
        int minute = match.group(2) == null ? 0 : Integer.parseInt(match.group(2));
        boolean pm = match.group(3).startsWith("p");
        if (hour == 12) {
            hour = pm ? 12 : 0;
        } else if (pm) {
            hour += 12;
        }
        return clock(hour, minute);
    }

    private static String time(Matcher match) {
        String separator = match.group(2);
        if (separator.equals(":") && match.group(3) == null) {
            return null;
        }
        int hour = Integer.parseInt(match.group(1));
        int minute = match.group(3) == null ? 0 : Integer.parseInt(match.group(3));
        String period = match.group(4);
        if (period != null && hour < 12) {
            switch (period) {
                case "chieu", "toi", "dem" -> hour += 12;
                case "trua" -> hour += hour < 11 ? 12 : 0;
                default -> { }
            }
        }
        return clock(hour, minute);
    }

    private static String clock(int hour, int minute) {
        if (hour > 23 || minute > 59) {
            return null;
        }
        return (hour < 10 ? "0" : "") + hour + ":" + (minute < 10 ? "0" : "") + minute;
    }

    /** Lower-cased, accent-folded copy with the same length (one char for one char). */
    static String view(String text) {
        char[] chars = new char[text.length()];
        for (int i = 0; i < chars.length; i++) {
            char c = text.charAt(i);
            chars[i] = c < VIEW.length ? VIEW[c] : viewChar(c);
        }
        return new String(chars);
    }

    /** {@link #viewChar} of every char below U+2000 (nearly every message), read instead of computed. */
    private static final char[] VIEW = new char[0x2000];

    static {
        for (char c = 0; c < VIEW.length; c++) {
            VIEW[c] = viewChar(c);
        }
    }

    /** Lower case, then accent-folded (a combining mark stays as it is, so that the length does not change). */
    static char viewChar(char c) {
        char lower = Character.toLowerCase(c);
        char folded = TextNormalizer.foldChar(lower);
        return folded == 0 ? lower : folded;
    }

    private static final class Scan {
        final String source;
        final String view;
        /** Chars already inside an entity; allocated with the first one (most messages have none). */
        boolean[] taken;
        final List<Entity> found = new ArrayList<>(0);

        Scan(String source, String view) {
            this.source = source;
            this.view = view;
        }

        String text(Matcher match) {
            return source.substring(match.start(), match.end());
        }

        boolean hasDigit() {
            for (int i = 0; i < view.length(); i++) {
                char c = view.charAt(i);
                if (c >= '0' && c <= '9') {
                    return true;
                }
            }
            return false;
        }

        int digitCount() {
            int count = 0;
            for (int i = 0; i < view.length(); i++) {
                char c = view.charAt(i);
                if (c >= '0' && c <= '9') {
                    count++;
                }
            }
            return count;
        }

        /** A digit, one of / . - and a digit: what every numeric date contains. */
        boolean hasDigitSeparatorDigit() {
            for (int i = 1; i + 1 < view.length(); i++) {
                char c = view.charAt(i);
                if ((c == '/' || c == '.' || c == '-') && isDigit(view.charAt(i - 1)) && isDigit(view.charAt(i + 1))) {
                    return true;
                }
            }
            return false;
        }

        /** A digit followed, after optional white space, by g, h or ':' (gio, h, g, 9:30): what every time contains. */
        boolean hasDigitThenTimeMark() {
            return firstDigitThenTimeMark() >= 0;
        }

        /** The first digit followed (after optional white space) by g, h or ':', or -1. */
        int firstDigitThenTimeMark() {
            for (int i = 0; i < view.length(); i++) {
                if (!isDigit(view.charAt(i))) {
                    continue;
                }
                int next = i + 1;
                while (next < view.length() && Character.isWhitespace(view.charAt(next))) {
                    next++;
                }
                if (next < view.length()) {
                    char c = view.charAt(next);
                    if (c == 'g' || c == 'h' || c == ':') {
                        return i;
                    }
                }
            }
            return -1;
        }

        /** A digit, optional white space, then "am", "pm", "a." or "p.": what every English time contains ("lam" does not). */
        boolean hasDigitThenAmPm() {
            for (int i = 1; i + 1 < view.length(); i++) {
                char c = view.charAt(i);
                char next = view.charAt(i + 1);
                if ((c == 'a' || c == 'p') && (next == 'm' || next == '.')) {
                    int before = i - 1;
                    while (before > 0 && Character.isWhitespace(view.charAt(before))) {
                        before--;
                    }
                    if (isDigit(view.charAt(before))) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        /** Computed on first use: most messages need neither. */
        private int[] numberStarts, phoneStarts;

        /** Index of the first digit of every run of digits, ascending. */
        int[] numberStarts() {
            if (numberStarts == null) {
                numberStarts = starts(false);
            }
            return numberStarts;
        }

        /** {@link #numberStarts()} and every "(" and "+" (a phone may start "(+84)" or "+84"), ascending. */
        int[] phoneStarts() {
            if (phoneStarts == null) {
                phoneStarts = starts(true);
            }
            return phoneStarts;
        }

        private int[] starts(boolean phone) {
            int[] starts = new int[8];
            int count = 0;
            for (int i = 0; i < view.length(); i++) {
                char c = view.charAt(i);
                if (isDigit(c) ? i == 0 || !isDigit(view.charAt(i - 1)) : phone && (c == '(' || c == '+')) {
                    if (count == starts.length) {
                        starts = Arrays.copyOf(starts, count * 2);
                    }
                    starts[count++] = i;
                }
            }
            return Arrays.copyOf(starts, count);
        }

        /**
         * Where a match of {@link NluSettings#DEFAULT_CASE_CODE} can start: 2 to 4 letters and an optional separator
         * before each "20" that two more digits follow (its year), i.e. 2 to 5 chars before that "20". Ascending.
         */
        int[] defaultCaseCodeStarts() {
            int[] starts = new int[8];
            int count = 0;
            int last = -1;
            for (int year = view.indexOf("20"); year >= 0; year = view.indexOf("20", year + 1)) {
                if (year + 3 >= view.length() || !isDigit(view.charAt(year + 2)) || !isDigit(view.charAt(year + 3))) {
                    continue;
                }
                for (int start = Math.max(Math.max(0, last + 1), year - 5); start <= year - 2; start++) {
                    if (count == starts.length) {
                        starts = Arrays.copyOf(starts, count * 2);
                    }
                    starts[count++] = start;
                    last = start;
                }
            }
            return Arrays.copyOf(starts, count);
        }

        boolean overlaps(int start, int end) {
            if (taken == null) {
                return false;
            }
            for (int i = start; i < end; i++) {
                if (taken[i]) {
                    return true;
                }
            }
            return false;
        }

        void add(Entity entity) {
            if (taken == null) {
                taken = new boolean[source.length()];
            }
            for (int i = entity.start(); i < entity.end(); i++) {
                taken[i] = true;
            }
            found.add(entity);
        }
    }
}
