package vn.warddesk.bot.cases;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Case codes {@code <PREFIX>-<YYYY>-<6 random digits><Luhn check digit>}, e.g. PH-2026-4821307. The random part makes
 * codes unguessable in sequence; the check digit catches most typos before a database lookup.
 */
public final class CaseCode {
    /** Shape of a code as typed (any case, spaces or dashes between the parts). */
    public static final Pattern SHAPE = Pattern.compile("(?i)^\\s*([a-z]{2,4})[- ]?(20\\d{2})[- ]?(\\d{7})\\s*$");
    private static final RandomGenerator RANDOM = new SecureRandom();

    private CaseCode() {
    }

    public static String generate(String prefix, int year) {
        return generate(prefix, year, RANDOM);
    }

    static String generate(String prefix, int year, RandomGenerator random) {
        String digits = String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
        return prefix.toUpperCase(Locale.ROOT) + "-" + year + "-" + digits + checkDigit(digits);
    }

    /** The canonical form (upper case, dashes) of a well-formed code whose check digit is right. */
    public static Optional<String> normalize(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Matcher m = SHAPE.matcher(code);
        if (!m.matches()) {
            return Optional.empty();
        }
        String number = m.group(3);
        if (checkDigit(number.substring(0, 6)) != number.charAt(6) - '0') {
            return Optional.empty();
        }
        return Optional.of(m.group(1).toUpperCase(Locale.ROOT) + "-" + m.group(2) + "-" + number);
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
