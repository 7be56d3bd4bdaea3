package vn.warddesk.bot.channel.zalo;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.cors.CorsFeature;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.spi.ServerFeature;

import vn.warddesk.bot.channel.WardChoice;
import vn.warddesk.bot.channel.WardChoiceTexts;
import vn.warddesk.bot.inbox.Inbox;
import vn.warddesk.bot.message.Reply;
import vn.warddesk.bot.outbox.Delivery;
import vn.warddesk.bot.outbox.SendResult;
import vn.warddesk.bot.outbox.ChannelSender;
import vn.warddesk.bot.privacy.KeyedHash;
import vn.warddesk.bot.ward.WardChannelSecrets;
import vn.warddesk.bot.ward.WardStore;

/** The Zalo OA channel (webhook route, outbox sender) and the Mini App token verifier. */
public final class ZaloChannel {
    private static final System.Logger LOGGER = System.getLogger(ZaloChannel.class.getName());
    private final ZaloSettings settings;
    private final ZaloOas oas;
    private final ZaloWebhook webhook;
    private final ZaloSender sender;
    private final ZaloMiniAppVerifier verifier;
    private final List<String> corsOrigins;

    private ZaloChannel(ZaloSettings settings, ZaloOas oas, ZaloWebhook webhook, ZaloSender sender,
                        ZaloMiniAppVerifier verifier, List<String> corsOrigins) {
        this.settings = settings;
        this.oas = oas;
        this.webhook = webhook;
        this.sender = sender;
        this.verifier = verifier;
        this.corsOrigins = corsOrigins;
    }

    /** @param accepted called after an event was stored in the inbox (wakes its workers) */
    public static ZaloChannel create(vn.warddesk.bot.channel.ChannelSettings channels, DataSource dataSource, Clock clock,
                                     Inbox inbox, Runnable accepted, WardStore wards, WardChannelSecrets secrets,
                                     vn.warddesk.bot.text.WardTexts texts) {
        ZaloSettings settings = channels.zalo();
        ZaloHttp http = new ZaloHttp(settings.requestTimeout());
        ZaloTokens tokens = new ZaloTokens(dataSource, clock, settings, http);
        ZaloOas oas = new ZaloOas(wards, secrets);
        ZaloSender sender = new ZaloSender(settings, tokens, http, clock, oas,
                new ZaloWardTokens(dataSource, secrets, settings, http, clock));
        String defaultWard = channels.defaultWard();
        WardChoice wardChoice = new WardChoice(dataSource, wards, clock, new WardChoiceTexts(texts, defaultWard));
        ZaloWebhook webhook = new ZaloWebhook(settings, new KeyedHash(channels.privacyHashKey()), defaultWard, inbox,
                                              accepted, clock, new vn.warddesk.bot.inbox.DeadLetters(dataSource, clock),
                                              oas, wardChoice, (address, reply) -> askNow(sender, clock, address, reply));
        return new ZaloChannel(settings, oas, webhook, sender, new ZaloMiniAppVerifier(settings, http),
                               channels.miniAppOrigins());
    }

    /**
     * Sends the province-wide OA's question on a virtual thread, so the webhook answers Zalo at once; a question that
     * does not go out is asked again at the follower's next message (the reason is logged, never the text or id).
     */
    private static void askNow(ZaloSender sender, Clock clock, String address, Reply reply) {
        Thread.ofVirtual().name("zalo-ward-question").start(() -> {
            SendResult result = sender.send(new Delivery(0, "", address, reply, 0, Optional.of(clock.instant())));
            if (!(result instanceof SendResult.Sent)) {
                LOGGER.log(System.Logger.Level.WARNING, "zalo: the which-ward question was not sent: " + result);
            }
        });
    }

    public void routing(HttpRouting.Builder routing) {
        routing.post("/webhooks/zalo", webhook::handle);
        routing.post("/webhooks/zalo/{ward}", webhook::handleWard);
    }

    /**
     * Cross-origin access for the Mini App (a web app on Zalo's origin calling /api/v1/* from the browser), with
     * Helidon's CORS support: only the configured origins, only /api/v1/*, no credentials (tokens travel in the
     * Authorization header). It replaces a CORS feature with Helidon's defaults (Access-Control-Allow-Origin: * on
     * every path), which the Helidon test extension installs from the classpath.
     */
    public void cors(WebServerConfig.Builder server) {
        // Keep every other feature (and their discovery); only a CORS feature already put there is replaced.
        List<ServerFeature> others = server.features().stream().filter(f -> !(f instanceof CorsFeature)).toList();
        server.features(others);
        server.addFeature(CorsFeature.create(cors -> {
            cors.addDefaults(false);
            if (!corsOrigins.isEmpty()) {
                cors.addPath(path -> path.pathPattern("/api/v1/*")
                        .allowOrigins(Set.copyOf(corsOrigins))
                        .allowMethods(Set.of("GET", "POST", "PUT", "DELETE"))
                        // Any request header: Helidon 4.5 does not split Chromium's "authorization,content-type"
                        // (no space), so a named list refused every authorized call from the Mini App with 403.
                        .allowHeaders(Set.of("*"))
                        .allowCredentials(false)
                        .maxAge(Duration.ofMinutes(10)));
            } else {
                cors.enabled(false);
            }
        }));
    }

    public Optional<ChannelSender> sender() {
        return settings.oaEnabled() || oas.possible() ? Optional.of(sender) : Optional.empty();
    }

    /** The Mini App verifier; the graph API needs no OA setup, only reachability (and the App Secret for the proof). */
    public ZaloMiniAppVerifier miniAppVerifier() {
        return verifier;
    }
}
