package vn.warddesk.bot.channel.zalo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one place that knows how Zalo signs webhook events. Header X-ZEvent-Signature: "mac=" + lower-case hex of
 * plain SHA-256 (not HMAC) over app_id + raw body + timestamp + OA Secret Key, where app_id and timestamp are the
 * values in the body and the key is the OA secret key (not the App Secret)
 * (https://developers.zalo.me/docs/official-account/webhook/tong-quan; restated in community guides, e.g.
 * https://hainh.me/zalo-api-php-webhook-callback-official-account.html).
 */
final class ZaloSignature {
    private ZaloSignature() {
    }

    static String expected(String appId, byte[] rawBody, String timestamp, String oaSecretKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(appId.getBytes(StandardCharsets.UTF_8));
            sha.update(rawBody);
            sha.update(timestamp.getBytes(StandardCharsets.UTF_8));
            sha.update(oaSecretKey.getBytes(StandardCharsets.UTF_8));
            return "mac=" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison; the hex part is compared case-insensitively. */
    static boolean matches(String header, String appId, byte[] rawBody, String timestamp, String oaSecretKey) {
        if (header == null) {
            return false;
        }
        String presented = header.strip();
        if (presented.regionMatches(true, 0, "mac=", 0, 4)) {
            presented = "mac=" + presented.substring(4).toLowerCase();
        }
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                                     expected(appId, rawBody, timestamp, oaSecretKey).getBytes(StandardCharsets.UTF_8));
    }
}
