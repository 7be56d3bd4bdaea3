package vn.warddesk.bot.channel.zalo;

import java.time.Duration;

import io.helidon.config.Config;

/** The {@code zalo} configuration section (documented key by key in config/application.yaml). */
public record ZaloSettings(String appId, String appSecret, String oaId, String oaSecretKey, String apiBase, String oauthBase,
                    String graphBase, int maxEventBytes, Duration interactionWindow, Duration refreshMargin,
                    Duration rateLimitBackoff, Duration quotaBackoff, double perOaPerSecond, double perChatPerSecond,
                    int maxTextChars, Duration requestTimeout, boolean provinceWide) {
    public static ZaloSettings from(Config zalo) {
        return new ZaloSettings(
                zalo.get("app-id").asString().orElse(""),
                zalo.get("app-secret").asString().orElse(""),
                zalo.get("oa-id").asString().orElse(""),
                zalo.get("oa-secret-key").asString().orElse(""),
                strip(zalo.get("api-base-url").asString().orElse("https://openapi.zalo.me")),
                strip(zalo.get("oauth-base-url").asString().orElse("https://oauth.zaloapp.com")),
                strip(zalo.get("graph-base-url").asString().orElse("https://graph.zalo.me/v2.0")),
                zalo.get("max-event-bytes").asInt().orElse(65536),
                zalo.get("interaction-window").as(Duration.class).orElse(Duration.ofDays(7)),
                zalo.get("token-refresh-margin").as(Duration.class).orElse(Duration.ofHours(1)),
                zalo.get("rate-limit-backoff").as(Duration.class).orElse(Duration.ofMinutes(1)),
                zalo.get("quota-backoff").as(Duration.class).orElse(Duration.ofHours(1)),
                zalo.get("rate.per-oa-per-second").asDouble().orElse(10.0),
                zalo.get("rate.per-chat-per-second").asDouble().orElse(1.0),
                zalo.get("max-text-chars").asInt().orElse(2000),
                zalo.get("request-timeout").as(Duration.class).orElse(Duration.ofSeconds(10)),
                zalo.get("province-wide").asBoolean().orElse(false));
    }

    /** The OA channel (webhook + sending) needs the app id, OA id, OA secret key (webhook) and app secret (tokens). */
    boolean oaEnabled() {
        return !appId.isBlank() && !oaId.isBlank() && !oaSecretKey.isBlank() && !appSecret.isBlank();
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
