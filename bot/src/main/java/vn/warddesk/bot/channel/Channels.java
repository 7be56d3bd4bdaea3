package vn.warddesk.bot.channel;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

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
import vn.warddesk.bot.ward.WardChannelSecrets;
import vn.warddesk.bot.ward.WardStore;

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

    /**
     * Builds the channels and starts the inbox workers and the dispatcher (unless inbox/outbox.enabled is false), with
     * their own ward registry and credential store: for tests that wire the channels alone.
     */
    public static Channels create(ChannelSettings settings, DataSource dataSource, Clock clock, ConversationPort port) {
        return create(settings, dataSource, clock, port, WardTexts.defaults(), new WardStore(dataSource),
                      new WardChannelSecrets(dataSource, settings.secretKeys()));
    }

    /**
     * The same, with the wards' own texts for the channels' notices, over the wiring's one ward registry and one
     * (cached) store of the wards' channel credentials, so that a change saved by an admin reaches the channels at once.
     */
    public static Channels create(ChannelSettings channelSettings, DataSource dataSource, Clock clock,
                                  ConversationPort port, WardTexts texts, WardStore wards, WardChannelSecrets secrets) {
        Inbox inbox = new Inbox(dataSource, clock);
        List<InboxWorker> inboxHolder = new ArrayList<>(1);
        List<OutboxDispatcher> holder = new ArrayList<>(1);
        Runnable accepted = () -> inboxHolder.forEach(InboxWorker::nudge);
        // The wards' own bots and OAs: credentials encrypted in the database (secret.keys).
        TelegramChannel telegram = TelegramChannel.create(channelSettings, dataSource, clock, inbox, accepted, wards,
                                                          secrets, texts);
        ZaloChannel zalo = ZaloChannel.create(channelSettings, dataSource, clock, inbox, accepted, wards, secrets,
                                              texts);
        List<ChannelSender> senders = new ArrayList<>();
        telegram.sender().ifPresent(senders::add);
        zalo.sender().ifPresent(senders::add);
        DispatcherSettings settings = channelSettings.outbox();
        OutboxDispatcher dispatcher = new OutboxDispatcher(dataSource, clock, settings, senders);
        holder.add(dispatcher);
        InboxSettings inboxSettings = channelSettings.inbox();
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
