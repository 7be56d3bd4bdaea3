package vn.warddesk.bot.channel;

import java.util.List;

import io.helidon.config.Config;

import vn.warddesk.bot.channel.telegram.TelegramSettings;
import vn.warddesk.bot.channel.zalo.MiniAppSettings;
import vn.warddesk.bot.channel.zalo.ZaloSettings;
import vn.warddesk.bot.inbox.InboxSettings;
import vn.warddesk.bot.outbox.DispatcherSettings;
import vn.warddesk.bot.secret.SecretKeys;

/**
 * What the channels need of the configuration: their own sections ({@code outbox}, {@code inbox}, {@code telegram},
 * {@code zalo}) and the shared values they use ({@code ward.default-id}, {@code privacy.hash-key}, {@code secret.keys}),
 * read once by the settings reader (WardDeskSettings).
 *
 * @param miniAppOrigins {@code zalo.mini-app.cors-origins}: a YAML list or one comma-separated string
 */
public record ChannelSettings(DispatcherSettings outbox, InboxSettings inbox, TelegramSettings telegram,
                              ZaloSettings zalo, MiniAppSettings miniApp, List<String> miniAppOrigins,
                              String defaultWard, String privacyHashKey, SecretKeys secretKeys) {

    /** The channel sections of the root configuration, with the shared values the root reader already read. */
    public static ChannelSettings from(Config root, String defaultWard, String privacyHashKey, SecretKeys secretKeys) {
        return new ChannelSettings(DispatcherSettings.from(root.get("outbox")), InboxSettings.from(root.get("inbox")),
                                   TelegramSettings.from(root.get("telegram")), ZaloSettings.from(root.get("zalo")),
                                   MiniAppSettings.from(root.get("zalo.mini-app")),
                                   origins(root.get("zalo.mini-app.cors-origins")), defaultWard, privacyHashKey,
                                   secretKeys);
    }

    /** A list in YAML, or one comma-separated string (what an environment variable can carry). */
    static List<String> origins(Config node) {
        List<String> raw = node.type() == Config.Type.LIST ? node.asList(String.class).orElse(List.of())
                : List.of(node.asString().orElse("").split(","));
        return raw.stream().map(String::strip).filter(o -> !o.isEmpty())
                .map(o -> o.endsWith("/") ? o.substring(0, o.length() - 1) : o).toList();
    }
}
