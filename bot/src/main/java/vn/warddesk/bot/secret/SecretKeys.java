package vn.warddesk.bot.secret;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;


/**
 * The keys that encrypt secrets at rest (AES-256-GCM), from {@code secret.keys} (environment variable
 * WARDDESK_SECRET_KEYS): {@code id1:base64key1,id2:base64key2}, each key 32 random bytes. The last one encrypts; every
 * one decrypts, so a new key can be appended, values re-encrypted ({@code ./warddesk admin secrets-rotate}) and the
 * old key then removed. Each value gets a fresh random 96-bit nonce and is bound to its place (ward id and field
 * name as associated data): a ciphertext copied to another ward or field does not decrypt. Thread-safe.
 */
public final class SecretKeys {
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKeySpec> keys;
    private final String newest;

    private SecretKeys(Map<String, SecretKeySpec> keys, String newest) {
        this.keys = keys;
        this.newest = newest;
    }

    /** A value as stored: the id of the key that sealed it and nonce ‖ ciphertext ‖ tag. */
    public record Sealed(String keyId, byte[] bytes) {
    }

    /** Parses {@code id:base64,…}; a malformed list fails start-up rather than silently sealing nothing. */
    public static SecretKeys parse(String spec) {
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        String newest = null;
        for (String entry : spec.split(",")) {
            String item = entry.strip();
            if (item.isEmpty()) {
                continue;
            }
            int colon = item.indexOf(':');
            String id = colon < 0 ? "" : item.substring(0, colon);
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("secret.keys: each entry is <key id>:<base64 of 32 bytes>; key ids are"
                                                   + " 1-32 of A-Z a-z 0-9 _ -");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(item.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("secret.keys: key '" + id + "' is not base64");
            }
            if (key.length != 32) {
                throw new IllegalArgumentException("secret.keys: key '" + id + "' must be 32 bytes (openssl rand -base64 32)");
            }
            if (keys.put(id, new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalArgumentException("secret.keys: key id '" + id + "' appears twice");
            }
            newest = id;
        }
        return new SecretKeys(Map.copyOf(keys), newest);
    }

    /** Whether a key is configured (without one, secrets can be read from nowhere and saved nowhere). */
    public boolean ready() {
        return newest != null;
    }

    /** The key new values are sealed with. */
    public Optional<String> newestKeyId() {
        return Optional.ofNullable(newest);
    }

    /** Encrypts with the newest key; {@code place} (e.g. "ward-a/telegram.bot-token") is authenticated, not stored. */
    public Sealed seal(String place, String plaintext) {
        if (newest == null) {
            throw new NoKeyException();
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(newest), nonce, place);
            byte[] body = cipher.doFinal(plaintext.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + body.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(body, 0, out, NONCE_BYTES, body.length);
            return new Sealed(newest, out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * Decrypts a stored value.
     *
     * @throws UnreadableSecretException when its key is no longer configured or it was tampered with or moved
     */
    public String open(String place, Sealed sealed) {
        SecretKeySpec key = keys.get(sealed.keyId());
        if (key == null || sealed.bytes().length <= NONCE_BYTES) {
            throw new UnreadableSecretException("no configured key '" + sealed.keyId() + "' for " + place);
        }
        byte[] nonce = java.util.Arrays.copyOf(sealed.bytes(), NONCE_BYTES);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce, place);
            byte[] plain = cipher.doFinal(sealed.bytes(), NONCE_BYTES, sealed.bytes().length - NONCE_BYTES);
            return new String(plain, java.nio.charset.StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new UnreadableSecretException("the value stored for " + place + " does not authenticate");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static Cipher cipher(int mode, SecretKeySpec key, byte[] nonce, String place) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(place.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return cipher;
    }

    /** Saving a secret without {@code secret.keys}: refused rather than stored in plain text. */
    public static final class NoKeyException extends IllegalStateException {
        NoKeyException() {
            super("no encryption key configured: set WARDDESK_SECRET_KEYS (see deploy/README.md, section Secrets at rest)");
        }
    }

    /** A stored value that cannot be decrypted with the configured keys. */
    public static final class UnreadableSecretException extends IllegalStateException {
        public UnreadableSecretException(String message) {
            super(message);
        }
    }
}
