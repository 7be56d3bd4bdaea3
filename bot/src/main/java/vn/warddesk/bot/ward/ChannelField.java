package vn.warddesk.bot.ward;

import java.util.Arrays;
import java.util.Optional;

/** The channel credentials a ward may hold, named as in the {@code telegram} and {@code zalo} configuration sections. */
public enum ChannelField {
    TELEGRAM_BOT_TOKEN("telegram.bot-token"),
    TELEGRAM_WEBHOOK_SECRET("telegram.webhook-secret"),
    ZALO_OA_ID("zalo.oa-id"),
    ZALO_APP_ID("zalo.app-id"),
    ZALO_APP_SECRET("zalo.app-secret"),
    ZALO_OA_SECRET_KEY("zalo.oa-secret-key"),
    ZALO_ACCESS_TOKEN("zalo.access-token"),
    ZALO_REFRESH_TOKEN("zalo.refresh-token");

    private final String key;

    ChannelField(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<ChannelField> byKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }
}
