package vn.warddesk.bot.conversation;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a line's own words say it asks, before any reading of its topic: whether the bot is a person, the status of a
 * request already sent, only a question ("muốn hỏi", "I want to ask") rather than a request, whether two things can
 * be done together, a new question after a thank-you. Pure text work on accent-folded text (as {@link Folding} folds it).
 */
final class CitizenAsks {
    /** "are you a real person?", "is this a bot", "bạn là người thật hay máy", "ad có phải người thật không". */
    private static final Pattern BOT_IDENTITY = Pattern.compile(
            "\\b((are|r) (you|u) (a |an )?(real |actual |live )?(person|human|bot|robot|machine|ai|chatbot|computer)"
            + "|is (this|it) (a |an )?(real |actual )?(person|human|bot|robot|machine|ai|chatbot|automated)"
            + "|am i (talking|chatting|speaking) (to|with) (a |an )?(real |actual )?(person|human|bot|robot|machine)"
            // a machine word after "là": "mình là người Hàn" (I am Korean) is the citizen speaking of themselves, and
            // a bare "máy" folds like "mấy" ("phí của em là mấy")
            + "|(ban|ad|admin|em|anh|chi|day|minh) (la|co phai( la)?) (nguoi that|nguoi may|may moc|may tinh|bot|robot"
            + "|ai|tu dong|tro ly ao)"
            + "|nguoi that hay (la )?(may|bot|robot)|co phai (la )?(nguoi that|nguoi may|bot|robot)"
            + "|(ban|ad|admin) (la )?(nguoi that|bot|robot) (a|ha|ak|khong|ko|k|hong|hay|vay))\\b");
    /** A request already sent: "I sent a request yesterday", "em đã nộp hồ sơ", "my application". */
    private static final Pattern SENT = Pattern.compile(
            "\\b((i|we) (already |just |have |ve |had )?(sent|submitted|filed|made|booked|applied|lodged|registered"
            + "|put in|handed in)"
            + "|(my|our) (request|application|booking|case|file|appointment request)"
            + "|(da|vua|moi) (gui|nop|dang ky|dk|dat lich|dat hen|lam ho so|gui yeu cau|gui don)"
            // the speaker, then the sending ("em nộp hồ sơ chứng thực tuần trước", "mình có gửi yêu cầu …"); not a wish
            // ("em muốn nộp hồ sơ"), which puts a word between them
            + "|(toi|em|e|minh|tui|chau|con|anh|chi) (co |da |vua |moi )?(gui|nop) (ho so|hs|yeu cau|don|giay to)"
            + "|(ho so|yeu cau|don|lich hen) (cua )?(toi|em|e|minh|tui|chau|con))\\b");
    /**
     * Asking how it is going: "any update?", "what's the status", "how is it progressing", "how it is going", "xong
     * chưa", "đến đâu rồi", "có kết quả chưa".
     */
    private static final Pattern HOW_IT_GOES = Pattern.compile(
            "\\b(any (update|updates|news|progress)|an update|update on|the status|status of|progress|progressing"
            + "|how (is|s) it (going|coming along|moving)(?! to\\b)|how it (is|s) (going|coming along|moving)(?! to\\b)"
            // the request named between: "How is my temporary residence request going? I sent it last week"
            + "|how (is|s|are) (my|our|the) (\\w+ ){0,4}(request|application|file|case|booking|papers) (going|coming along"
            + "|moving|progressing)(?! to\\b)"
            + "|is it (ready|done"
            + "|processed|approved)|has it been (processed|approved|accepted|done)|heard back|xong chua|duoc chua"
            // "tình trạng" only of the file: "tình trạng hôn nhân" is the single-status paper
            + "|dc chua|den dau roi|toi dau roi|co ket qua chua|ket qua (the nao|sao roi)|tinh trang (ho so|yeu cau|don"
            + "|lich hen)|da (duoc )?(duyet"
            + "|xu ly|giai quyet|nhan) chua|sao roi|the nao roi|ra sao roi)\\b");
    /** Following a request up: "check on it", "follow up on it", "track my request", "theo dõi hồ sơ". */
    private static final Pattern FOLLOW_IT = Pattern.compile(
            "\\b((check|follow up|track|chase|keep track of|see how) (on )?(it|that|this|my (request|booking|case|application))"
            + "|(theo doi|kiem tra|xem) (lai )?(ho so|yeu cau|lich hen|don)|(ho so|yeu cau|don) (no )?(toi|den) dau)\\b");

