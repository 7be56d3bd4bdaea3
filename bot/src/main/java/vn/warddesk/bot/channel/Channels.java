package vn.warddesk.bot.channel;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.helidon.config.Config;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;

import vn.warddesk.bot.channel.telegram.TelegramChannel;
import vn.warddesk.bot.channel.zalo.ZaloChannel;
import vn.warddesk.bot.channel.zalo.ZaloMiniAppVerifier;
import vn.warddesk.bot.conversation.ConversationPort;
import vn.warddesk.bot.inbox.Inbox;
import vn.warddesk.bot.inbox.InboxSettings;
import vn.warddesk.bot.inbox.InboxWorker;
import vn.warddesk.bot.outbox.ChannelSender;
import vn.warddesk.bot.outbox.DispatcherSettings;
import vn.warddesk.bot.outbox.OutboxDispatcher;
import vn.warddesk.bot.text.WardTexts;
import vn.warddesk.bot.secret.SecretKeys;
import vn.warddesk.bot.ward.WardChannelSecrets;

/**
 * Telegram, Zalo, the inbox workers that feed their webhooks' events to the engine and the outbox dispatcher that
 * sends for both: what Features wires in three lines.
 */
public final class Channels implements AutoCloseable {
    private final Inbox inbox;
    private final TelegramChannel telegram;
    private final ZaloChannel zalo;
    private final InboxWorker inboxWorker;
    private final OutboxDispatcher dispatcher;

    private Channels(Inbox inbox, TelegramChannel telegram, ZaloChannel zalo, InboxWorker inboxWorker,
                     OutboxDispatcher dispatcher) {
        this.inbox = inbox;
        this.telegram = telegram;
        this.zalo = zalo;
        this.inboxWorker = inboxWorker;
        this.dispatcher = dispatcher;
    }

    /** Builds the channels and starts the inbox workers and the dispatcher (unless inbox/outbox.enabled is false). */
    public static Channels create(Config root, DataSource dataSource, Clock clock, ConversationPort port) {
        return create(root, dataSource, clock, port, WardTexts.defaults());
    }

    /** The same, with the wards' own texts for the channels' notices. */
    public static Channels create(Config root, DataSource dataSource, Clock clock, ConversationPort port,
                                  WardTexts texts) {
        Inbox inbox = new Inbox(dataSource, clock);
        List<InboxWorker> inboxHolder = new ArrayList<>(1);
        List<OutboxDispatcher> holder = new ArrayList<>(1);
        Runnable accepted = () -> inboxHolder.forEach(InboxWorker::nudge);
        // The wards' own bots and OAs: credentials encrypted in the database (secret.keys).
        WardChannelSecrets secrets = new WardChannelSecrets(dataSource, SecretKeys.from(root));
        TelegramChannel telegram = TelegramChannel.create(root, dataSource, clock, inbox, accepted, secrets,
                                                          texts);
        ZaloChannel zalo = ZaloChannel.create(root, dataSource, clock, inbox, accepted, secrets, texts);
        List<ChannelSender> senders = new ArrayList<>();
        telegram.sender().ifPresent(senders::add);
        zalo.sender().ifPresent(senders::add);
        DispatcherSettings settings = DispatcherSettings.from(root.get("outbox"));
        OutboxDispatcher dispatcher = new OutboxDispatcher(dataSource, clock, settings, senders);
        holder.add(dispatcher);
        InboxSettings inboxSettings = InboxSettings.from(root.get("inbox"));
        InboxWorker inboxWorker = new InboxWorker(inbox, dataSource, port, Map.of("telegram", telegram.followUp()),
                                                  () -> holder.forEach(OutboxDispatcher::nudge), inboxSettings, clock);
        inboxHolder.add(inboxWorker);
        if (settings.enabled()) {
            dispatcher.start();
        }
        if (inboxSettings.enabled()) {
            inboxWorker.start();
        }
        return new Channels(inbox, telegram, zalo, inboxWorker, dispatcher);
    }

    public void routing(HttpRouting.Builder routing) {
        telegram.routing(routing);
        zalo.routing(routing);
    }

    /** Server-level features of the channels: CORS for the Zalo Mini App on /api/v1/*. */
    public void configureServer(WebServerConfig.Builder server) {
        zalo.cors(server);
    }

    public ZaloMiniAppVerifier miniAppVerifier() {
        return zalo.miniAppVerifier();
    }

    public OutboxDispatcher dispatcher() {
        return dispatcher;
    }

    public InboxWorker inboxWorker() {
        return inboxWorker;
    }

    @Override
    public void close() {
        inbox.close();
        inboxWorker.close();
        dispatcher.close();
    }
}
