package vn.warddesk.bot.conversation;

import java.sql.SQLException;

/**
 * The office's own telephone or e-mail asked for ("Phường có số điện thoại không để tôi gọi trực tiếp?", "sdt phuong la
 * bao nhieu", "what's the ward office's phone number?") gets the office's contact (the location answer carries the
 * phone): at the desk it is a question, not a wish to see an officer, and "bao nhiêu" in it asks no fee of the topic.
 */
final class OfficeContactPolicy implements Policy {
    private final DialogueIntentPolicy intents;

    OfficeContactPolicy(DialogueIntentPolicy intents) {
        this.intents = intents;
    }

    @Override
    public boolean handle(Turn t, Heard h) throws SQLException {
        if (!QuestionShapes.officeContact(h.folded)) {
            return false;
        }
        intents.run(t, "office_location", h.folded, null);
        return true;
    }
}
