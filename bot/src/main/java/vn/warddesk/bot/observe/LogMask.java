package vn.warddesk.bot.observe;

import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that masks personal data before text reaches a log line: phone numbers, 9- and 12-digit
 * ID numbers, e-mail addresses and names the caller knows of. Every feature logs through this (or logs ids only).
 */
public final class LogMask {
    // Longest first: 12-digit CCCD before 9-digit CMND; phone forms: 0xxxxxxxxx, +84/84 prefix, with spaces, dots or dashes.
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}0-9._%+-]+@[\\p{L}0-9.-]+\\.[\\p{L}]{2,}");
    private static final Pattern PHONE = Pattern.compile("(?<![\\d])(?:\\+?84|0)(?:[\\s.-]?\\d){8,10}(?![\\d])");
    private static final Pattern ID_NUMBER = Pattern.compile("(?<!\\d)(?:\\d{12}|\\d{9})(?!\\d)");
    private static final int MAX_LENGTH = 500;

    private LogMask() {
    }

    /** Masks personal data in free text; also bounds its length so one log line stays one line. */
    public static String mask(String text) {
        return mask(text, List.of());
    }

    /** Masks personal data and each known name (e.g. the contact name of the case being logged about). */
    public static String mask(String text, Collection<String> knownNames) {
        if (text == null) {
            return "";
        }
        String masked = EMAIL.matcher(text).replaceAll("[email]");
        masked = PHONE.matcher(masked).replaceAll("[phone]");
        masked = ID_NUMBER.matcher(masked).replaceAll("[id]");
        for (String name : knownNames) {
            if (name != null && name.strip().length() >= 2) {
                masked = Pattern.compile(Pattern.quote(name.strip()), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                        .matcher(masked).replaceAll(Matcher.quoteReplacement("[name]"));
            }
        }
        masked = masked.replaceAll("[\\r\\n\\t]+", " ");
        return masked.length() > MAX_LENGTH ? masked.substring(0, MAX_LENGTH) + "…" : masked;
    }

    /** A short, non-reversible stand-in for an identifier that must not appear in logs (e.g. a chat id). */
    public static String ref(String identifier) {
        if (identifier == null || identifier.isEmpty()) {
            return "-";
        }
        return "#" + Integer.toHexString(identifier.hashCode() & 0xfffff);
    }
}
