package vn.warddesk.bot.channel.telegram;

import java.util.Map;
import java.util.Optional;

import vn.warddesk.bot.channel.ChannelAddress;
import vn.warddesk.bot.ward.ChannelField;
import vn.warddesk.bot.ward.WardChannelSecrets;
import vn.warddesk.bot.ward.WardStore;

/**
 * Which bot a webhook request or an outbox message belongs to: the configuration's, or a ward's own (token and
 * webhook secret from the encrypted per-ward store; only for an enabled ward). Read on every use, so a change by the
 * ward's admin takes effect at once and a disabled ward stops being served at once.
 */
final class TelegramBots {
    /** A bot's credentials; {@code ward} is set for a ward's own bot. */
    record Bot(String token, String webhookSecret, Optional<String> ward) {
    }

    private final TelegramSettings settings;
    private final WardStore wards;
    private final WardChannelSecrets secrets;

    TelegramBots(TelegramSettings settings, WardStore wards, WardChannelSecrets secrets) {
        this.settings = settings;
        this.wards = wards;
        this.secrets = secrets;
    }

    Optional<Bot> configured() {
        return settings.enabled() ? Optional.of(new Bot(settings.botToken(), settings.webhookSecret(), Optional.empty()))
                : Optional.empty();
    }

    /** The ward's own bot, when the ward exists, is enabled and has both a token and a webhook secret. */
    Optional<Bot> ofWard(String wardId) {
        if (!secrets.canSave() || wards.find(wardId).filter(w -> w.enabled()).isEmpty()) {
            return Optional.empty();
        }
        Map<ChannelField, String> values = secrets.read(wardId);
        String token = values.get(ChannelField.TELEGRAM_BOT_TOKEN);
        String secret = values.get(ChannelField.TELEGRAM_WEBHOOK_SECRET);
        return token == null || secret == null ? Optional.empty() : Optional.of(new Bot(token, secret, Optional.of(wardId)));
    }

    /** The bot that sends to {@code address}: the ward's own when the address names one. */
    Optional<Bot> sending(ChannelAddress address) {
        return address.wardBot().isPresent() ? ofWard(address.wardBot().get()) : configured();
    }

    /** Whether any bot can exist: the configuration's, or wards' own (an encryption key is configured). */
    boolean any() {
        return settings.enabled() || secrets.canSave();
    }
}
