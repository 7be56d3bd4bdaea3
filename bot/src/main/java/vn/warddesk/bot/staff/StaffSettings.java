package vn.warddesk.bot.staff;

import java.time.Duration;

import io.helidon.config.Config;

import vn.warddesk.bot.http.EdgeSettings;
import vn.warddesk.bot.secret.SecretKeys;

/**
 * The {@code staff} section of application.yaml (documented there), with defaults for tests that omit it, and the
 * shared values staff uses (the edge, {@code privacy.hash-key}, {@code secret.keys}, {@code kiosk.pairing-code-ttl}),
 * read once by the settings reader (WardDeskSettings).
 */
public record StaffSettings(Duration sessionIdleTimeout, Duration sessionMaxAge, int maxFailuresPerIp,
                            Duration failureWindow, String secureCookie, boolean seedDemoAccounts,
                            int maxNoteLength, Duration claimWithin, String hashKey, EdgeSettings edge, TotpPolicy totp,
                            Duration eventsPollInterval, Duration pairingCodeTtl, SecretKeys secretKeys) {

    /** Which roles must use a second factor; officers by ward policy ({@code staff.totp.*}). */
    public record TotpPolicy(boolean officersRequired, String issuer) {
        static TotpPolicy from(Config totp) {
            return new TotpPolicy(totp.get("required-for-officers").asBoolean().orElse(false),
                                  totp.get("issuer").asString().orElse("WardDesk"));
        }
    }

    String adminToken() {
        return edge.adminToken();
    }

    String defaultWard() {
        return edge.defaultWard();
    }

    /** @param staff the {@code staff} section */
    public static StaffSettings from(Config staff, EdgeSettings edge, String hashKey, Duration pairingCodeTtl,
                                     SecretKeys secretKeys) {
        return new StaffSettings(
                staff.get("session-idle-timeout").as(Duration.class).orElse(Duration.ofMinutes(30)),
                staff.get("session-max-age").as(Duration.class).orElse(Duration.ofHours(12)),
                staff.get("login.max-failures-per-ip").asInt().orElse(20),
                staff.get("login.window").as(Duration.class).orElse(Duration.ofMinutes(15)),
                staff.get("secure-cookie").asString().orElse("auto"),
                staff.get("seed-demo-accounts").asBoolean().orElse(false),
                staff.get("max-note-length").asInt().orElse(2000),
                staff.get("claim-within").as(Duration.class).orElse(Duration.ofHours(4)),
                hashKey, edge, TotpPolicy.from(staff.get("totp")),
                staff.get("events-poll-interval").as(Duration.class).orElse(Duration.ofSeconds(2)), pairingCodeTtl,
                secretKeys);
    }
}
