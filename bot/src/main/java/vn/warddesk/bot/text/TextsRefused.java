package vn.warddesk.bot.text;

/** A text file cannot be used; the message names the file, the key and what is wrong, for the operator. */
public final class TextsRefused extends RuntimeException {
    TextsRefused(String message) {
        super(message);
    }
}
