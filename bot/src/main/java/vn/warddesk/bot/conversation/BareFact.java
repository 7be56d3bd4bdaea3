package vn.warddesk.bot.conversation;

import java.util.regex.Pattern;

/**
 * A fact or a condition sent as its own short message (pure, on the folded text): "she is 80 actually", "tui 70 tuoi
 * roi", "con tôi sinh ở bệnh viện tư", "bé nhà em sinh ở bệnh viện tỉnh", "I'm not a resident here". It asks nothing and wishes nothing; it tells about
 * a person (the citizen, a relative), gives an age or counts pages or copies — what a citizen adds to the question
 * just answered.
 */
final class BareFact {
    /** Longer lines tell a story and usually ask something of their own. */
    private static final int MAX_WORDS = 14;
    /** An age: "80 tuổi", "70t", "82 years old", "she is 80". */
    private static final Pattern AGE = Pattern.compile(
            "\\b\\d{1,3} ?(tuoi|t|years?|yrs?|yo)\\b|\\b(is|s|am|m|are|re) (\\w+ )?\\d{1,3}\\b|\\bnam nay \\d{1,3}\\b");
    /**
     * A count of what the answer counts ("bản gốc của e 4 trang", "my lease is 6 pages long", "3 bản"): the pages or
     * copies the fee or the papers depend on.
     */
    private static final Pattern COUNT = Pattern.compile(
            "\\b(\\d{1,4}|hai|ba|bon|nam|sau|bay|tam|chin|muoi|two|three|four|five|six|seven|eight|nine|ten)"
            + " ?(trang|to|ban|page|pages|copies|sheets)\\b");
    /** A count beside a price or time word asks that ("phí nhiêu 1 bản"): it is a question, not a fact. */
    private static final Pattern ASKS_AMOUNT = Pattern.compile(
            "\\b(phi|le phi|tien|gia|nhieu|nhiu|bn|lau|may ngay|fee|fees|cost|costs|price|much|long)\\b");
    /** A fact opens with a person, after a filler ("à", "actually", "thật ra"). */
    private static final Pattern PERSON = Pattern.compile(
            "^((a|oh|ah|um|uh|but|and|well|actually|thuc ra|that ra|the|ma|nhung|vi|tai|con|voi lai|do|da|vang) )*"
            // the child a birth question was about: "bé nhà em", "thằng bé", "con bé", "em bé", "the baby"
            + "(toi|tui|t|em|e|minh|tao|bon (em|toi|minh)|chung (toi|em|minh)|nguoi yeu|ban trai|ban gai|vo|chong|vo chong|hai dua|2 dua|ca nha|nha"
            + "|(em |chau |con |thang )?be|the (baby|child|kid|boy|girl)"
            + "|(con|bo|me|ba|ong|cha|anh|chi|co|chu|cau|di|vo|chong|chau|ba noi|ba ngoai|ong noi|ong ngoai)"
            + " (toi|tui|em|e|minh|nha|chau|con)|i|i m|i am|i was|i have|i ve|i d|we|we re|we are|we have|we were"
            + "|my \\w+|our \\w+|he|she|he s|she s|he is|she is|they|they re|they are)\\b");
    /** A wish, a need or a request is not a fact: "em muốn …", "I need a copy …", "cho em đặt lịch". */
    private static final Pattern WISH = Pattern.compile(
            "\\b(muon|dinh|can|xin|hoi|nho|giup|cho (em|toi|minh|tui)|dat lich|want|wants|would like|wish|plan|planning"
            + "|need|needs|please|help|book|can i|could i|how|what|where|when|why|which)\\b");

    private BareFact() {
    }

    /** Whether the line counts pages or copies ("4 trang", "6 pages"): nothing an office question is about. */
    static boolean counts(String folded) {
        return COUNT.matcher(folded).find() && !ASKS_AMOUNT.matcher(folded).find();
    }

    static boolean told(String folded) {
        String bare = Folding.withoutQuestionMark(folded).strip();
        int words = Folding.words(bare);
        return words >= 2 && words <= MAX_WORDS && !folded.contains("?") && !QuestionShapes.question(folded)
               && !WISH.matcher(bare).find() && (PERSON.matcher(bare).find() || AGE.matcher(bare).find()
                                                          || counts(bare));
    }
}
