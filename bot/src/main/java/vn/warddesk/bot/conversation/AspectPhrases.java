package vn.warddesk.bot.conversation;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Question shapes a desk officer hears one way and the NLU's words pull another (pure, on folded text):
 * <ul>
 *   <li>the deadline to register ("phải làm trong bao nhiêu ngày", "how many days do we have") is who must file and
 *       when (eligibility: "trong 15 ngày"), not how long the office takes; so is whether one must register at all
 *       ("bán hàng online ở nhà có phải đk ko", "do I need to register a household business?"), how early before
 *       the paper runs out ("trước bao nhiêu ngày") and whether another person must agree ("có cần cháu đồng ý");</li>
 *   <li>cheaper online is the fee (which tells both amounts); doing it on the phone or from home is online;</li>
 *   <li>how long a paper stays valid ("giấy đó có hạn bao lâu", "có giá trị bao lâu") is what the paper is (the
 *       overview: "có giá trị 6 tháng"), not the processing time ("how long is it good for");</li>
 *   <li>original or copy of a paper ("mang bản gốc hay bản sao") is the topic's papers, not copy certification; so are
 *       a proof or formality (a DNA test, legalisation, translation) and a paper lost ("làm mất rồi thì sao").</li>
 * </ul>
 */
final class AspectPhrases {
    /** The aspect asked and the message without the phrase (to tell whether anything else names a procedure). */
    record Found(String aspect, String rest) {
    }

    /**
     * A phrase asking the aspect; {@code needs} must also be in the line and {@code unless} must not (either may be
     * null). Kept apart from the phrase so that the rest of the line ({@link Found#rest}) keeps its other words.
     */
    private record Shape(String aspect, Pattern pattern, Pattern needs, Pattern unless) {
        Shape(String aspect, Pattern pattern) {
            this(aspect, pattern, null, null);
        }

