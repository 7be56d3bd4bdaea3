package vn.warddesk.bot.channel;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.warddesk.bot.privacy.KeyedHash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChannelUnitsTest {
    @Test
    void long_text_is_split_at_line_breaks_and_keeps_every_word() {
        String text = "Dòng một về hồ sơ.\n".repeat(300); // 5 700 characters
        List<String> parts = TextSplit.split(text, 4096);
        assertEquals(2, parts.size());
        assertTrue(parts.stream().allMatch(p -> p.length() <= 4096));
        assertTrue(parts.get(0).endsWith("hồ sơ."), "cut at a line end");
        assertEquals(text.replace("\n", "").length(), String.join("", parts).replace("\n", "").length());
    }

    @Test
    void a_text_without_spaces_is_cut_hard_but_never_inside_a_surrogate_pair() {
        String text = "a".repeat(9) + "😀".repeat(5);
        List<String> parts = TextSplit.split(text, 10);
        assertTrue(parts.stream().allMatch(p -> p.length() <= 10));
        assertEquals(text, String.join("", parts));
        assertTrue(parts.stream().noneMatch(p -> Character.isHighSurrogate(p.charAt(p.length() - 1))));
    }

    @Test
    void short_text_is_one_part() {
        assertEquals(List.of("Xin chào"), TextSplit.split("Xin chào", 4096));
    }

    @Test
    void the_keyed_hash_is_stable_per_key_and_differs_between_keys() {
        KeyedHash one = new KeyedHash("key-one");
        assertEquals(one.hash("123456789"), new KeyedHash("key-one").hash("123456789"));
        assertNotEquals(one.hash("123456789"), new KeyedHash("key-two").hash("123456789"));
        assertNotEquals(one.hash("123456789"), one.hash("123456780"));
        assertTrue(one.hash("123456789").matches("[0-9a-f]{64}"));
    }

    @Test
    void the_keyed_hash_is_standard_hmac_sha256_also_when_called_from_many_threads() throws Exception {
        javax.crypto.Mac reference = javax.crypto.Mac.getInstance("HmacSHA256");
        reference.init(new javax.crypto.spec.SecretKeySpec("key-one".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                                                           "HmacSHA256"));
        KeyedHash hash = new KeyedHash("key-one");
        java.util.List<java.util.concurrent.Future<Boolean>> checks = new java.util.ArrayList<>();
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 2000; i++) {
                String id = String.valueOf(100_000 + i);
                byte[] expected;
                synchronized (reference) {
                    expected = reference.doFinal(id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                String hex = java.util.HexFormat.of().formatHex(expected);
                checks.add(threads.submit(() -> hex.equals(hash.hash(id))));
            }
        }
        for (var check : checks) {
            assertTrue(check.get());
        }
    }
}