    /** Only a question: "muốn hỏi", "cho em hỏi", "hỏi về", "I want to ask", "I have a question about". */
    private static final Pattern ONLY_ASKS = Pattern.compile(
            "\\b(muon hoi|can hoi|xin hoi|cho (toi |em |e |minh |tui |chau |con )?hoi|hoi (ve|thu|chut|ti|xiu|cai|thong"
            + " tin)|muon tim hieu|tim hieu (ve|thu)|muon biet|i (want|would like|d like|wanted|just want) to (ask|know)"
            + "|can i ask|may i ask|i have a question|a question about|question regarding|just (asking|wondering)"
            + "|i was wondering|want to know|would like to know|d like to know)\\b");
    /** A later day, and going to the office: "để tuần sau e ra phường làm", "mai tui lên phường", "I'll go next week". */
    private static final String LATER = "(mai|ngay mai|mot|tuan sau|tuan toi|thang sau|hom khac|bua khac|bua sau|hom sau"
            + "|chieu nay|sang mai|chieu mai|dau tuan|cuoi tuan|thu [2-7]|thu (hai|ba|tu|nam|sau|bay)"
            + "|tomorrow|next week|later|next month|on (monday|tuesday|wednesday|thursday|friday|saturday))";
    private static final String GO = "((ra|len|qua|den|toi|ghe|xuong|vo|vao) (phuong|ubnd|ub|uy ban|xa)"
            + "|(i ll|i will|we ll|we will|i m going to|we re going to|i can) (go|come|drop by|stop by|visit|head|pop))";
    private static final Pattern PLANS_VISIT = Pattern.compile("\\b" + LATER + "\\b.*\\b" + GO + "\\b|\\b" + GO
                                                               + "\\b.*\\b" + LATER + "\\b");
    /**
     * Asking the office to take the request now, beyond {@link Clauses#requests}: "apply", "submit", "start it", "now",
     * "nộp hồ sơ", "làm hồ sơ", "cho tôi đăng ký", "làm luôn/ngay". A line with these is a request whatever else it tells.
     */
    private static final Pattern FILES_NOW = Pattern.compile(
            "\\b(apply|applying|submit|start (it|the|my|a|now)|file (it|now|my|the|a|for)|sign me up|register me|right now"
            + "|now|nop (ho so|yeu cau|don|hs)|lam (ho so|hs)|mo (yeu cau|ho so)|lay so|ngay bay gio|ngay hom nay"
            + "|cho (toi|em|e|minh|tui|chau|con|t|chi|anh) (dang ky|dk|lam|nop|xin)"
            + "|(lam|dang ky|dk|nop) (luon|ngay) (giup|cho|di|nhe|nha)|^(ok |vay |thi )*(lam|dang ky|dk) (luon|ngay)$)\\b");
    /**
     * A need told ("e cần sao y …", "mình cần chứng thực …", "we bought a house and need to transfer …"): "cần" after the speaker or
     * opening the line; not English "can I …", "can you …" (folded, "cần" and "can" are one word).
     */
    private static final Pattern NEEDS = Pattern.compile(
            "(^|\\b(e|em|toi|tui|minh|t|chi|anh|con|chau|nha (toi|em|minh|tui)|bo|me|ba|vo|chong|ck|vk|co|chu|bac) )(dang )?can\\b"
            + "(?! (i|you|u|we|my|they|he|she|someone|somebody|anyone|the|a)\\b)"
            + "|\\b(i|we) (really |just |will |ll )?(need|needs|have to|must)\\b|\\b(need|needs) to\\b");
    /** A reason given for it: "… vì lúc sinh bọn e chưa đăng ký kết hôn", "because I moved here" (not "đơn vị", "vị trí"). */
    private static final Pattern REASON = Pattern.compile(
            "(?<!\\b(don|pham|dia|huong|mui|thu) )\\b(vi|tai vi|boi vi|because|since|cause|cuz|coz)\\b(?! tri\\b)");
    /** The wish after a story of four words or more: "tui mới mua nhà ở phường này muốn chuyển hộ khẩu về". */
    private static final Pattern STORY_THEN_WISH = Pattern.compile(
            "^(\\S+ ){4,}(muon|mun|want|wants|wanna|would like|d like)\\b");

