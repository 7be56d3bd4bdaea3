package vn.warddesk.bot.channel.telegram;

import java.time.Clock;
import java.util.Optional;

import javax.sql.DataSource;

import io.helidon.config.Config;
import io.helidon.webserver.http.HttpRouting;

import vn.warddesk.bot.channel.ChannelNotices;
import vn.warddesk.bot.conversation.ConversationPort;
import vn.warddesk.bot.outbox.ChannelSender;
import vn.warddesk.bot.privacy.KeyedHash;

/** The Telegram channel: webhook route plus the outbox sender (only when configured). */
public final class TelegramChannel {
    private final TelegramSettings settings;
    private final TelegramWebhook webhook;
    private final TelegramSender sender;

    private TelegramChannel(TelegramSettings settings, TelegramWebhook webhook, TelegramSender sender) {
        this.settings = settings;
        this.webhook = webhook;
        this.sender = sender;
    }

    /**
     * @param root     the root configuration (sections telegram, ward, privacy)
     * @param accepted called after the engine accepted an event (wakes the outbox dispatcher)
     */
    public static TelegramChannel create(Config root, DataSource dataSource, Clock clock, ConversationPort port,
                                         Runnable accepted) {
        TelegramSettings settings = TelegramSettings.from(root.get("telegram"));
        TelegramApi api = new TelegramApi(settings);
        TelegramUpdates updates = new TelegramUpdates(KeyedHash.fromConfig(root),
                                                      root.get("ward.default-id").asString().orElse("default"));
        TelegramWebhook webhook = new TelegramWebhook(settings, updates, port, new TelegramDirect(api),
                                                      new ChannelNotices(dataSource, clock), accepted, clock);
        return new TelegramChannel(settings, webhook, new TelegramSender(api, settings));
    }

    public void routing(HttpRouting.Builder routing) {
        routing.post("/webhooks/telegram", webhook::handle);
    }

    /** The outbox sender, when the channel is configured. */
    public Optional<ChannelSender> sender() {
        return settings.enabled() ? Optional.of(sender) : Optional.empty();
    }
}
