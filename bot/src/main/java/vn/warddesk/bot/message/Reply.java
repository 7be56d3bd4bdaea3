package vn.warddesk.bot.message;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One message said to the citizen; channels render buttons natively or as a numbered text list. {@code kind} says
 * what the message does (the web API reports it; the dialogue stories check it), {@code procedure}, {@code aspect}
 * and {@code field} say what it is about where that applies (answers, intake questions, summaries).
 */
public record Reply(String text, List<Button> buttons, Kind kind, Optional<String> procedure, Optional<String> aspect,
                    Optional<String> field) {

    /** What a reply does. The wire name (lower case) is the contract in bot/src/test/resources/dialogues/README.md. */
    public enum Kind {
        GREET, ANSWER, OFFICE_HOURS, OFFICE_LOCATION, PRIVACY_INFO, CASE_STATUS, MY_DATA, ASK_ERASE, ERASED, ERASE_KEPT,
        ASK_CONSENT, CONSENT_GIVEN, CONSENT_DECLINED, ASK_FIELD, FIELD_INVALID, SUMMARY, ASK_WHICH_FIELD, ASK_CANCEL,
        FORM_CANCELLED, FORM_RESUMED, SUBMITTED, HANDOFF, FORWARDED, CLARIFY, NOT_UNDERSTOOD, OUT_OF_SCOPE, THANKS,
        GOODBYE, RESTART, RECEIPT, MENU,
        /** A message written by a ward officer. */
        STAFF_REPLY,
        /** A status message the bot sends on its own (case claimed, handed back, resolved). */
        NOTICE;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Reply {
        buttons = List.copyOf(buttons);
        procedure = procedure == null ? Optional.empty() : procedure;
        aspect = aspect == null ? Optional.empty() : aspect;
        field = field == null ? Optional.empty() : field;
    }

    public Reply(String text, List<Button> buttons) {
        this(text, buttons, Kind.NOTICE, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public Reply(Kind kind, String text, List<Button> buttons) {
        this(text, buttons, kind, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static Reply text(String text) {
        return new Reply(text, List.of());
    }

    public Reply about(String procedureId, String aspectName) {
        return new Reply(text, buttons, kind, Optional.ofNullable(procedureId), Optional.ofNullable(aspectName), field);
    }

    public Reply forField(String procedureId, String fieldName) {
        return new Reply(text, buttons, kind, Optional.ofNullable(procedureId), aspect, Optional.ofNullable(fieldName));
    }
}
