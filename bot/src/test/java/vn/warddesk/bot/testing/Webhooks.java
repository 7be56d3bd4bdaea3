package vn.warddesk.bot.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;

/**
 * What Telegram and Zalo send to our webhooks, for the channel tests: the header names and the Zalo signature as the
 * platforms document them (written here, not taken from the production code, so a test can catch a wrong one).
 */
public final class Webhooks {
    /** Telegram's header carrying the secret given with setWebhook. */
    public static final HeaderName TELEGRAM_SECRET = HeaderNames.create("X-Telegram-Bot-Api-Secret-Token");
    /** Zalo's header carrying the event's signature. */
    public static final HeaderName ZALO_SIGNATURE = HeaderNames.create("X-ZEvent-Signature");

    private Webhooks() {
    }

    /** Posts a Telegram update to {@code path} (/webhooks/telegram or /webhooks/telegram/{ward}) with the secret header. */
    public static Status telegram(Http1Client client, String path, String secret, String update) {
        try (Http1ClientResponse response = client.post(path)
                .header(TELEGRAM_SECRET, secret)
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .submit(update)) {
            return response.status();
        }
    }

    /** A private text message from a user (chat id = user id, message id = update id). */
    public static String telegramText(long updateId, long userId, String text, String language) {
        return """
                {"update_id":%d,"message":{"message_id":%d,"date":1732780800,
                 "from":{"id":%d,"is_bot":false,"first_name":"Lan","language_code":"%s"},
                 "chat":{"id":%d,"first_name":"Lan","type":"private"},"text":"%s"}}"""
                .formatted(updateId, updateId, userId, language, userId, text);
    }

    /** Posts a Zalo event to {@code path} (/webhooks/zalo or /webhooks/zalo/{ward}) with the given signature header. */
    public static Status zalo(Http1Client client, String path, String event, String signature) {
        try (Http1ClientResponse response = client.post(path)
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .header(ZALO_SIGNATURE, signature)
                .submit(event)) {
            return response.status();
        }
    }

    /** Posts a Zalo event signed with the OA's key, as Zalo signs it. */
    public static Status zaloSigned(Http1Client client, String path, String appId, String event, String timestamp, String key) {
        return zalo(client, path, event, zaloSignature(appId, event, timestamp, key));
    }

    /** Zalo's documented signature: "mac=" + hex SHA-256 of app id, body, timestamp and the OA secret key. */
    public static String zaloSignature(String appId, String body, String timestamp, String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((appId + body + timestamp + key).getBytes(StandardCharsets.UTF_8));
            return "mac=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
