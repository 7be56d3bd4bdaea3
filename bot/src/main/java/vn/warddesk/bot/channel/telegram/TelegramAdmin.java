package vn.warddesk.bot.channel.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * setWebhook / getWebhookInfo for the admin CLI (https://core.telegram.org/bots/api#setwebhook,
 * https://core.telegram.org/bots/api#getwebhookinfo). The URL must be HTTPS on port 443, 80, 88 or 8443.
 */
public final class TelegramAdmin {
    private final TelegramSettings settings;
    private final TelegramApi api;

    private TelegramAdmin(TelegramSettings settings) {
        this.settings = settings;
        this.api = new TelegramApi(settings);
    }

    public static TelegramAdmin of(TelegramSettings settings) {
        return new TelegramAdmin(settings);
    }

    /** Registers the webhook with our secret and the update kinds we handle; returns Telegram's JSON answer. */
    public String setWebhook(String url) {
        requireConfigured();
        if (!settings.webhookSecret().matches("[A-Za-z0-9_-]{1,256}")) {
            throw new IllegalArgumentException("telegram.webhook-secret must be 1-256 characters of A-Z a-z 0-9 _ -");
        }
        ObjectNode parameters = api.object().put("url", url).put("secret_token", settings.webhookSecret())
                .put("max_connections", settings.maxConnections());
        var allowed = parameters.putArray("allowed_updates");
        settings.allowedUpdates().forEach(allowed::add);
        return api.call("setWebhook", parameters).body().toPrettyString();
    }

    public String webhookInfo() {
        requireConfigured();
        return api.call("getWebhookInfo", api.object()).body().toPrettyString();
    }

    private void requireConfigured() {
        if (!settings.enabled()) {
            throw new IllegalStateException("set telegram.bot-token and telegram.webhook-secret first"
                                            + " (WARDDESK_TELEGRAM_BOT_TOKEN, WARDDESK_TELEGRAM_WEBHOOK_SECRET)");
        }
    }
}
