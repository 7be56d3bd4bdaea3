package vn.warddesk.bot.channel;

import java.util.ArrayList;
import java.util.List;

/** Splits a long reply into platform-sized parts, preferring line breaks, then spaces, never inside a surrogate pair. */
public final class TextSplit {
    private TextSplit() {
    }

    public static List<String> split(String text, int max) {
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.length() > max) {
            int cut = rest.lastIndexOf('\n', max);
            if (cut < max / 2) {
                cut = rest.lastIndexOf(' ', max);
            }
            if (cut < max / 2) {
                cut = Character.isLowSurrogate(rest.charAt(max)) ? max - 1 : max;
            }
            String part = rest.substring(0, cut).stripTrailing();
            if (!part.isEmpty()) {
                parts.add(part);
            }
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty() || parts.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }
}
