package vn.warddesk.bot.channel.telegram;

import java.time.Duration;
import java.util.List;

import io.helidon.config.Config;

/** The {@code telegram} configuration section (documented key by key in config/application.yaml). */
public record TelegramSettings(String botToken, String webhookSecret, String apiBase, int maxUpdateBytes,
                        double perBotPerSecond, double perChatPerSecond, Duration requestTimeout,
                        List<String> allowedUpdates, int maxConnections, boolean provinceWide) {
    public static TelegramSettings from(Config telegram) {
        return new TelegramSettings(
                telegram.get("bot-token").asString().orElse(""),
                telegram.get("webhook-secret").asString().orElse(""),
                stripSlash(telegram.get("api-base-url").asString().orElse("https://api.telegram.org")),
                telegram.get("max-update-bytes").asInt().orElse(65536),
                telegram.get("rate.per-bot-per-second").asDouble().orElse(30.0),
                telegram.get("rate.per-chat-per-second").asDouble().orElse(1.0),
                telegram.get("request-timeout").as(Duration.class).orElse(Duration.ofSeconds(10)),
                telegram.get("allowed-updates").asList(String.class).orElse(List.of("message", "callback_query")),
                telegram.get("max-connections").asInt().orElse(40),
                telegram.get("province-wide").asBoolean().orElse(false));
    }

    /** The channel runs only with both a bot token and a webhook secret (an unauthenticated webhook is never open). */
    boolean enabled() {
        return !botToken.isBlank() && !webhookSecret.isBlank();
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
