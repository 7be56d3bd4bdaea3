package vn.warddesk.bot.channel.telegram;

import java.time.Clock;
import java.util.Optional;

import javax.sql.DataSource;

import io.helidon.webserver.http.HttpRouting;

import vn.warddesk.bot.channel.ChannelAddress;
import vn.warddesk.bot.channel.ChannelNotices;
import vn.warddesk.bot.text.WardTexts;
import vn.warddesk.bot.channel.WardChoice;
import vn.warddesk.bot.conversation.ConversationRef;
import vn.warddesk.bot.inbox.FollowUp;
import vn.warddesk.bot.inbox.Inbox;
import vn.warddesk.bot.outbox.ChannelSender;
import vn.warddesk.bot.privacy.KeyedHash;
import vn.warddesk.bot.ward.WardChannelSecrets;
import vn.warddesk.bot.ward.WardStore;

/** The Telegram channel: webhook route plus the outbox sender (only when configured). */
public final class TelegramChannel {
    private final TelegramBots bots;
    private final TelegramWebhook webhook;
    private final TelegramSender sender;
    private final TelegramDirect direct;

    private TelegramChannel(TelegramBots bots, TelegramWebhook webhook, TelegramSender sender, TelegramDirect direct) {
        this.bots = bots;
        this.webhook = webhook;
        this.sender = sender;
        this.direct = direct;
    }

    /**
     * @param channels the channels' settings (telegram, ward.default-id, privacy.hash-key)
     * @param accepted called after an update was stored in the inbox (wakes its workers)
     * @param secrets  the wards' own bots
     */
    public static TelegramChannel create(vn.warddesk.bot.channel.ChannelSettings channels, DataSource dataSource,
                                         Clock clock, Inbox inbox, Runnable accepted, WardStore wards,
                                         WardChannelSecrets secrets, WardTexts texts) {
        TelegramSettings settings = channels.telegram();
        TelegramApi api = new TelegramApi(settings);
        TelegramBots bots = new TelegramBots(settings, wards, secrets);
        TelegramDirect direct = new TelegramDirect(api);
        TelegramWebhook webhook = new TelegramWebhook(settings, bots, new TelegramUpdates(new KeyedHash(channels.privacyHashKey())),
                                                      inbox, direct, new ChannelNotices(dataSource, clock, texts), accepted,
                                                      clock, new vn.warddesk.bot.inbox.DeadLetters(dataSource, clock),
                                                      channels.defaultWard(),
                                                      new WardChoice(dataSource, wards, clock, new vn.warddesk.bot.channel.WardChoiceTexts(
                                                              texts, channels.defaultWard())));
        return new TelegramChannel(bots, webhook, new TelegramSender(api, settings, bots), direct);
    }

    /**
     * After the engine handled a button press: answer its callback query
     * (https://core.telegram.org/bots/api#answercallbackquery — the client shows a spinner until then), so the
     * spinner stops when the reply is on its way.
     */
    public FollowUp followUp() {
        return (event, callbackQueryId, handled) -> {
            // Through the bot that received the press (the address names a ward's own bot).
            String address = event.conversation() instanceof ConversationRef.ByChannelUser user ? user.address() : "";
            bots.sending(ChannelAddress.parse(address == null ? "" : address))
                    .ifPresent(bot -> direct.answerCallbackQuery(bot.token(), callbackQueryId));
        };
    }

    public void routing(HttpRouting.Builder routing) {
        routing.post("/webhooks/telegram", webhook::handle);
        routing.post("/webhooks/telegram/{ward}", webhook::handleWard);
    }

    /** The outbox sender, when a bot can exist (the configuration's, or wards' own). */
    public Optional<ChannelSender> sender() {
        return bots.any() ? Optional.of(sender) : Optional.empty();
    }
}