    /**
     * Whether the office does it at all, asked of the office: "reckon you lot can certify copies of me passport?", "can
     * you guys certify a copy of my diploma?", "do you do signature certification here?", "phường có chứng thực bản sao
     * không". An officer answers how it is done and offers to book; the citizen has asked for nothing yet.
     */
    private static final Pattern ASKS_IF_DONE = Pattern.compile(
            "\\b((can|could|do|does|will|would) (you|u|ya|you guys|you lot|y all|yall|the ward|the office|your office"
            + "|this office|they)|(reckon|think|guess) (you|u|ya)( guys| lot)? (can|could|do)|is it possible to get)\\b"
            + "|\\b(phuong|xa|ubnd|uy ban|ben minh|o day|ben phuong|ad) (minh )?co (lam|nhan|chung thuc|giai quyet|cap|xu ly"
            + "|dang ky)\\b");

    /**
     * Doing it together with something else: "cùng lúc", "luôn một thể", "at the same time". Not "cùng với" (with
     * someone), "at once" (right away) nor "một thẻ" (a card).
     */
    private static final Pattern TOGETHER = Pattern.compile(
            "\\b(cung luc|cung mot luc|cung 1 luc|luon mot the|dong thoi|at the same time|same time|in one go|in one visit"
            + "|combined)\\b");
    /**
     * A thank-you opening the line, with particles and the one thanked ("cảm ơn ad nhé, …", "thanks a lot! …", "Cảm ơn
     * cán bộ." — folded, "cán bộ" would otherwise be read as a line of its own opening with English "can"), on folded
     * text.
     */
    private static final Pattern THANKS_FIRST = Pattern.compile(
            "^((ok|oke|okay|vang|da|u|a) )?(cam on|thanks|thank you|thank u|thx|tks|ty)( (so much|a lot|very much|nhieu|nhe"
            + "|nha|ad|admin|ban|em|chi|anh|a|can bo|co|chu|bac|ong|ba|co chu|officer|sir|madam|ma am|mate|guys))*(?= |$)");
    /**
     * A greeting opening the line, with the forms of address people add ("hi, …", "g'day, …", "chào chị, …", "xin
     * chào ad, …"), on folded text.
     */
    private static final Pattern GREETING_FIRST = Pattern.compile(
            "^(hi|hello|hey|hiya|howdy|g day|gday|good (morning|afternoon|evening|day)|hey there|chao|xin chao|alo|helo"
            + "|he lo)( (there|guys|mate|all|everyone|ban|ad|admin|anh|chi|em|co|chu|bac|a|nhe|nha|oi))*(?= |$)");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");

    private CitizenAsks() {
    }

    /** Whether the citizen asks if they talk to a person or a machine (not a request for staff). */
    static boolean botIdentity(String folded) {
        return BOT_IDENTITY.matcher(folded).find();
    }

    /** A request said to be sent, and how it is going asked: "I sent a request yesterday…, any update?". */
    static boolean statusOfSent(String folded) {
        return SENT.matcher(folded).find() && HOW_IT_GOES.matcher(folded).find();
    }

    /**
     * How the citizen's request is going or how to follow it, asked without saying it was sent ("what's the status of
     * it now", "how do I check on it later?", "làm sao biết hồ sơ tới đâu rồi"): said where a request is on record.
     */
    static boolean followsRequest(String folded) {
        return HOW_IT_GOES.matcher(folded).find() || FOLLOW_IT.matcher(folded).find();
    }

    /** The line says it asks ("muốn hỏi về trợ cấp", "I want to ask about…") and books nothing. */
    static boolean onlyAsks(String folded) {
        return ONLY_ASKS.matcher(folded).find() && !Clauses.requests(folded);
    }

    /** Whether it can be done together with something else, asked as a question ("… cùng lúc không"). */
    static boolean together(String text) {
        return TOGETHER.matcher(Folding.fold(text)).find() && Clauses.question(text);
    }

    /**
     * The line tells a plan to come to the office later ("ok để tuần sau e ra phường làm", "I'll go next week") and
     * asks to book nothing: the citizen will file in person, this is no request now.
     */
    static boolean plansVisit(String folded) {
        return PLANS_VISIT.matcher(folded).find() && !Clauses.requests(folded);
    }

    /**
     * Filing elsewhere as the purpose of the paper ("sao y bằng tốt nghiệp để nộp hồ sơ du học", "so I can submit my
     * visa application"): that filing is not asked of the ward — only the phrase goes, a booking after it still counts
     * ("… để làm hồ sơ vay ngân hàng, phường đặt lịch giúp tôi với"). Not English "to apply": "I want to apply for …".
     */
    private static final Pattern PURPOSE = Pattern.compile(
            "\\b(de|de ma|in order to|so (that )?i can) (nop|lam|submit|apply|file) (ho so|hs|don|my|for|the|a|an)\\b");

