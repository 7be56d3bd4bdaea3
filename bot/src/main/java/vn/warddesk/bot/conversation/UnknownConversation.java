package vn.warddesk.bot.conversation;

/** An event or request named a conversation id that does not exist. */
public final class UnknownConversation extends RuntimeException {
    public UnknownConversation(String id) {
        super("no conversation " + id);
    }
}
