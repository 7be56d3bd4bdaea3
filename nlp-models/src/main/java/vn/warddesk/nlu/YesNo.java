package vn.warddesk.nlu;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one yes/no lexicon of every state that waits for a yes or a no (consent, confirm, erase, clarify, cancel).
 * Works on accent-folded tokens, so "ừ", "u", "vâng", "vang", "dạ", "da", "dc", "đc", "oke", "yes" and "không", "ko",
 * "k", "hong", "thôi", "no" are all read. A whole message must consist of lexicon words and polite particles
 * ("ạ", "nhé", "rồi", "bạn", "ad"…); anything else means it is not a plain yes or no. "không" as a question particle
 * ("làm online được không?", "có không") is therefore not a no: the message is a question. "No need" is a no in every
 * form people type it: "khỏi", "thôi khỏi", "không cần đâu", "thoi hong can dau", "no need".
 */
public final class YesNo {
    /** The answer a message gives to a yes/no question. */
    public enum Answer { YES, NO }

    private static final Set<String> YES = Set.of(
            "co", "u", "uh", "uk", "um", "uhm", "uhuh", "vang", "da", "dong", "y", "ok", "oke", "okie", "oki", "okay",
            "okela", "duoc", "dc", "dung", "chuan", "phai", "yes", "yeah", "yep", "yup", "ya", "sure", "agree", "confirm",
            "xac", "nhan", "correct", "right", "gui", "luon", "of", "course");
    private static final Set<String> NO = Set.of(
            "khong", "ko", "k", "kh", "hong", "hok", "hem", "khg", "kg", "no", "nope", "nah", "not", "dont", "don",
            "thoi", "sai", "chua", "decline", "disagree", "cancel", "huy", "wrong", "never", "mind", "nevermind", "khoi");
    /**
     * "cần" / "need" and "đâu" after a no ("không cần đâu", "no need") complete it; anywhere else they make the message a
     * sentence ("có cần không", "cần"), so they are not particles of their own.
     */
    private static final Set<String> AFTER_NO = Set.of("can", "need", "needed", "dau");
    /** Words that soften an answer without changing it. */
    private static final Set<String> PARTICLES = Set.of(
            "a", "nhe", "nha", "nhen", "roi", "ban", "em", "anh", "chi", "oi", "minh", "toi", "please", "thanks",
            "thank", "you", "cam", "on", "di", "ma", "vay", "the", "i", "it", "is", "that", "s", "ah", "oh", "well",
            "do", "lam", "nhieu", "qua", "cho", "luon", "day", "nhi", "ha", "e", "mik", "mk", "tui", "t", "to", "ad",
            "hmm", "hm", "hmmm"); // a hesitation before the answer: "hmm no, I don't agree"

    private YesNo() {
    }

    /** YES, NO or empty when the message is not a plain yes or no (a question, a sentence, a mix of both). */
    public static Optional<Answer> of(String text) {
        if (text == null || text.isBlank() || text.length() > 60) {
            return Optional.empty();
        }
        if (text.strip().endsWith("?")) {
            return Optional.empty(); // "được không?", "ok?": a question back, not an answer
        }
        List<String> tokens = TextNormalizer.normalize(text, false).foldedTokens();
        if (tokens.size() > 1 && "da".equals(tokens.get(0))) {
            tokens = tokens.subList(1, tokens.size()); // "dạ không", "dạ vâng": a polite opening, not the answer
        }
        if (tokens.size() > 1 && "thoi".equals(tokens.get(0)) && YES.contains(tokens.get(1))) {
            tokens = tokens.subList(1, tokens.size()); // "thôi đồng ý", "thôi được": giving in, a yes
        }
        if (tokens.isEmpty() || tokens.size() > 6) {
            return Optional.empty();
        }
        int yes = 0;
        int no = 0;
        for (String token : tokens) {
            if (NO.contains(token)) {
                no++;
            } else if (YES.contains(token)) {
                yes++;
            } else if (!PARTICLES.contains(token) && !(no > 0 && AFTER_NO.contains(token))) {
                return Optional.empty();
            }
        }
        if (no > 0) {
            // "không đồng ý", "ko dc", "not correct", "khong phai": a negation before a yes word is a no. A yes word
            // before the negation ("có không", "được không") is a question.
            int firstNo = indexOfFirst(tokens, NO);
            int firstYes = indexOfFirst(tokens, YES);
            return firstYes >= 0 && firstYes < firstNo ? Optional.empty() : Optional.of(Answer.NO);
        }
        return yes > 0 ? Optional.of(Answer.YES) : Optional.empty();
    }

    private static int indexOfFirst(List<String> tokens, Set<String> words) {
        for (int i = 0; i < tokens.size(); i++) {
            if (words.contains(tokens.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
