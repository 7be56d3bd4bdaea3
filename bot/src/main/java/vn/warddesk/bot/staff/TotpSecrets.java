package vn.warddesk.bot.staff;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.sql.DataSource;

import vn.warddesk.bot.secret.SecretKeys;
import vn.warddesk.bot.store.Jdbc;

/**
 * How second-factor secrets are kept in staff_account.totp_secret: "gcm:&lt;key id&gt;:&lt;base64&gt;" (AES-GCM with
 * the keys of {@link SecretKeys}, the account id as associated data) when a key is configured; plain Base32 when
 * none is, and as written before a key existed — read as they are until {@link #resealAll} (run by
 * {@code ./warddesk admin secrets rotate}) encrypts them.
 */
final class TotpSecrets {
    private static final String PREFIX = "gcm:";

    private final SecretKeys keys;

    TotpSecrets(SecretKeys keys) {
        this.keys = keys;
    }

    String toStored(long accountId, String secret) {
        if (!keys.ready()) {
            return secret;
        }
        SecretKeys.Sealed sealed = keys.seal(place(accountId), secret);
        return PREFIX + sealed.keyId() + ":" + Base64.getEncoder().encodeToString(sealed.bytes());
    }

    /** @throws SecretKeys.UnreadableSecretException when the key that sealed it is no longer configured */
    String fromStored(long accountId, String stored) {
        if (!stored.startsWith(PREFIX)) {
            return stored;
        }
        int colon = stored.indexOf(':', PREFIX.length());
        if (colon < 0) {
            throw new SecretKeys.UnreadableSecretException("a malformed sealed second-factor secret");
        }
        return keys.open(place(accountId), new SecretKeys.Sealed(stored.substring(PREFIX.length(), colon),
                                                                 Base64.getDecoder().decode(stored.substring(colon + 1))));
    }

    /** Seals every secret not sealed with the newest key (plain ones included), in one transaction; returns how many. */
    int resealAll(DataSource dataSource) {
        String newest = keys.newestKeyId().orElseThrow(() -> new IllegalStateException(
                "no encryption key configured: set WARDDESK_SECRET_KEYS"));
        return Jdbc.inTransaction(dataSource, c -> {
            record Row(long id, String stored) {
            }
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT id, totp_secret FROM staff_account WHERE totp_secret IS NOT NULL AND totp_secret NOT LIKE ?"
                    + " FOR UPDATE")) {
                select.setString(1, PREFIX + newest + ":%");
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Row(rs.getLong(1), rs.getString(2)));
                    }
                }
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE staff_account SET totp_secret = ? WHERE id = ?")) {
                for (Row row : rows) {
                    update.setString(1, toStored(row.id(), fromStored(row.id(), row.stored())));
                    update.setLong(2, row.id());
                    update.executeUpdate();
                }
            }
            return rows.size();
        });
    }

    private static String place(long accountId) {
        return "staff_account/" + accountId + "/totp_secret";
    }
}
