package vn.warddesk.bot.channel;

import vn.warddesk.bot.text.Texts;
import vn.warddesk.bot.text.WardTexts;

/**
 * What a province-wide bot/OA says while it finds out the citizen's ward (keys {@code channel.ward_*} of the message
 * bundles). It belongs to no ward yet, so it speaks with the default ward's wording; English when the client's
 * language is English, Vietnamese otherwise.
 */
public record WardChoiceTexts(WardTexts texts, String defaultWard) {
    String which(String locale) {
        return in(locale).get("channel.ward_which");
    }

    String notFound(String locale) {
        return in(locale).get("channel.ward_not_found");
    }

    String pick(String locale) {
        return in(locale).get("channel.ward_pick");
    }

    private Texts in(String locale) {
        return texts.of(defaultWard, locale != null && locale.startsWith("en") ? "en" : "vi");
    }
}
