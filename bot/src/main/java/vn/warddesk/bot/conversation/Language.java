package vn.warddesk.bot.conversation;

import java.util.Optional;
import java.util.Set;

import vn.warddesk.bot.catalog.Lang;

/**
 * A small heuristic for which language a citizen writes in: Vietnamese letters mean Vietnamese; otherwise common
 * English words against common unaccented Vietnamese words. Words that are both (to, can, the) are ignored.
 */
final class Language {
    private static final Set<String> ENGLISH = Set.of(
            "what", "how", "do", "does", "i", "my", "need", "where", "when", "hello", "hi", "thanks", "thank", "please",
            "is", "are", "want", "for", "of", "you", "register", "registration", "birth", "marriage", "certificate",
            "office", "open", "documents", "fee", "much", "long", "who", "help", "which", "papers", "apply", "get",
            "it", "and", "with", "your", "yes", "no", "bye", "staff", "data", "delete", "time", "cost", "child", "hours");
    private static final Set<String> VIETNAMESE = Set.of(
            "toi", "ban", "khong", "gi", "dau", "lam", "nao", "giay", "thu", "tuc", "dang", "ky", "cho", "hoi", "xin",
            "chao", "bao", "nhieu", "lau", "co", "duoc", "cua", "phuong", "mat", "tien", "le", "phi", "khai", "sinh",
            "ket", "hon", "muon", "nop", "ho", "so", "em", "anh", "chi", "oi", "a", "nhe", "vay", "sao", "gio", "mo",
            "can", "bo", "giup", "cam", "on", "tam", "tru", "thuong", "xac", "nhan", "chung", "thuc", "du", "lieu");

    private Language() {
    }

    /** The language the text is clearly written in, or empty when it is too short or unclear. */
    static Optional<Lang> guess(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        if (text.codePoints().anyMatch(cp -> cp > 0x7f && Character.isLetter(cp))) {
            return Optional.of(Lang.VI);
        }
        int en = 0;
        int vi = 0;
        String[] words = text.toLowerCase(java.util.Locale.ROOT).split("[^a-z']+");
        for (String word : words) {
            if (ENGLISH.contains(word)) {
                en++;
            }
            if (VIETNAMESE.contains(word)) {
                vi++;
            }
        }
        // Short English greetings ("hello", "thanks") switch too, as long as nothing reads as Vietnamese.
        if ((en >= 2 && en > vi) || (en == 1 && vi == 0 && words.length <= 2)) {
            return Optional.of(Lang.EN);
        }
        if (vi >= 2 && vi > en) {
            return Optional.of(Lang.VI);
        }
        return Optional.empty();
    }
}
