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
    /**
     * A wish, a need or a request is not a situation: "em muốn đăng ký tạm trú thì…", "e cần sao y cccd nữa thì bao
     * nhiêu 1 trang" ask about that procedure.
     */
    private static final Pattern BARE = Pattern.compile(
            "((the|vay|con) )?((thi|la) )?(sao|the nao|ra sao|what about (it|that)|then what)"
            + "( (a|ha|vay|nhi|day|ad|chi|anh|em|ban|nhe|ta|ne|now))*");
    private static final Pattern WISH = Pattern.compile(
            "\\b(muon|dinh|can (lam|sao|chung|dang|dk|xin|nop|cap|them|giay|ban)|xin|hoi|want|wants|would like|wish|plan"
            + "|planning|need to (get|apply|register)|need (a|an|some|certified|copies))\\b");

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

    /**
     * Whether the question asks nothing of its own ("sao ạ", "thế nào vậy", "what about it"): it asks what the
     * situation changes, so the aspect comes from the line read with the topic or from the talk, not from these words.
     */
    static boolean bare(String question) {
        return BARE.matcher(Folding.withoutQuestionMark(Folding.fold(question))).matches();
    }

    private static boolean told(String folded) {
        return PERSON.matcher(folded).find() && !WISH.matcher(folded).find() && !folded.contains("?");
    }
}
