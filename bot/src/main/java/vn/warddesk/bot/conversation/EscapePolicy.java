package vn.warddesk.bot.conversation;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import vn.warddesk.bot.catalog.Catalog;
import vn.warddesk.nlu.Understanding;

/**
 * What works in every state: the answer to a pending yes/no question (erase? cancel? which of the two?), start over,
 * withdraw consent, talk to staff, my data, cancel the form. While an officer holds the case, other text goes to them.
 */
final class EscapePolicy implements Policy {
    /** How much of a "my case is special" line must be left to tell a matter, and how surely it must name one. */
    private static final int TOLD_WORDS = 3;
    private static final double TOLD_SURE = 0.5;
    private final Actions a;
    private final Dialogue dialogue;

    EscapePolicy(Actions actions, Dialogue dialogue) {
        this.a = actions;
        this.dialogue = dialogue;
    }

    @Override
    public boolean handle(Turn t, Heard h) throws SQLException {
        Context ctx = t.ctx();
        if (ctx.pendingErase()) {
            if (h.answerNo() || EscapeWords.goOn(h.folded)) {
                a.rights().keep(t);
                return true;
            }
            if (h.answerYes() || EscapeWords.withdraw(h.folded)) {
                a.rights().erase(t);
                return true;
            }
            t.record(new ConversationEvent.ErasePending(false)); // anything else: the question lapses
        }
        if (t.ctx().pendingCancel()) {
            // "dạ hủy ạ" to "cancel the request?" is a yes, though "hủy" is a no word of the yes/no lexicon
            boolean cancelWord = EscapeWords.cancelVerb(h.folded) && !EscapeWords.goOn(h.folded);
            if (!cancelWord && (h.answerNo() || EscapeWords.goOn(h.folded))) {
                a.form().resume(t);
                return true;
            }
            if (cancelWord || h.answerYes() || EscapeWords.cancel(h.folded)) {
                a.form().cancel(t);
                return true;
            }
            t.record(new ConversationEvent.CancelPending(false));
        }
        if (Dialogue.CLARIFYING.equals(t.conv.state) && !t.ctx().clarify().isEmpty()) {
            int pick = picked(h.folded);
            if (pick >= 0 && pick < t.ctx().clarify().size()) {
                dialogue.onAction(t, t.ctx().clarify().get(pick));
                return true;
            }
            if (h.no()) {
                a.answering().notUnderstood(t); // "neither": offer choices and staff, never a case on its own
                return true;
            }
        }
        if (EscapeWords.restart(h.folded)) {
            dialogue.restart(t);
            return true;
        }
        boolean declining = Dialogue.CONSENT.equals(t.conv.state) && h.answerNo(); // "thôi", "hủy" to the notice
        boolean cancels = EscapeWords.cancel(h.folded) || EscapeWords.cancelsLast(h.clauses()); // "…, em hủy nha"
        if (Policy.inForm(t) && cancels && !EscapeWords.withdraw(h.folded) && !declining) {
            a.form().askCancel(t); // "hủy" while filling a form cancels the form, it does not erase data
            return true;
        }
        // In a form only the explicit phrases escape: a name or a note the model happens to read as "delete my data" or
        // "talk to staff" ("Đỗ Quang Huy") is the field's answer, not a request.
        boolean modelMayEscape = !Policy.inForm(t);
        if (EscapeWords.withdraw(h.folded) || modelMayEscape && h.sure("delete_my_data", SURE)) {
            a.rights().askErase(t);
            return true;
        }
        if (a.staff().claimed(t).isPresent()) {
            if (h.sure("my_data", SURE)) {
                a.rights().myData(t);
            } else {
                a.staff().forward(t);
            }
            return true;
        }
        if (t.ctx().forwardAcked()) {
            t.record(new ConversationEvent.ForwardAcked(false));
        }
        // "e hỏi trường hợp riêng, ad ơi trả lời e với": my case is not the general one; a question about it is
        // still answered first ("trường hợp đặc biệt có được miễn phí không")
        boolean ownCase = modelMayEscape && EscapeWords.specialCase(h.folded) && h.clauses().questions().isEmpty();
        // "are you a real person?" asks what answers, it does not ask for one: the answer offers staff, opens nothing
        boolean identity = CitizenAsks.botIdentity(h.folded);
        if (identity && modelMayEscape) {
            a.answering().notAPerson(t);
            return true;
        }
        Optional<Understanding> told = ownCase && !EscapeWords.staff(h.folded) ? toldMatter(h) : Optional.empty();
        if (told.isPresent()) {
            // "my case is complicated, I'm a foreigner marrying … and my divorce was abroad": what can be answered is,
            // and the staff button is there — a case is opened only when the citizen asks for one
            Understanding matter = told.get();
            String aspect = matter.aspect().filter(x -> Catalog.ASPECTS.contains(x) && !"apply".equals(x)
                                                        && matter.aspectConfidence() >= ASPECT_SURE).orElse("general");
            a.answering().answerOfferingStaff(t, matter.intent(), aspect);
            return true;
        }
        // "Phường có số điện thoại không để tôi gọi trực tiếp?" asks the office's number, not for an officer here
        boolean officeNumber = QuestionShapes.officeContact(h.folded);
        if (!identity && (EscapeWords.staff(h.folded) || ownCase
                          || modelMayEscape && !officeNumber && h.sure("talk_to_staff", SURE))) {
            a.staff().handoff(t);
            return true;
        }
        if (h.sure("my_data", SURE) && !Policy.inForm(t)) {
            a.rights().myData(t);
            return true;
        }
        return false;
    }

    /**
     * The procedure a "my case is special" line tells about besides those words, when its own reading of the rest names
     * one (three words or more, at least {@value #TOLD_SURE} sure). Empty: the line only says the case is special.
     */
    private Optional<Understanding> toldMatter(Heard h) {
        String rest = EscapeWords.withoutSpecialCase(h.folded);
        if (Folding.words(rest) < TOLD_WORDS) {
            return Optional.empty();
        }
        Understanding u = h.clause(rest).u();
        return a.catalog().knows(u.intent()) && u.confidence() >= TOLD_SURE ? Optional.of(u) : Optional.empty();
    }

    /** "1", "2", "cái đầu", "the second one": which option of "did you mean A or B?" was meant; -1 for none. */
    private static int picked(String folded) {
        List<String> first = List.of("1", "so 1", "cai 1", "cai dau", "cai dau tien", "dau tien", "thu nhat",
                                     "cai thu nhat", "first", "the first", "the first one", "a");
        List<String> second = List.of("2", "so 2", "cai 2", "cai sau", "cai thu hai", "thu hai", "second", "the second",
                                      "the second one", "b");
        if (first.contains(folded)) {
            return 0;
        }
        return second.contains(folded) ? 1 : -1;
    }
}
