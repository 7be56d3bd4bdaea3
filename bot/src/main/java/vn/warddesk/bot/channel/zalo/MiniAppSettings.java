package vn.warddesk.bot.channel.zalo;

import java.util.regex.Pattern;

import io.helidon.config.Config;
import io.helidon.config.ConfigException;

/**
 * The Mini App's look, from {@code zalo.mini-app} (documented in config/application.yaml): its name in Vietnamese
 * and English (empty = the ward office's name), its main colour and its logo. Read once; a malformed colour or logo
 * address stops start-up with the key named.
 */
public record MiniAppSettings(String nameVi, String nameEn, String primaryColour, String logoUrl) {
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    static final String DEFAULT_COLOUR = "#0b5cad";

    public static MiniAppSettings from(Config miniApp) {
        String colour = miniApp.get("primary-color").asString().orElse(DEFAULT_COLOUR).strip();
        if (!COLOUR.matcher(colour).matches()) {
            throw new ConfigException("zalo.mini-app.primary-color must be a colour like #0b5cad, got '" + colour + "'");
        }
        String logo = miniApp.get("logo-url").asString().orElse("").strip();
        if (!logo.isEmpty() && !logo.startsWith("https://") && !logo.startsWith("http://")) {
            throw new ConfigException("zalo.mini-app.logo-url must be an http(s) address or empty, got '" + logo + "'");
        }
        return new MiniAppSettings(miniApp.get("name.vi").asString().orElse("").strip(),
                                   miniApp.get("name.en").asString().orElse("").strip(), colour.toLowerCase(), logo);
    }
}