        boolean fits(String folded) {
            return (needs == null || needs.matcher(folded).find()) && (unless == null || !unless.matcher(folded).find());
        }
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape("eligibility", Pattern.compile(
                    "\\bphai (lam|dang ky|dk|di|nop|khai bao|khai|bao)\\b.*\\btrong (vong )?(bao nhieu|may|bao lau)( ngay| thang)?"
                    + "|\\btrong (vong )?(bao nhieu|may) ngay (thi |la )?phai\\b|\\bhan chot\\b"
                    + "|\\bhow (many days|many weeks|long|much time) (do|have) (we|i|you) (have|got)\\b|\\bdeadline\\b"
                    + "|\\btime limit\\b|\\bwithin how (many days|long)\\b"
                    // how early before the paper runs out ("gia hạn thì phải làm trước bao nhiêu ngày"): a deadline too
                    + "|\\btruoc (khi het han )?(bao nhieu|may)( ngay| tuan| thang)?\\b"
                    + "|\\bhow (many days|many weeks|long|early|soon) before\\b"
                    // whether one must register at all ("bán hàng online ở nhà có phải đk ko", "do I need to register")
                    + "|\\b(co )?(phai|can|bat buoc)( phai)? (dang ky|dk)\\b(?!.*\\b(online|truc tuyen|qua mang|o dau)\\b)"
                    + "( \\w+){0,4} (khong|ko|k|hong|hok)$"
                    + "|(?<!\\b(what|which|papers|documents|paperwork|things|else) )\\bdo (i|we) (even )?(need|have) to register\\b"
                    + "(?!.*\\b(online|where)\\b)"
                    // whether someone may receive a benefit ("bà em 82 tuổi có được nhận trợ cấp không", "can he get
                    // the allowance"), not how much, how soon or through which channel
                    + "|\\b(co )?(duoc|dc) (nhan|huong|lanh)\\b(?!.*\\b(bao nhieu|bn|may|bao lau|khi nao|online"
                    + "|truc tuyen|qua mang|buu dien)\\b).*\\b(khong|ko|k|hong|hok)\\b"
                    // whether another person must agree ("đổi tên con 10 tuổi có cần cháu đồng ý không"): a condition
                    // of who may file, not a paper; the citizen's own consent ("có cần tôi đồng ý") is the privacy topic
                    + "|\\b(can|phai|bat buoc)( phai)? (co )?(su |y kien )?(?!(toi|em|e|minh|tui) )(\\w+ ){0,2}(dong y|cho phep)\\b"
                    + "|\\b(need|needs|require|requires)( \\w+){0,3} (?<!\\bmy )(consent|permission|approval)\\b"
                    + "|\\b(does|do|must) (he|she|they|the child|the kid|my \\w+) (have to |need to )?(agree|consent)\\b")),
            // whether someone else may file for the citizen ("can my wife file it or do I have to go myself"), not how,
            // when or for how much ("can my landlord do it online for me" is online)
            new Shape("eligibility", Pattern.compile(
                    "\\bcan (my \\w+|someone( else)?|somebody( else)?|another person|a relative|a friend)"
                    + " (file|submit|apply|register|request|collect|sign|do it)\\b"), null,
                      Pattern.compile("\\b(online|how much|how long|when|where|fee|cost|phone|app)\\b")),
            new Shape("eligibility", Pattern.compile("\\bcan (he|she|i|we|they|my \\w+) (get|receive|claim)\\b"), null,
                      Pattern.compile("\\b(how much|how soon|how long|when|online|same day|today|right away|at once"
                                      + "|immediately)\\b")),
            // whether both or another person must come ("2 đứa cùng phải có mặt ạ", "we both have to be there in
            // person"): who must file, said as a statement as often as a question — not where, what or how much
            new Shape("eligibility", Pattern.compile(
                    "\\b(ca 2|ca hai|2 dua|hai dua|ca 2 dua|ca hai dua|hai vo chong|2 vo chong|vo chong|hai nguoi|2 nguoi"
                    + "|both|both of us|the two of us)\\b.*\\b(phai|can|bat buoc|have to|need to|must)\\b"
                    + ".*\\b(co mat|len|den|ra|di|toi|be there|be present|come|go|appear|in person)\\b"),
                      null, Pattern.compile("\\b(dau|where|gi|j|what|which|bao nhieu|bn|bao lau|phi|tien|fee|how much"
                                            + "|how long|online)\\b")),
            // whether it can still be done after some time has passed ("ông em mất 3 tuần rồi thì bây giờ đi làm còn
            // kịp không", "is it too late to register now?"): the deadline (who must file and when), not the hours
            new Shape("eligibility", Pattern.compile(
                    "\\bcon kip\\b|\\bkip (khong|ko|k|hong|hok|ko a|khong a)\\b|\\b(tre|muon|qua|lo) han\\b"
                    + "|\\btoo late\\b|\\b(past|missed|after) the deadline\\b"
                    + "|\\b(bay gio|gio|h) (moi )?(di |len |ra )?(lam|dang ky|dk|khai|nop)( \\w+){0,3} (thi )?con (duoc|dc)"
                    + " (khong|ko|k|hong|hok|nua)\\b"),
                      // a fine for being late ("trễ hạn có bị phạt không") is the fee, which tells it
                      null, Pattern.compile("\\b(gio lam viec|mo cua|dong cua|gio nay|hom nay|chieu nay|sang nay|today|open|close"
                                            + "|closes|closed|phat|bi phat|tien phat|fine|fined|penalty)\\b")),
            // how much a month ("mỗi tháng được nhiêu vậy", "how much would that be per month"): the amount, which the
            // fee answer tells for a benefit, not how many days it takes
            new Shape("fee", Pattern.compile(
                    "\\b(moi|1|mot|hang) thang\\b.*\\b(bao nhieu|nhieu|nhiu|bn)\\b"
                    + "|\\bhow much\\b.*\\b(a|per|each|every) month\\b|\\bmonthly amount\\b"),
                      null, Pattern.compile("\\b(ngay|tuan|days|weeks)\\b")),
            // how long it takes, said with the verb of paying ("tốn mấy tháng", "tốn bao nhiêu ngày"): a count of days,
            // weeks or months asks the time even after "tốn" (costs), unless money is named beside it
            new Shape("processing_time", Pattern.compile(
                    "\\b(ton|het)( het)?( khoang| tam| chung)? (may|bao nhieu|bn|bao) (ngay|thang|tuan|bua|hom|nam)\\b"),
                      null, Pattern.compile("\\b(tien|phi|le phi|dong|nghin|ngan|trieu|chi phi)\\b")),
            // an amount of time asked with the words of an amount of money ("And how much time it will take?", "in how
            // much time we will get it", "how much days it takes", "what is the time required"): the time, though
            // "how much" pulls toward the fee — unless money is named beside it ("how much time and how much fee")
            new Shape("processing_time", Pattern.compile(
                    "\\bhow much (time|days|weeks|months|duration)\\b"
                    + "|\\b(time|duration) (required|taken|needed|it takes|it will take)\\b"),
                      null, Pattern.compile("\\b(fee|fees|cost|costs|price|money|pay|paid|charge|charges|dong|tien|phi"
                                            + "|le phi|rupees|dollars|vnd)\\b")),
            // a lone price word after an answer ("giá", "gia?", "chi phí sao", "price?"): the fee of the topic
            new Shape("fee", Pattern.compile(
                    "^(gia|gia ca|gia tien|chi phi|phi|le phi|price|cost|fee|fees|the price|the cost|the fee)"
                    + "( (sao|the nao|ntn|nhieu|nhiu|bn|a|ad|vay|v|nhe|ha|ak|k|ko|khong|nua|luon))*( ?\\?)*$")),
            // what to bring or prepare, closing the line ("làm giấy khai sinh cần gì", "… thì mang chi theo", "phải làm
            // giấy tờ gì"): the papers — Central "chi" is "gì"; not when another aspect is asked beside it
            new Shape("documents", Pattern.compile(
                    "(?<!\\b(khong|ko|k|chang|hong|cha) )\\b(can|mang|dem|chuan bi|nop|xuat trinh)( theo)?( nhung)?"
                    + " (gi|j|chi)( theo| nua| ca| het)?( (a|ad|vay|v|nhi|nhe|ha|ho|hen|nhen|ne|day|the|ak|ban|ban oi"
                    + "|ad oi|a oi|nha|k|ko|khong))*( ?\\?)*$"
                    + "|\\b(giay to|giay|ho so|loai giay|nhung giay) (gi|j|chi|nao)( theo| nua| ca| het)?( (a|ad|vay|v|nhi"
                    + "|nhe|ha|ho|hen|nhen|ne|day|the|ak|ban|ban oi|ad oi|a oi|nha|k|ko|khong))*( ?\\?)*$"),
                      null, Pattern.compile("\\b(phi|le phi|bao nhieu tien|bao lau|may ngay|online|truc tuyen|o dau)\\b")),
            // cheaper or dearer online ("nộp online thì rẻ hơn phải ko", "is it cheaper online"): the fee, which tells
            // both amounts, not whether one may file online
            new Shape("fee", Pattern.compile(
                    "\\b(re hon|dat hon|tiet kiem hon|it tien hon|bot tien|giam phi|mat phi it hon"
                    + "|cheaper|less expensive|more expensive|cost less|costs less|cost more|save money)\\b"),
                      Pattern.compile("\\b(online|truc tuyen|qua mang|tren mang|vneid|dien thoai|on my phone)\\b"), null),
            // doing it on the phone or from home instead of going there ("cái đó làm trên điện thoại được hả", "can I
            // just do it on my phone instead of going there"): the online channels; a phone number is not one
            new Shape("online", Pattern.compile(
                    "(?<!\\bso )\\b(tren|bang|qua) (dien thoai|dt|dthoai|app|ung dung|may tinh|mang)\\b(?! (so|bao nhieu|bn))"
                    + "|\\bfrom home\\b|\\binstead of (going|coming)\\b|\\bwithout (going|coming) (there|in|to)\\b")),
            new Shape("online", Pattern.compile(
                    "\\b(on|from|using|with|via) (my|the|a|your|our) (phone|mobile|cellphone|smartphone|computer|laptop|app)\\b"),
                      null, Pattern.compile("\\b(number|call|calls|called|text|reach)\\b")),
            new Shape("general", Pattern.compile(
                    "\\b(co )?(gia tri|hieu luc|han su dung|thoi han su dung|co han)( su dung| trong)?"
                    + " (bao lau|may thang|may nam|den khi nao|bao nhieu thang)\\b"
                    + "|\\bhow long (is it|is the \\w+|does it stay|will it be|does the \\w+ stay) valid\\b"
                    + "|\\bvalid for how long\\b|\\bdoes (it|the \\w+) expire\\b"
                    // "how long is it good for", "how long does the registration last", "dùng được bao lâu"
                    + "|\\bhow long (is|will) (it|this|that|the \\w+) (be )?good\\b|\\bgood for how long\\b"
                    + "|\\bhow long (does|will|would) (it|this|that|the \\w+) last\\b"
                    + "|\\b(dung|xai|su dung) duoc (bao lau|may thang|may nam)\\b")),
            new Shape("documents", Pattern.compile(
                    "\\b(ban goc|ban chinh|original)\\b.*\\b(hay|hoac|or)\\b.*\\b(ban sao|ban photo|photo|copy|photocopy)\\b"
                    + "|\\b(ban sao|ban photo|photo|copy)\\b.*\\b(hay|or)\\b.*\\b(ban goc|ban chinh|original)\\b"
                    + "|\\bmang (ban goc|ban chinh|(\\w+ )?goc) theo\\b"
                    // a proof or formality the papers may need ("có bắt buộc phải xét nghiệm ADN không", "do I need the
                    // original legalised first?")
                    + "|\\b(xet nghiem|giam dinh) (adn|gen)\\b|\\b(adn|dna)( test)?\\b|\\bhop phap hoa\\b|\\bdich thuat\\b"
                    + "|\\b(legalised|legalized|legalisation|legalization|apostille|translated|translation)\\b")),
            // the paper lost ("giấy chứng sinh e làm mất rồi thì sao", "what if we lost the paper"): what to bring
            // instead — unless the line asks another thing ("làm mất bao lâu" is how long it takes)
            new Shape("documents", Pattern.compile(
                    "\\b(lam|danh|de) mat\\b(?! (bao|may|nhieu|it|phi|tien|cong|thoi gian))"
                    + "|\\b(bi|da|lo) mat (het )?(giay|ban chinh|ban goc|ban sao|so|the|trich luc|ho chieu|cccd|can cuoc)\\b"
                    + "|\\b(lost|misplaced|can ?t find|cannot find) (my |our |the |his |her |their |a |an )?(\\w+ )?"
                    + "(paper|papers|certificate|document|documents|card|record|extract|copy|original|notice|book|passport"
                    + "|id|it|them|one)\\b"), null,
                      Pattern.compile("\\b(bao lau|may ngay|bao nhieu|bn|phi|tien|online|how long|how much|fee|cost|where"
                                      + "|o dau)\\b")));

    private AspectPhrases() {
    }

    static Optional<Found> in(String folded) {
        for (Shape shape : SHAPES) {
            Matcher m = shape.pattern().matcher(folded);
            if (m.find() && shape.fits(folded)) {
                String rest = (folded.substring(0, m.start()) + " " + folded.substring(m.end())).strip();
                return Optional.of(new Found(shape.aspect(), rest.replaceAll("\\s+", " ")));
            }
        }
        return Optional.empty();
    }
}
