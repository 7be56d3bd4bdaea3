package vn.warddesk.bot.conversation;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A line that tells someone's situation and then asks (pure, on the typed text): "người yêu e hộ khẩu ở tỉnh khác
 * thì sao", "do I have to go back to my hometown for it? I'm only registered here as temporary resident". The words
 * of the situation ("hộ khẩu", "temporary resident") may name another procedure, yet the question is about the one
 * talked about, as a desk officer hears it: the situation is a condition, not a new topic.
 */
final class Situation {
    /** A situation opens with a person: the citizen ("em", "I'm"), a partner or relative ("người yêu e", "my wife"). */
    private static final Pattern PERSON = Pattern.compile(
            "^(a |ma |nhung |vi |tai )?(toi|tui|em|e|minh|nguoi yeu|ban trai|ban gai|vo|chong|vo chong|hai dua|2 dua"
            + "|(con|bo|me|ba|ong|cha|anh|chi|co|chu|cau|di) (toi|tui|em|e|minh|nha)|i m|i am|i was|i have|i ve"
            + "|we re|we are|we have|my \\w+|he s|she s|he is|she is|they re|they are|because i|since i|as i)\\b");
    /** A wish or a request is not a situation: "em muốn đăng ký tạm trú thì…" asks about that procedure. */
    private static final Pattern WISH = Pattern.compile(
            "\\b(muon|dinh|can lam|xin|hoi|want|wants|would like|wish|plan|planning|need to (get|apply|register))\\b");

    private Situation() {
    }

    /**
     * The question of a line whose other part tells someone's situation: after the last "thì" ("… thì sao"), or the
     * question clauses beside a statement clause. Empty when the line has no such two parts.
     */
    static Optional<String> question(String text) {
        String folded = Folding.fold(text);
        int then = folded.lastIndexOf(" thi ");
        if (then > 0) {
            String told = folded.substring(0, then);
            return told(told) ? Optional.of(folded.substring(then + " thi ".length())) : Optional.empty();
        }
        Clauses clauses = Clauses.of(text);
        List<String> questions = clauses.questions();
        if (!clauses.many() || questions.isEmpty() || questions.size() == clauses.parts().size()) {
            return Optional.empty();
        }
        boolean toldApart = clauses.parts().stream().filter(c -> !questions.contains(c))
                .allMatch(c -> told(Folding.fold(c)));
        return toldApart ? Optional.of(String.join(" ", questions)) : Optional.empty();
    }

    private static boolean told(String folded) {
        return PERSON.matcher(folded).find() && !WISH.matcher(folded).find() && !folded.contains("?");
    }
}
