package vn.warddesk.bot.conversation;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Three question shapes a desk officer hears one way and the NLU's words pull another (pure, on folded text):
 * <ul>
 *   <li>the deadline to register ("phải làm trong bao nhiêu ngày", "how many days do we have") is who must file and
 *       when (eligibility: "trong 15 ngày"), not how long the office takes; so is whether one must register at all
 *       ("bán hàng online ở nhà có phải đk ko", "do I need to register a household business?");</li>
 *   <li>how long a paper stays valid ("giấy đó có hạn bao lâu", "có giá trị bao lâu") is what the paper is (the
 *       overview: "có giá trị 6 tháng"), not the processing time;</li>
 *   <li>original or copy of a paper ("mang bản gốc hay bản sao") is the topic's papers, not copy certification.</li>
 * </ul>
 */
final class AspectPhrases {
    /** The aspect asked and the message without the phrase (to tell whether anything else names a procedure). */
    record Found(String aspect, String rest) {
    }

    private record Shape(String aspect, Pattern pattern) {
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape("eligibility", Pattern.compile(
                    "\\bphai (lam|dang ky|dk|di|nop|khai bao|khai|bao)\\b.*\\btrong (vong )?(bao nhieu|may|bao lau)( ngay| thang)?"
                    + "|\\btrong (vong )?(bao nhieu|may) ngay (thi |la )?phai\\b|\\bhan chot\\b"
                    + "|\\bhow (many days|many weeks|long|much time) (do|have) (we|i|you) (have|got)\\b|\\bdeadline\\b"
                    + "|\\btime limit\\b|\\bwithin how (many days|long)\\b"
                    // whether one must register at all ("bán hàng online ở nhà có phải đk ko", "do I need to register")
                    + "|\\b(co )?(phai|can|bat buoc)( phai)? (dang ky|dk)\\b(?!.*\\b(online|truc tuyen|qua mang|o dau)\\b)"
                    + "( \\w+){0,4} (khong|ko|k|hong|hok)$"
                    + "|(?<!\\b(what|which|papers|documents|paperwork|things|else) )\\bdo (i|we) (even )?(need|have) to register\\b"
                    + "(?!.*\\b(online|where)\\b)"
                    // whether someone may receive a benefit ("bà em 82 tuổi có được nhận trợ cấp không", "can he get
                    // the allowance"), not how much, how soon or through which channel
                    + "|\\b(co )?(duoc|dc) (nhan|huong|lanh)\\b(?!.*\\b(bao nhieu|bn|may|bao lau|khi nao|online"
                    + "|truc tuyen|qua mang|buu dien)\\b).*\\b(khong|ko|k|hong|hok)\\b"
                    + "|^(?!.*\\b(how much|how soon|when|online)\\b).*\\bcan (he|she|i|we|they|my \\w+) (get|receive|claim)\\b")),
            new Shape("general", Pattern.compile(
                    "\\b(co )?(gia tri|hieu luc|han su dung|thoi han su dung|co han)( su dung| trong)?"
                    + " (bao lau|may thang|may nam|den khi nao|bao nhieu thang)\\b"
                    + "|\\bhow long (is it|is the \\w+|does it stay|will it be|does the \\w+ stay) valid\\b"
                    + "|\\bvalid for how long\\b|\\bdoes (it|the \\w+) expire\\b")),
            new Shape("documents", Pattern.compile(
                    "\\b(ban goc|ban chinh|original)\\b.*\\b(hay|hoac|or)\\b.*\\b(ban sao|ban photo|photo|copy|photocopy)\\b"
                    + "|\\b(ban sao|ban photo|photo|copy)\\b.*\\b(hay|or)\\b.*\\b(ban goc|ban chinh|original)\\b"
                    + "|\\bmang (ban goc|ban chinh|(\\w+ )?goc) theo\\b")));

    private AspectPhrases() {
    }

    static Optional<Found> in(String folded) {
        for (Shape shape : SHAPES) {
            Matcher m = shape.pattern().matcher(folded);
            if (m.find()) {
                String rest = (folded.substring(0, m.start()) + " " + folded.substring(m.end())).strip();
                return Optional.of(new Found(shape.aspect(), rest.replaceAll("\\s+", " ")));
            }
        }
        return Optional.empty();
    }
}
