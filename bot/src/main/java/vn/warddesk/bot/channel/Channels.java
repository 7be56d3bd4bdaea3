package vn.warddesk.bot.channel;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.helidon.config.Config;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;

import vn.warddesk.bot.channel.telegram.TelegramChannel;
import vn.warddesk.bot.channel.zalo.ZaloChannel;
import vn.warddesk.bot.channel.zalo.ZaloMiniAppVerifier;
import vn.warddesk.bot.conversation.ConversationPort;
import vn.warddesk.bot.outbox.ChannelSender;
import vn.warddesk.bot.outbox.DispatcherSettings;
import vn.warddesk.bot.outbox.OutboxDispatcher;

/** Telegram, Zalo and the outbox dispatcher that sends for both: what Features wires in three lines. */
public final class Channels implements AutoCloseable {
    private final TelegramChannel telegram;
    private final ZaloChannel zalo;
    private final OutboxDispatcher dispatcher;

    private Channels(TelegramChannel telegram, ZaloChannel zalo, OutboxDispatcher dispatcher) {
        this.telegram = telegram;
        this.zalo = zalo;
        this.dispatcher = dispatcher;
    }

    /** Builds the channels and starts the dispatcher (unless outbox.enabled is false). */
    public static Channels create(Config root, DataSource dataSource, Clock clock, ConversationPort port) {
        List<OutboxDispatcher> holder = new ArrayList<>(1);
        Runnable accepted = () -> holder.forEach(OutboxDispatcher::nudge);
        TelegramChannel telegram = TelegramChannel.create(root, dataSource, clock, port, accepted);
        ZaloChannel zalo = ZaloChannel.create(root, dataSource, clock, port, accepted);
        List<ChannelSender> senders = new ArrayList<>();
        telegram.sender().ifPresent(senders::add);
        zalo.sender().ifPresent(senders::add);
        DispatcherSettings settings = DispatcherSettings.from(root.get("outbox"));
        OutboxDispatcher dispatcher = new OutboxDispatcher(dataSource, clock, settings, senders);
        holder.add(dispatcher);
        if (settings.enabled()) {
            dispatcher.start();
        }
        return new Channels(telegram, zalo, dispatcher);
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

    @Override
    public void close() {
        dispatcher.close();
    }
}
