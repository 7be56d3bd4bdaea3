package vn.warddesk.bot.channel.telegram;

import java.time.Clock;
import java.util.Optional;

import javax.sql.DataSource;

import io.helidon.config.Config;
import io.helidon.webserver.http.HttpRouting;

import vn.warddesk.bot.channel.ChannelNotices;
import vn.warddesk.bot.text.WardTexts;
import vn.warddesk.bot.inbox.FollowUp;
import vn.warddesk.bot.inbox.Inbox;
import vn.warddesk.bot.outbox.ChannelSender;
import vn.warddesk.bot.privacy.KeyedHash;

/** The Telegram channel: webhook route plus the outbox sender (only when configured). */
public final class TelegramChannel {
    private final TelegramSettings settings;
    private final TelegramWebhook webhook;
    private final TelegramSender sender;
    private final TelegramDirect direct;

    private TelegramChannel(TelegramSettings settings, TelegramWebhook webhook, TelegramSender sender,
                            TelegramDirect direct) {
        this.settings = settings;
        this.webhook = webhook;
        this.sender = sender;
        this.direct = direct;
    }

    /**
     * @param root     the root configuration (sections telegram, ward, privacy)
     * @param accepted called after an update was stored in the inbox (wakes its workers)
     */
    public static TelegramChannel create(Config root, DataSource dataSource, Clock clock, Inbox inbox,
                                         Runnable accepted, WardTexts texts) {
        TelegramSettings settings = TelegramSettings.from(root.get("telegram"));
        TelegramApi api = new TelegramApi(settings);
        String ward = vn.warddesk.bot.http.EdgeSettings.from(root).defaultWard();
        TelegramUpdates updates = new TelegramUpdates(KeyedHash.fromConfig(root), ward);
        TelegramDirect direct = new TelegramDirect(api);
        TelegramWebhook webhook = new TelegramWebhook(settings, updates, inbox, direct,
                                                      new ChannelNotices(dataSource, clock), accepted, clock,
                                                      new vn.warddesk.bot.inbox.DeadLetters(dataSource, clock),
                                                      locale -> ChannelNotices.onlyText(texts, ward, locale));
        return new TelegramChannel(settings, webhook, new TelegramSender(api, settings), direct);
    }

    /**
     * After the engine handled a button press: answer its callback query
     * (https://core.telegram.org/bots/api#answercallbackquery — the client shows a spinner until then), so the
     * spinner stops when the reply is on its way.
     */
    public FollowUp followUp() {
        return (event, callbackQueryId, handled) -> direct.answerCallbackQuery(callbackQueryId);
    }

    public void routing(HttpRouting.Builder routing) {
        routing.post("/webhooks/telegram", webhook::handle);
    }

    /** The outbox sender, when the channel is configured. */
    public Optional<ChannelSender> sender() {
        return settings.enabled() ? Optional.of(sender) : Optional.empty();
    }
}
