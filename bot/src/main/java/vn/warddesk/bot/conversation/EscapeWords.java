package vn.warddesk.bot.conversation;

import java.util.regex.Pattern;

/**
 * The words for getting out of what the bot is doing, read on folded text: start over, cancel the form (or go on after
 * all), withdraw consent and erase, talk to staff, "my case is a special one".
 */
final class EscapeWords {
    private static final Pattern RESTART = Pattern.compile(
            "^((thoi|a|oi|uh|um|ok|thi|vay|hay|let s|lets|please|can we|i want to|toi muon|cho (toi|em|minh)) )*"
            + "(bat dau lai( tu dau)?|lam lai( tu dau)?( het)?|start over|start again|begin again|start from scratch"
            + "|restart|reset|/start|quay lai tu dau|lam lai tu dau)"
            // closing particles and a form of address, as many as people add: "làm lại từ đầu đi bạn ơi", "lam lai di ad"
            + "( (di|nhe|nha|please|nao|a|ad|ban|oi|em|anh|chi|giup|voi|ho|luon|thanks))*$");
    private static final Pattern WITHDRAW = Pattern.compile(
            "(rut (lai )?(su )?dong y|xoa (het )?(du lieu|thong tin)( ca nhan)? cua (toi|minh|em)|xoa du lieu"
            + "|withdraw (my )?consent|delete (all )?my (data|details|information)|erase my (data|details))");
    /**
     * Words of hesitation before a cancel ("hmm wait, maybe I should cancel", "hay là thôi hủy nhỉ", "chắc thôi không
     * làm nữa"): still a cancel, and the form asks once whether to cancel, so a doubt costs nothing.
     */
    private static final String HESITATION = "hmm|hm|wait|maybe|perhaps|i think|on second thought|hay la|hay|chac la"
            + "|chac|co le|hmm thoi|suy nghi lai";
    /** A request to stop filling the form. It must open the message: "Nguyễn Quang Huy" is a name, not a cancel. */
    private static final Pattern CANCEL = Pattern.compile(
            "^((thoi|uh|um|u|uk|ok|oke|vang|da|co|yes|yeah|a|oi|vay|thi|actually|sorry|no|please|" + HESITATION + ") )*"
            + "((toi|em|minh|anh|chi|e|t) )?((muon|xin|can|nen) )?"
            + "(huy|cancel|dung lai|ngung|bo di|bo qua di|khoi|thoi khoi|khong lam nua|ko lam nua|k lam nua|hong lam nua"
            + "|khong muon lam nua|ko muon lam nua|khong can nua|ko can nua|khong dang ky nua|ko dang ky nua"
            + "|stop|quit|never ?mind|forget it|abort)( .*)?$"
            + "|^((actually|sorry|no|ok|well|" + HESITATION + ") )*(i )?(want to |would like to |d like to |wanna "
            + "|should |might |d better |ll |will |better )?(just )?(cancel|stop|quit)( .*)?$"
            + "|^thoi( di| nhe| nha| khong| ko| nua)*$"
            // putting it off, opening the line, whatever reason follows: "thôi để sau đi, e chưa có hợp đồng", "thoi
            // khoan de sau, e hoi lai vo da", "later", "not now" ("để sau khi…", "để sau này", "để sau tết" are not:
            // they go on, or name a day)
            + "|^((thoi|khoan|tam|thoi thi|vay|the|thi|ok|oke|uh|um|a|oi|hmm|" + HESITATION + ") )*(de|hen|cu) (sau|luc khac"
            + "|khi khac|hom khac|bua khac|dip khac)(?! (khi|nay|do|nua|cung|roi|tet|thu|ngay|tuan|thang|nam|\\d+)\\b)( .*)?$"
            + "|^((ok|okay|oh|hmm|well|sorry|actually|" + HESITATION + ") )*(i ll |i will |let s |lets |we ll |i d rather )?"
            + "(do (it|this) |continue |finish (it|this) |come back )?(later|not now)( (please|thanks|thank you|then|ok"
            + "|sorry|maybe))*$"
            // "để em suy nghĩ đã", "để tôi bàn với gia đình đã", "let me think about it": not now, for a while
            + "|^((thoi|khoan|vay|the|ok|oke|uh|um|a|oi|hmm|" + HESITATION + ") )*de (toi|em|e|minh|tui|t|chau|con) "
            + "(suy nghi|nghi|ban|hoi|xem|coi|tinh|ve|ve nha)\\b.*\\bda$"
            + "|^((ok|okay|hmm|well|" + HESITATION + ") )*let me (think|talk|ask|check|discuss)\\b.*\\b(first|about it)$"
            + "|.*\\b(khong (muon )?(lam|dang ky|nop) (nua|tiep)|ko (muon )?(lam|dang ky|nop) (nua|tiep)"
            // putting it off is stopping for now: "thôi để hôm khác", "để lần sau nhé", "maybe another time"
            + "|(de|hen) (hom|bua|lan|luc|dip|khi) (khac|sau)|(another|some other) time|maybe later"
            + "|(do|finish) (it|this) later"
            + "|(don t|dont|do not) want to (do (this|it)|continue|go on|apply)|(cancel|drop) (the|my|this) "
            + "(request|form|booking|appointment|application)|huy (yeu cau|ho so|dang ky|lich hen|don))\\b.*");
    /**
     * A cancel that closes the line after the reason for it: "thoi de ba me em tu di, em huy nha", "my wife will go
     * herself, cancel it please". The closing clause is the cancel with a pronoun and particles only, so a note that
     * goes on about what to cancel ("…, muốn hủy hộ kinh doanh cũ") is not one.
     */
    private static final Pattern CLOSING_CANCEL = Pattern.compile(
            "^((thoi|vay|thi|nen|a|da|vang|ok|so|then|just|please|nen thoi) )*((toi|em|e|minh|tui|t|anh|chi|con|chau|i) )?"
            + "((xin|muon|cho|se|want to|ll|will|d like to|would like to|wanna) )?"
            + "(huy|huy bo|cancel|khong lam nua|ko lam nua|k lam nua|khong dang ky nua|ko dang ky nua)"
            + "( (it|this|that|the request|the booking|the appointment|luon|lun|di|nha|nhe|nhen|a|ad|giup|dum|gium|ho"
            + "|(giup|dum|gium|ho) (em|e|toi|minh|tui|chau|con)|please|thanks|ok|nhe ad|nha ad|lich|lich hen|yeu cau))*$");
    /** Putting it off, closing the line: "thôi để bà em hỏi lại bố em đã, để sau nha", "…, later then". */
    private static final Pattern CLOSING_PUT_OFF = Pattern.compile(
            "^((thoi|vay|thi|a|ok|nen|thoi thi|so|maybe) )*((de|hen|cu) (sau|luc khac|khi khac|hom khac|bua khac|dip khac"
            + "|lan sau)|later|another time|some other time)( (di|nha|nhe|nhen|nghen|a|ad|em|e|then|please|thanks|ok))*$");
    private static final Pattern CANCEL_VERB = Pattern.compile("\\b(huy|huy bo|cancel)\\b");
    /** Answers to "cancel the form?" or "erase?" that mean "no, go on": "làm tiếp", "keep it", "continue". */
    private static final Pattern GO_ON = Pattern.compile(
            "\\b(lam tiep|tiep tuc|tiep di|dien tiep|nhap tiep|khong huy|ko huy|giu lai|giu|keep|continue|go on"
            + "|carry on|don t cancel|dont cancel|do not cancel|don t erase|do not erase"
            // a negated erase verb answers "erase?" with a no: "thôi ko xoá nữa", "đừng xoá", "don't delete"
            + "|(khong|ko|k|kh|dung|chua) (can )?xoa|don t delete|dont delete|do not delete)\\b");
    private static final Pattern STAFF = Pattern.compile(
            "\\b(gap (truc tiep )?(can bo|nguoi that|nhan vien|nguoi)|noi chuyen (voi|vs) (can bo|nguoi|nhan vien)"
            + "|chuyen (cho |sang )?(can bo|nguoi that|nhan vien)|cho (toi|em|minh) gap|talk to (a |an )?(human|person"
            + "|staff|someone|officer|real person|agent)|speak (to|with) (a |an )?(human|person|staff|someone|officer"
            + "|agent)|real person|human agent)\\b");
    /**
     * "Em hỏi trường hợp riêng", "my case is a special one": the citizen says the general answer does not fit them,
     * which at a ward desk is what an officer is for.
     */
    private static final Pattern SPECIAL_CASE = Pattern.compile(
            "\\b(truong hop (rieng|dac biet|cu the)|hoan canh (rieng|dac biet)|special case|my (own )?case is (special"
            + "|different|unusual|complicated)|unusual case|particular case)\\b");

