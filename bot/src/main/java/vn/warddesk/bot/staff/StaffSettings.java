package vn.warddesk.bot.staff;

import java.time.Duration;

import io.helidon.config.Config;

import vn.warddesk.bot.http.EdgeSettings;

/** The {@code staff} section of application.yaml (documented there), with defaults for tests that omit it. */
record StaffSettings(Duration sessionIdleTimeout, Duration sessionMaxAge, int maxFailuresPerIp,
                     Duration failureWindow, String secureCookie, boolean seedDemoAccounts,
                     int maxNoteLength, Duration claimWithin, String hashKey, EdgeSettings edge, TotpPolicy totp) {

    /** Which roles must use a second factor; officers by ward policy ({@code staff.totp.*}). */
    record TotpPolicy(boolean officersRequired, String issuer) {
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

    static StaffSettings from(Config config) {
        Config staff = config.get("staff");
        return new StaffSettings(
                staff.get("session-idle-timeout").as(Duration.class).orElse(Duration.ofMinutes(30)),
                staff.get("session-max-age").as(Duration.class).orElse(Duration.ofHours(12)),
                staff.get("login.max-failures-per-ip").asInt().orElse(20),
                staff.get("login.window").as(Duration.class).orElse(Duration.ofMinutes(15)),
                staff.get("secure-cookie").asString().orElse("auto"),
                staff.get("seed-demo-accounts").asBoolean().orElse(false),
                staff.get("max-note-length").asInt().orElse(2000),
                staff.get("claim-within").as(Duration.class).orElse(Duration.ofHours(4)),
                config.get("privacy.hash-key").asString().orElse("demo-only-change-me-in-production"),
                EdgeSettings.from(config), TotpPolicy.from(staff.get("totp")));
    }
}
