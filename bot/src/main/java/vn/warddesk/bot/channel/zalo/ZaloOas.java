package vn.warddesk.bot.channel.zalo;

import java.util.Map;
import java.util.Optional;

import vn.warddesk.bot.ward.ChannelField;
import vn.warddesk.bot.ward.WardChannelSecrets;
import vn.warddesk.bot.ward.WardStore;

/**
 * A ward's own Zalo OA, from the encrypted per-ward store (only for an enabled ward): the app id and OA secret key
 * check its webhook, the access token sends. Read on every use, so the ward admin's changes apply at once.
 */
final class ZaloOas {
    /** The ward OA's credentials; {@code accessToken} is empty until the admin has set one. */
    record Oa(String wardId, String appId, String oaSecretKey, Optional<String> accessToken) {
    }

    private final WardStore wards;
    private final WardChannelSecrets secrets;

    ZaloOas(WardStore wards, WardChannelSecrets secrets) {
        this.wards = wards;
        this.secrets = secrets;
    }

    /** The ward's own OA when the ward exists, is enabled and has at least an app id and an OA secret key. */
    Optional<Oa> ofWard(String wardId) {
        if (!secrets.canSave() || wards.find(wardId).filter(w -> w.enabled()).isEmpty()) {
            return Optional.empty();
        }
        Map<ChannelField, String> values = secrets.read(wardId);
        String appId = values.get(ChannelField.ZALO_APP_ID);
        String key = values.get(ChannelField.ZALO_OA_SECRET_KEY);
        return appId == null || key == null ? Optional.empty()
                : Optional.of(new Oa(wardId, appId, key, Optional.ofNullable(values.get(ChannelField.ZALO_ACCESS_TOKEN))));
    }

    /** Whether wards can have their own OA at all (an encryption key is configured). */
    boolean possible() {
        return secrets.canSave();
    }
}
