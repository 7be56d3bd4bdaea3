package vn.warddesk.bot.message;

import java.time.Instant;
import java.util.Optional;

/**
 * One stored message of a conversation. {@code text} is empty once erased; {@code action} is a pressed button;
 * {@code intent} is what the NLU understood of a citizen's typed text when it was handled (empty for bot, staff and
 * button messages), so transcripts and analytics never classify a text again.
 */
public record Logged(long seq, String direction, String origin, Optional<String> text, Optional<String> action,
                     java.time.Instant at, Optional<String> intent) {
    public Logged(long seq, String direction, String origin, Optional<String> text, Optional<String> action, Instant at) {
        this(seq, direction, origin, text, action, at, Optional.empty());
    }
}