    /** The red or pink book is the land certificate, not a booking ("transfer the pink book to our name"). */
    private static final Pattern BOOK_NOUN = Pattern.compile("\\b(red|pink|land|house|household|family) books?\\b");

    private static String withoutBookNoun(String folded) {
        return BOOK_NOUN.matcher(folded).replaceAll("so do");
    }

    /** The line asks in words to file now ("apply now", "nộp hồ sơ", "cho tôi đăng ký", "làm luôn giúp em"). */
    static boolean filesNow(String folded) {
        String words = PURPOSE.matcher(withoutBookNoun(folded)).replaceAll(" ");
        return FILES_NOW.matcher(words).find() || Clauses.requests(words);
    }

    /** A booking asked for in words: "đặt lịch", "hẹn lịch", "book", "an appointment". */
    private static final Pattern BOOKS = Pattern.compile("\\b(dat lich|dat hen|hen lich|lay lich|book|appointment)\\b");

    /**
     * The line asks to book ("a thoi e dong y, dat lich di ad"): no farewell, however sure the NLU is of one ("thôi"
     * also closes a talk).
     */
    static boolean asksToBook(String folded) {
        return BOOKS.matcher(withoutBookNoun(folded)).find();
    }

    /**
     * The line tells a need, the reason for it or the story behind it ("e cần sao y bằng tốt nghiệp 5 bản", "… vì lúc
     * sinh bọn e chưa đăng ký kết hôn", "tui mới mua nhà ở phường này muốn chuyển hộ khẩu về") and asks the office to do
     * nothing yet (no booking, "giúp", "apply", "nộp hồ sơ", "cho tôi đăng ký", "now"): the citizen wants to know how.
     */
    static boolean tellsNeed(String folded) {
        return (NEEDS.matcher(folded).find() || REASON.matcher(folded).find() || STORY_THEN_WISH.matcher(folded).find())
               && !filesNow(folded);
    }

    /**
     * The office asked whether it does the thing at all ("can you guys certify a copy…?", "phường có chứng thực … không"),
     * as a question, booking nothing and asking to file nothing now.
     */
    static boolean asksIfDone(String text) {
        String folded = Folding.fold(text);
        return ASKS_IF_DONE.matcher(folded).find() && Clauses.question(text) && !asksToBook(folded) && !filesNow(folded);
    }

    /**
     * "apply" is a request only when the line does not say it only asks, nor asks whether it can go together, nor
     * tells a plan to come later, nor only tells a need, nor asks whether the office does it at all.
     */
    static String notFiling(String aspect, Heard h) {
        return "apply".equals(aspect) && (onlyAsks(h.folded) || together(h.text) || plansVisit(h.folded)
                                          || tellsNeed(h.folded) || asksIfDone(h.text))
               ? "general" : aspect;
    }

    /**
     * The question after a thank-you that opens the line ("cam on, the con ket hon thi sao", "thanks! what about
     * marriage?"): thanks are no answer to it. Empty when nothing asking follows ("thanks, bye", "cảm ơn nhé").
     */
    static Optional<String> afterThanks(String text) {
        return askedAfter(THANKS_FIRST, text);
    }

    /**
     * The question after a greeting that opens the line ("hi, do you guys do birth certificates here?", "chào chị,
     * phường có làm khai sinh không"). Empty when nothing asking follows ("hi there", "chào ad nhé").
     */
    static Optional<String> afterGreeting(String text) {
        return askedAfter(GREETING_FIRST, text);
    }

    private static Optional<String> askedAfter(Pattern opener, String text) {
        Matcher thanks = opener.matcher(Folding.fold(text));
        if (!thanks.lookingAt()) {
            return Optional.empty();
        }
        int skip = Folding.words(thanks.group());
        Matcher word = WORD.matcher(text);
        for (int i = 0; i <= skip; i++) {
            if (!word.find()) {
                return Optional.empty(); // nothing after the thanks
            }
        }
        String rest = text.substring(word.start()).strip(); // as typed, from the first word after the thanks
        String folded = Folding.fold(rest);
        boolean asks = Clauses.question(rest) && Folding.words(folded.replace("?", "").strip()) >= 2;
        return asks && !AsksNothing.farewell(folded) ? Optional.of(rest) : Optional.empty();
    }
}
