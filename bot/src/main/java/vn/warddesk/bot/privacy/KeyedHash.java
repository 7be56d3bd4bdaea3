package vn.warddesk.bot.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;


/**
 * The keyed hash (HMAC-SHA256, key {@code privacy.hash-key}) that stands in for a platform user id everywhere it is
 * stored: the same chat user always maps to the same 64-hex-character value, and without the key the id cannot be
 * recovered by hashing candidate ids.
 */
public final class KeyedHash {
    private final SecretKeySpec key;
    /** Initialised once; each call works on a clone (a Mac is not thread-safe, and getInstance + init cost more). */
    private final Mac prototype;

    public KeyedHash(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("privacy.hash-key must not be empty");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.prototype = newMac();
    }

    /** Lower-case hex HMAC-SHA256 of the value. */
    public String hash(String value) {
        Mac mac;
        try {
            mac = (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            mac = newMac();
        }
        return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
