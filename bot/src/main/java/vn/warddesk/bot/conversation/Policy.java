package vn.warddesk.bot.conversation;

import java.sql.SQLException;

import vn.warddesk.bot.catalog.Catalog;

/**
 * One rule of the dialogue, in the spirit of Rasa's policies: it either handles a typed message (says something,
 * changes the tracker) and returns true, or leaves it to the next policy. The order is fixed in {@link Dialogue}:
 * escapes → active form → follow-up → procedure answer → dialogue intents → fallback.
 */
interface Policy {
    boolean handle(Turn t, Heard h) throws SQLException;

    /** The actions the policies share. */
    record Actions(Catalog catalog, Answering answering, IntakeForm form, ConsentStep consent, DataRights rights,
                   StaffDesk staff) {
    }

    /** Confidence at which a dialogue intent (staff, my data…) is acted on without asking. */
    double SURE = 0.7;
    /** Confidence at which the aspect model is trusted for a follow-up without a procedure. */
    double ASPECT_SURE = 0.5;
    /** How sure a reading of "file it now" must be before the consent prompt starts a request. */
    double APPLY_SURE = 0.6;

    static boolean inForm(Turn t) {
        return t.ctx().procedure() != null
               && (Dialogue.CONSENT.equals(t.conv.state) || Dialogue.INTAKE.equals(t.conv.state)
                   || Dialogue.CONFIRM.equals(t.conv.state));
    }
}
