package vn.warddesk.bot.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message cut into the sentences and clauses a reader takes one at a time: citizens tell the story first and ask
 * last ("Mẹ em 70 tuổi … em đi thay được không ạ?"), or ask two things in one line ("phí bao nhiêu và mất mấy ngày").
 * Cuts at . ? ! ; … and new lines, at commas, and at "và / and / với lại / còn" only between two questions (a story's
 * "my passport and my work permit" stays whole). Pure text work: the NLU reads the clauses elsewhere.
 */
record Clauses(List<String> parts) {
    /** After ? ! ; … always; after a stop only before a space (so "10.000" and "10.11.2026" stay whole). */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[?!;…])(?![?!;…])\\s*|(?<=\\.)\\s+|[\\r\\n]+");
    /** A comma that is not inside a number ("10,000"). */
    private static final Pattern COMMA = Pattern.compile("(?<!\\d)[,，](?!\\d)\\s*|[,，]\\s+");
    /** Words that join two questions; matched on the text as typed, so the child "con" is never one. */
    private static final Pattern JOINER = Pattern.compile("\\s+(và|va|and|với lại|voi lai|còn)\\s+",
                                                          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern LEADING_JOINER = Pattern.compile("^(và|va|and|với lại|voi lai|còn)\\s+",
                                                                  Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** "X thì Y": Vietnamese topic–comment, the question is Y. */
    private static final Pattern THEN = Pattern.compile("(?<=\\s)(thì|thi)\\s+",
                                                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Question words that make a Vietnamese clause a question when among its last words ("… cần giấy tờ gì ạ"). */
    private static final Pattern QUESTION_WORD = Pattern.compile(
            "\\b(bao nhieu|bn|bao lau|may ngay|may gio|gi|the nao|ntn|nhu the nao|o dau|ai|nao|duoc khong|dc ko|dc k"
            + "|lam sao)\\b");
    /**
     * Particles that ask only at the very end, before nothing but courtesy words ("… được nhận hông ad", "… không ạ"):
     * inside a clause "chưa" is "not yet" ("vì lúc sinh chưa đăng ký kết hôn") and "đầu" a place ("đầu hẻm").
     */
    private static final Pattern QUESTION_PARTICLE = Pattern.compile(
            "\\b(khong|ko|k|chua|hong|hok|khum|sao|ha|nhi|dau|j|chu)( (a|ad|ah|ak|em|chi|anh|ba|vay|ha|nhi|nha|nhe|ban"
            + "|admin|ac|c|e))*$");
    /**
     * English questions open with a question word or an auxiliary. "will", "would" and "shall" ask only with a subject
     * after them ("will it take long", "would you …"): without one, the speaker's "I" was dropped and the line tells a
     * plan ("will check later", "will come back tomorrow").
     */
    private static final Pattern QUESTION_OPENING = Pattern.compile(
            "^(how|what|when|where|which|why|who|can|could|do|does|did|is|are|am|should|may|have|has)\\b"
            + "|^(will|would|shall) (i|you|u|we|they|he|she|it|this|that|there|my|your|our|the|a|an|someone|somebody"
            + "|anyone|anybody)\\b");
    /**
     * A request rather than a question: "đặt lịch giúp em", "please book an appointment". Not "muốn làm" / "I'd like
     * to": "a muốn làm thủ tục nhận con, vì …" may as well be a question, and is read whole as before.
     */
    private static final Pattern REQUEST = Pattern.compile(
            "\\b(dat lich|dat hen|hen lich|lay lich|lam ho|lam giup|dang ky giup"
            + "|giup (em|e|chi|anh|minh|toi|t|tui|con|chau)|book|appointment|please)\\b");
    /** A clause of courtesy only: "please", "thanks", "cảm ơn ạ", "làm ơn", "ad nhé". */
    private static final Pattern COURTESY = Pattern.compile(
            "((please|pls|plz|thanks|thank you|thank u|thx|tks|ty|sir|madam|ma am|cam on|xin cam on|lam on|vui long|a|ad"
            + "|admin|nhe|nha|nhen|voi|ban|ban oi|ad oi|em|chi|anh|nhieu|a lot|so much|in advance)( |$))+");
    /** How many of its last words a question word may be among ("… cần những giấy tờ gì ạ"). */
    private static final int QUESTION_TAIL = 4;
    /** Words at most in the first item of a list that opens a message ("phí", "giấy tờ", "thời gian làm"). */
    private static final int LIST_ITEM = 3;

    Clauses {
        parts = List.copyOf(parts);
    }

    static Clauses of(String text) {
        List<String> parts = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(text.strip())) {
            for (String piece : COMMA.split(sentence)) {
                String clause = piece.strip();
                if (!parts.isEmpty()) {
                    clause = LEADING_JOINER.matcher(clause).replaceFirst("");
                }
                if (Folding.withoutQuestionMark(Folding.fold(clause)).isBlank()) {
                    continue;
                }
                if (!parts.isEmpty() && COURTESY.matcher(Folding.withoutQuestionMark(Folding.fold(clause))).matches()) {
                    // "What is the fee, please?": the courtesy closes the question before it, it asks nothing itself
                    parts.add(parts.removeLast() + ", " + clause);
                    continue;
                }
                cutAtJoiners(clause, parts);
            }
        }
        return new Clauses(parts);
    }

    /** "phí bao nhiêu và mất mấy ngày" is two questions; "vợ và chồng cùng đi được không" is one. */
    private static void cutAtJoiners(String clause, List<String> parts) {
        String rest = clause;
        Matcher m = JOINER.matcher(rest);
        int from = 0;
        while (m.find(from)) {
            String left = rest.substring(0, m.start()).strip();
            String right = rest.substring(m.end()).strip();
            if (words(left) >= 2 && words(right) >= 2 && question(left) && question(right)) {
                parts.add(left);
                rest = right;
                m = JOINER.matcher(rest);
                from = 0;
            } else {
                from = m.end();
            }
        }
        parts.add(rest);
    }

    boolean many() {
        return parts.size() > 1;
    }

    /** The clauses that ask a question or make a request, in the order typed. */
    List<String> asking() {
        return parts.stream().filter(Clauses::asks).toList();
    }

    /** The clauses that ask a question (not a request), in the order typed. */
    List<String> questions() {
        return parts.stream().filter(Clauses::question).toList();
    }

    Optional<String> lastAsking() {
        List<String> asking = asking();
        return asking.isEmpty() ? Optional.empty() : Optional.of(asking.getLast());
    }

    /** Asks to book ("đặt lịch giúp em", "please book"), on accent-folded text. */
    static boolean requests(String folded) {
        return REQUEST.matcher(folded).find();
    }

    static boolean asks(String clause) {
        return question(clause) || REQUEST.matcher(Folding.fold(clause)).find();
    }

    /** A question mark, a question word among the last words, or an English question opening. */
    static boolean question(String clause) {
        String folded = Folding.fold(clause);
        if (folded.contains("?") || QUESTION_OPENING.matcher(folded).find()) {
            return true;
        }
        String[] words = folded.split(" ");
        String tail = String.join(" ", java.util.Arrays.copyOfRange(words, Math.max(0, words.length - QUESTION_TAIL),
                                                                    words.length));
        return QUESTION_WORD.matcher(tail).find() || QUESTION_PARTICLE.matcher(Folding.withoutQuestionMark(folded)).find();
    }

    /**
     * A message that opens with a short list of things asked ("phí và thời gian làm tạm trú", "giấy tờ và lệ phí đăng
     * ký kết hôn", "documents and fee for marriage"): the first item (one to three words) and the rest, cut at the
     * first "và / and / với"; empty when the message does not open that way. Which items are aspects the NLU says.
     */
    static List<String> openingList(String text) {
        String line = text.strip();
        Matcher m = JOINER.matcher(line);
        if (!m.find()) {
            return List.of();
        }
        String first = line.substring(0, m.start()).strip();
        String rest = line.substring(m.end()).strip();
        int n = words(first);
        return n >= 1 && n <= LIST_ITEM && words(rest) >= 1 ? List.of(first, rest) : List.of();
    }

    /** The question after the last "thì" of a clause ("… cho mẹ thì em đi thay được không ạ?"), if it asks one. */
    static Optional<String> comment(String clause) {
        Matcher m = THEN.matcher(clause);
        int end = -1;
        while (m.find()) {
            end = m.end();
        }
        if (end < 0) {
            return Optional.empty();
        }
        String after = clause.substring(end).strip();
        return words(after) >= 2 && question(after) ? Optional.of(after) : Optional.empty();
    }

    private static int words(String text) {
        return Folding.words(Folding.withoutQuestionMark(Folding.fold(text)));
    }
}
