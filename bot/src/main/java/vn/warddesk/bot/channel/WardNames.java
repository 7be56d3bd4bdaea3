package vn.warddesk.bot.channel;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import vn.warddesk.bot.ward.Ward;

/**
 * Finds the ward a citizen names, with or without diacritics, alone or inside an address ("12 Trần Phú, phường Hòa
 * An, Đà Nẵng"): names are compared unaccented, in lower case, on whole words, without the "phường/xã/thị trấn"
 * prefix or a parenthesised note. Of two names found where one contains the other ("Hòa An" in "Hòa An Tây"), the
 * longer wins. Stateless.
 */
final class WardNames {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");
    private static final Pattern NOTE = Pattern.compile("\\(.*?\\)");
    private static final List<String> PREFIXES = List.of("phuong ", "xa ", "thi tran ", "dac khu ");
    private static final int MAX_CANDIDATES = 8;

    private WardNames() {
    }

    /** What was found: exactly one ward, several to choose from, or none. */
    sealed interface Match {
        record One(Ward ward) implements Match {
        }

        record Several(List<Ward> candidates) implements Match {
        }

        record None() implements Match {
        }
    }

    static Match match(String text, List<Ward> wards) {
        String said = " " + fold(text) + " ";
        List<Ward> hits = new ArrayList<>();
        for (Ward ward : wards) {
            String core = core(ward);
            if (!core.isEmpty() && said.contains(" " + core + " ")) {
                hits.add(ward);
            }
        }
        hits.removeIf(hit -> hits.stream().anyMatch(other -> other != hit && core(other).length() > core(hit).length()
                                                              && (" " + core(other) + " ").contains(" " + core(hit) + " ")));
        if (hits.size() == 1) {
            return new Match.One(hits.get(0));
        }
        if (hits.size() > 1) {
            return new Match.Several(hits.stream().limit(MAX_CANDIDATES).toList());
        }
        // Part of a name ("hoa"): offer the wards whose name starts with or contains those words.
        String part = said.strip();
        if (part.length() < 3) {
            return new Match.None();
        }
        List<Ward> partial = wards.stream()
                .filter(w -> (" " + core(w) + " ").contains(" " + part + " ") || core(w).startsWith(part)).toList();
        return partial.isEmpty() || partial.size() > MAX_CANDIDATES ? new Match.None() : new Match.Several(partial);
    }

    /** The ward's name as compared: unaccented, lower case, without its kind or a note ("hoa an"). */
    static String core(Ward ward) {
        String name = fold(NOTE.matcher(ward.nameVi()).replaceAll(" "));
        for (String prefix : PREFIXES) {
            if (name.startsWith(prefix)) {
                return name.substring(prefix.length());
            }
        }
        return name;
    }

    /** Lower case ASCII words separated by one space: "Phường Hòa An!" → "phuong hoa an". */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return NOT_WORD.matcher(plain).replaceAll(" ").strip();
    }
}
