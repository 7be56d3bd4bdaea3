package vn.warddesk.bot.channel.zalo;

import java.time.Clock;
import java.util.Optional;

import javax.sql.DataSource;

import io.helidon.config.Config;
import io.helidon.webserver.http.HttpRouting;

import vn.warddesk.bot.conversation.ConversationPort;
import vn.warddesk.bot.outbox.ChannelSender;
import vn.warddesk.bot.privacy.KeyedHash;

/** The Zalo OA channel (webhook route, outbox sender) and the Mini App token verifier. */
public final class ZaloChannel {
    private final ZaloSettings settings;
    private final ZaloWebhook webhook;
    private final ZaloSender sender;
    private final ZaloMiniAppVerifier verifier;

    private ZaloChannel(ZaloSettings settings, ZaloWebhook webhook, ZaloSender sender, ZaloMiniAppVerifier verifier) {
        this.settings = settings;
        this.webhook = webhook;
        this.sender = sender;
        this.verifier = verifier;
    }

    public static ZaloChannel create(Config root, DataSource dataSource, Clock clock, ConversationPort port,
                                     Runnable accepted) {
        ZaloSettings settings = ZaloSettings.from(root.get("zalo"));
        ZaloHttp http = new ZaloHttp(settings.requestTimeout());
        ZaloTokens tokens = new ZaloTokens(dataSource, clock, settings, http);
        ZaloWebhook webhook = new ZaloWebhook(settings, KeyedHash.fromConfig(root),
                                              root.get("ward.default-id").asString().orElse("default"), port, accepted,
                                              clock);
        return new ZaloChannel(settings, webhook, new ZaloSender(settings, tokens, http, clock),
                               new ZaloMiniAppVerifier(settings, http));
    }

    public void routing(HttpRouting.Builder routing) {
        routing.post("/webhooks/zalo", webhook::handle);
    }

    public Optional<ChannelSender> sender() {
        return settings.oaEnabled() ? Optional.of(sender) : Optional.empty();
    }

    /** The Mini App verifier; the graph API needs no OA setup, only reachability (and the App Secret for the proof). */
    public ZaloMiniAppVerifier miniAppVerifier() {
        return verifier;
    }
}
