package vn.warddesk.bot.conversation;

/** What the citizen did: typed text, pressed a button, or opened the conversation (follow, /start, kiosk start). */
public sealed interface Input {
    record Text(String text) implements Input {
    }

    record Action(String action) implements Input {
    }

    record Started() implements Input {
    }

    /** The citizen left the channel (e.g. Zalo unfollow): stop sending. */
    record Left() implements Input {
    }
}
