package vn.warddesk.bot.conversation;

/**
 * Nothing else understood the message: "did you mean A or B?" when both are plausible, else "I did not understand"
 * with choices and a talk-to-staff button. It never opens a case.
 */
final class FallbackPolicy implements Policy {
    private final Actions a;

    FallbackPolicy(Actions actions) {
        this.a = actions;
    }

    @Override
    public boolean handle(Turn t, Heard h) {
        a.answering().unclear(t, h.u());
        return true;
    }
}
