package vn.warddesk.bot.ward;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.secret.SecretKeys;
import vn.warddesk.bot.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WardChannelSecretsTest {
    static final String KEY_1 = "k1:" + Base64.getEncoder().encodeToString(new byte[32]);
    static final String KEY_2 = "k2:" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private static final String TOKEN = "7654321:AAH-ward-token-SECRET";
    private static HikariDataSource pool;
    private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");

    @BeforeAll
    static void database() {
        pool = TestDatabase.fresh("ward_channel_secrets");
        WardStore wards = new WardStore(pool);
        wards.putWard(new Ward("secret-ward", "demo-da-nang", "Phường Bí Mật", "Secret Ward", true, false), NOW);
        wards.putWard(new Ward("other-ward", "demo-da-nang", "Phường Khác", "Other Ward", true, false), NOW);
        wards.putWard(new Ward("target-ward", "demo-da-nang", "Phường Đích", "Target Ward", true, false), NOW);
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void a_token_is_unreadable_in_the_database_and_still_decrypts_after_rotation() throws Exception {
        new WardChannelSecrets(pool, SecretKeys.parse(KEY_1))
                .update("secret-ward", Map.of(ChannelField.TELEGRAM_BOT_TOKEN, TOKEN), NOW);
        byte[] stored = sealed("secret-ward", "telegram.bot-token");
        String asText = new String(stored, StandardCharsets.ISO_8859_1);
        assertFalse(asText.contains(TOKEN) || asText.contains("SECRET") || asText.contains("7654321"), "no plain token");
        assertEquals("k1", keyId("secret-ward", "telegram.bot-token"));

        WardChannelSecrets rotated = new WardChannelSecrets(pool, SecretKeys.parse(KEY_1 + "," + KEY_2));
        assertEquals(1, rotated.rotate());
        assertEquals("k2", keyId("secret-ward", "telegram.bot-token"));
        assertFalse(java.util.Arrays.equals(stored, sealed("secret-ward", "telegram.bot-token")));
        // The old key can now be removed: the newest alone reads the value.
        assertEquals(TOKEN, new WardChannelSecrets(pool, SecretKeys.parse(KEY_2)).read("secret-ward")
                .get(ChannelField.TELEGRAM_BOT_TOKEN));
        assertEquals(0, rotated.rotate(), "nothing left under an old key");
    }

    @Test
    void opened_values_are_kept_until_this_instance_saves_or_rotates() throws Exception {
        new WardStore(pool).putWard(new Ward("cache-ward", "demo-da-nang", "Phường Nhớ", "Cache Ward", true, false), NOW);
        // Both keys: the rotation below reseals whatever the other tests left under the older one.
        WardChannelSecrets secrets = new WardChannelSecrets(pool, SecretKeys.parse(KEY_1 + "," + KEY_2));
        secrets.update("cache-ward", Map.of(ChannelField.TELEGRAM_BOT_TOKEN, "111:first"), NOW);
        assertEquals("111:first", secrets.read("cache-ward").get(ChannelField.TELEGRAM_BOT_TOKEN));

        // Removed behind its back (as another instance would): the kept value answers, the database is not read.
        deleteAll("cache-ward");
        assertEquals("111:first", secrets.read("cache-ward").get(ChannelField.TELEGRAM_BOT_TOKEN));

        // A save through this instance is seen by its next read at once.
        secrets.update("cache-ward", Map.of(ChannelField.TELEGRAM_BOT_TOKEN, "222:second"), NOW);
        assertEquals("222:second", secrets.read("cache-ward").get(ChannelField.TELEGRAM_BOT_TOKEN));

        // A rotation drops every kept value.
        deleteAll("cache-ward");
        secrets.rotate();
        assertTrue(secrets.read("cache-ward").isEmpty());
    }

    private static void deleteAll(String wardId) throws Exception {
        try (var c = pool.getConnection();
             var delete = c.prepareStatement("DELETE FROM ward_channel_secret WHERE ward_id = ?")) {
            delete.setString(1, wardId);
            delete.executeUpdate();
        }
    }

    @Test
    void a_value_moved_to_another_ward_does_not_decrypt() throws Exception {
        WardChannelSecrets secrets = new WardChannelSecrets(pool, SecretKeys.parse(KEY_1));
        secrets.update("other-ward", Map.of(ChannelField.ZALO_OA_SECRET_KEY, "oa-secret"), NOW);
        try (var c = pool.getConnection(); var copy = c.prepareStatement("""
                INSERT INTO ward_channel_secret (ward_id, field, key_id, sealed, updated_at)
                SELECT 'target-ward', 'zalo.oa-secret-key', key_id, sealed, updated_at FROM ward_channel_secret
                WHERE ward_id = 'other-ward' AND field = 'zalo.oa-secret-key'""")) {
            copy.executeUpdate();
        }
        assertEquals("oa-secret", secrets.read("other-ward").get(ChannelField.ZALO_OA_SECRET_KEY));
        assertThrows(SecretKeys.UnreadableSecretException.class, () -> secrets.read("target-ward"));
        secrets.update("target-ward", Map.of(ChannelField.ZALO_OA_SECRET_KEY, ""), NOW);
        assertFalse(secrets.read("target-ward").containsKey(ChannelField.ZALO_OA_SECRET_KEY), "a blank value clears");
    }

    @Test
    void without_a_key_nothing_can_be_saved() {
        WardChannelSecrets secrets = new WardChannelSecrets(pool, SecretKeys.parse(""));
        assertFalse(secrets.canSave());
        assertThrows(SecretKeys.NoKeyException.class, () -> secrets.update(
                "other-ward", Map.of(ChannelField.TELEGRAM_BOT_TOKEN, "123:abc"), NOW));
        assertTrue(secrets.read("other-ward").isEmpty());
    }

    @Test
    void a_malformed_key_list_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> SecretKeys.parse("k1:c2hvcnQ="));
        assertThrows(IllegalArgumentException.class, () -> SecretKeys.parse("no-colon"));
        assertThrows(IllegalArgumentException.class, () -> SecretKeys.parse(KEY_1 + "," + KEY_1));
    }

    private static byte[] sealed(String ward, String field) throws Exception {
        try (var c = pool.getConnection();
             var q = c.prepareStatement("SELECT sealed FROM ward_channel_secret WHERE ward_id = ? AND field = ?")) {
            q.setString(1, ward);
            q.setString(2, field);
            try (var rs = q.executeQuery()) {
                assertTrue(rs.next());
                return rs.getBytes(1);
            }
        }
    }

    private static String keyId(String ward, String field) throws Exception {
        try (var c = pool.getConnection();
             var q = c.prepareStatement("SELECT key_id FROM ward_channel_secret WHERE ward_id = ? AND field = ?")) {
            q.setString(1, ward);
            q.setString(2, field);
            try (var rs = q.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }
}
