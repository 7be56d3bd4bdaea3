package vn.warddesk.bot.cases;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Case codes {@code <PREFIX>-<YYYY>-<7 digits>-<7 digits>}, e.g. PH-2026-4821307-5192648: 13 random digits (43 bits,
 * so guessing one live code among thousands at the status look-up's limit takes longer than the code lives) and a
 * Luhn check digit last, which catches a single mistyped digit and most swapped neighbours before any look-up.
 * Digits only, in two groups of seven: typed on a phone keypad, read aloud in two breaths.
 * Codes from before (PH-2026-4821307: 6 random digits + check digit) stay readable.
 */
public final class CaseCode {
    /** Shape of a code as typed (any case, spaces or dashes between the parts); group 3 holds the number. */
    public static final Pattern SHAPE = Pattern.compile(
            "(?i)^\\s*([a-z]{2,4})[- ]?(20\\d{2})[- ]?(\\d{7}(?:[- ]?\\d{7})?)\\s*$");
    /** The same shape inside a sentence, for the NLU's entity extractor (groups 1..3: prefix, year, number). */
    public static final Pattern IN_TEXT = Pattern.compile(
            "(?i)\\b([a-z]{2,4})[- ]?(20\\d{2})[- ]?(\\d{7}(?:[- ]?\\d{7})?)\\b");
    private static final RandomGenerator RANDOM = new SecureRandom();
    private static final int RANDOM_DIGITS = 13;

    private CaseCode() {
    }

    public static String generate(String prefix, int year) {
        return generate(prefix, year, RANDOM);
    }

    static String generate(String prefix, int year, RandomGenerator random) {
        StringBuilder digits = new StringBuilder(RANDOM_DIGITS + 1);
        for (int i = 0; i < RANDOM_DIGITS; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        digits.append(checkDigit(digits.toString()));
        return prefix.toUpperCase(Locale.ROOT) + "-" + year + "-" + digits.substring(0, 7) + "-" + digits.substring(7);
    }

    /** The canonical form (upper case, dashes) of a well-formed code whose check digit is right. */
    public static Optional<String> normalize(String code) {
        if (code == null || code.length() > 40) {
            return Optional.empty();
        }
        Matcher m = SHAPE.matcher(code);
        if (!m.matches()) {
            return Optional.empty();
        }
        String number = m.group(3).replaceAll("[- ]", "");
        String payload = number.substring(0, number.length() - 1);
        if (checkDigit(payload) != number.charAt(number.length() - 1) - '0') {
            return Optional.empty();
        }
        String grouped = number.length() == 7 ? number : number.substring(0, 7) + "-" + number.substring(7);
        return Optional.of(m.group(1).toUpperCase(Locale.ROOT) + "-" + m.group(2) + "-" + grouped);
    }

    /** Luhn mod 10 check digit over the payload digits. */
    static int checkDigit(String payload) {
        int sum = 0;
        boolean doubleIt = true; // the rightmost payload digit is doubled, as the check digit will follow it
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = payload.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10;
    }
}
