package vn.warddesk.bot.conversation;

import java.util.regex.Pattern;

/**
 * Lines that ask for nothing, read on folded text: a farewell beside thanks, a keyboard mash.
 */
final class AsksNothing {
    /** Taking leave in the same line as thanks: "thanks, bye", "cảm ơn, chào nhé", "thank you bye". */
    private static final Pattern FAREWELL = Pattern.compile(
            "\\b(bye|goodbye|good bye|bai bai|tam biet|chao nhe|chao nha|chao ad|chao ban|see you)\\b");
    /** Keyboard rows, for a line typed along one of them ("asdfgh", "qwertyuiop", "jkjkjk"). */
    private static final java.util.List<String> KEY_ROWS = java.util.List.of("qwertyuiop", "asdfghjkl", "zxcvbnm");
    private static final int MASH_MIN = 5;

    private AsksNothing() {
    }

    static boolean farewell(String folded) {
        return FAREWELL.matcher(folded).find();
    }

    /**
     * Keyboard mash: every word runs along one keyboard row, each letter beside the one before (or the same), and at
     * least one such word is five letters or more ("asdfgh", "qwertyuiop", "jkjkjkjk"). No word of either language
     * does that; "hjhj" (a laugh) is too short to count.
     */
    static boolean mash(String folded) {
        if (folded.isBlank()) {
            return false;
        }
        boolean long_ = false;
        for (String word : folded.split(" ")) {
            if (!alongARow(word)) {
                return false;
            }
            long_ |= word.length() >= MASH_MIN;
        }
        return long_;
    }

    private static boolean alongARow(String word) {
        if (word.length() < 2) {
            return false;
        }
        for (String row : KEY_ROWS) {
            boolean along = true;
            for (int i = 0; i < word.length() && along; i++) {
                int here = row.indexOf(word.charAt(i));
                int before = i == 0 ? here : row.indexOf(word.charAt(i - 1));
                along = here >= 0 && Math.abs(here - before) <= 1;
            }
            if (along) {
                return true;
            }
        }
        return false;
    }
}
