package vn.warddesk.bot.staff;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashes_are_argon2id_phc_strings_with_the_owasp_parameters() {
        String hash = hasher.hash("Mật khẩu rất dài 2026");
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertTrue(hasher.verify("Mật khẩu rất dài 2026", hash));
    }

    @Test
    void a_wrong_password_or_a_tampered_hash_does_not_verify() {
        String hash = hasher.hash("correct horse battery");
        assertFalse(hasher.verify("correct horse battery!", hash));
        assertFalse(hasher.verify("correct horse battery", hash.replace("m=19456", "m=19457")));
        assertFalse(hasher.verify("correct horse battery", "plain-text"));
        assertFalse(hasher.verify("correct horse battery", null));
    }

    @Test
    void the_same_password_gets_a_new_salt_every_time() {
        assertNotEquals(hasher.hash("same password"), hasher.hash("same password"));
    }

    @Test
    void one_time_passwords_are_long_and_different() {
        String a = PasswordHasher.oneTimePassword();
        assertTrue(a.length() >= 16);
        assertNotEquals(a, PasswordHasher.oneTimePassword());
    }
}
