package vn.warddesk.bot.http;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import io.helidon.config.Config;

/**
 * The settings every HTTP edge shares, read from the configuration in this one place: the default ward, the admin
 * token, which proxies may name the client ({@code edge.*}), and the request limits ({@code limits.*}).
 * Documented key by key in config/application.yaml.
 */
public record EdgeSettings(String defaultWard, String adminToken, boolean trustForwardedHeaders, List<String> trustedProxies,
                           Limits limits) {
    /** The demo ward of the repository's configuration: the one fallback when {@code ward.default-id} is absent. */
    public static final String DEMO_WARD = "demo-hoa-an";

    /** Requests allowed per key per window (a token bucket refilled evenly over the window). */
    public record Rate(long requests, Duration per) {
        static Rate from(Config node, long requests, Duration per) {
            return new Rate(node.get("requests").asLong().orElse(Long.valueOf(requests)), node.get("per").as(Duration.class).orElse(per));
        }
    }

    /** The request limits: per client address, per conversation, and global caps that protect the database. */
    public record Limits(boolean enabled, int maxTrackedClients, Rate conversationsPerClient, Rate conversationsGlobal,
                         Rate messagesPerConversation, Rate messagesPerClient, Rate statusLookupsPerClient,
                         Rate signInsPerClient, Rate signInsGlobal) {
        static Limits from(Config node, Config legacyLookups) {
            long lookups = legacyLookups.asLong().orElse(30L);
            return new Limits(node.get("enabled").asBoolean().orElse(true),
                              node.get("max-tracked-clients").asInt().orElse(100_000),
                              Rate.from(node.get("conversations-per-client"), 60, Duration.ofMinutes(10)),
                              Rate.from(node.get("conversations-global"), 50, Duration.ofSeconds(1)),
                              Rate.from(node.get("messages-per-conversation"), 30, Duration.ofMinutes(1)),
                              Rate.from(node.get("messages-per-client"), 120, Duration.ofMinutes(1)),
                              Rate.from(node.get("status-lookups-per-client"), lookups, Duration.ofHours(1)),
                              Rate.from(node.get("sign-ins-per-client"), 30, Duration.ofMinutes(15)),
                              Rate.from(node.get("sign-ins-global"), 20, Duration.ofSeconds(1)));
        }
    }

    public static EdgeSettings from(Config root) {
        Config edge = root.get("edge");
        // staff.trust-forwarded-headers was the key before edge.* existed; it still switches trust on.
        boolean trust = edge.get("trust-forwarded-headers").asBoolean()
                .orElseGet(() -> root.get("staff.trust-forwarded-headers").asBoolean().orElse(false));
        List<String> proxies = Arrays.stream(edge.get("trusted-proxies").asString().orElse("127.0.0.1,::1").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new EdgeSettings(root.get("ward.default-id").asString().orElse(DEMO_WARD),
                                root.get("admin.token").asString().orElse(""), trust, proxies,
                                Limits.from(root.get("limits"), root.get("conversation.status-lookups-per-minute")));
    }
}
