package vn.warddesk.bot.conversation;

import java.util.List;
import java.util.Optional;

import vn.warddesk.bot.catalog.Catalog;

/**
 * What the web API returns after an event: the port's answer plus the state, the field being asked (so a kiosk can
 * show the right keyboard) and the conversation's case code.
 */
public record Outcome(ConversationPort.Handled handled, String state, Optional<Expecting> expecting,
                      Optional<String> caseCode) {

    /** The intake field the engine is waiting for. {@code error} says what was wrong with the last answer. */
    public record Expecting(String field, String type, String question, String purpose, boolean required,
                            List<Catalog.Choice> choices, Optional<String> error) {
    }
}
