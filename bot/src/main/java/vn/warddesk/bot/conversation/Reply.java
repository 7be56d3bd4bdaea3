package vn.warddesk.bot.conversation;

import java.util.List;

/** One message the engine says to the citizen; channels render buttons natively or as a numbered text list. */
public record Reply(String text, List<Button> buttons) {
    public Reply {
        buttons = List.copyOf(buttons);
    }

    public static Reply text(String text) {
        return new Reply(text, List.of());
    }
}