    private EscapeWords() {
    }

    static boolean restart(String folded) {
        return RESTART.matcher(Folding.withoutQuestionMark(folded)).matches();
    }

    static boolean withdraw(String folded) {
        return WITHDRAW.matcher(folded).find();
    }

    static boolean cancel(String folded) {
        return CANCEL.matcher(Folding.withoutQuestionMark(folded)).matches();
    }

    /**
     * The last of two clauses or more is a cancel or a putting off by itself ("thoi de ba me em tu di, em huy nha",
     * "thôi để bà em hỏi lại bố em đã, để sau nha").
     */
    static boolean cancelsLast(Clauses clauses) {
        if (!clauses.many()) {
            return false;
        }
        String last = Folding.withoutQuestionMark(Folding.fold(clauses.parts().getLast()));
        return CLOSING_CANCEL.matcher(last).matches() || CLOSING_PUT_OFF.matcher(last).matches();
    }

    /** The verb of cancelling itself: "hủy", "cancel". */
    static boolean cancelVerb(String folded) {
        return CANCEL_VERB.matcher(folded).find();
    }

    static boolean goOn(String folded) {
        return GO_ON.matcher(folded).find();
    }

    static boolean staff(String folded) {
        return STAFF.matcher(folded).find();
    }

    static boolean specialCase(String folded) {
        return SPECIAL_CASE.matcher(folded).find();
    }

    /** The line without its "my case is complicated" words: what the citizen tells of the case, if anything. */
    static String withoutSpecialCase(String folded) {
        return SPECIAL_CASE.matcher(folded).replaceAll(" ").replaceAll("\\s+", " ").strip();
    }
}
