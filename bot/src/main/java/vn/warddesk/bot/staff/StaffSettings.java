package vn.warddesk.bot.staff;

import java.time.Duration;

import io.helidon.config.Config;

/** The {@code staff} section of application.yaml (documented there), with defaults for tests that omit it. */
record StaffSettings(Duration sessionIdleTimeout, Duration sessionMaxAge, int maxFailuresPerAccount, int maxFailuresPerIp,
                     Duration failureWindow, String secureCookie, boolean trustForwardedHeaders, boolean seedDemoAccounts,
                     int maxNoteLength, Duration claimWithin, String hashKey, String adminToken, String defaultWard) {

    static StaffSettings from(Config config) {
        Config staff = config.get("staff");
        return new StaffSettings(
                staff.get("session-idle-timeout").as(Duration.class).orElse(Duration.ofMinutes(30)),
                staff.get("session-max-age").as(Duration.class).orElse(Duration.ofHours(12)),
                staff.get("login.max-failures-per-account").asInt().orElse(5),
                staff.get("login.max-failures-per-ip").asInt().orElse(20),
                staff.get("login.window").as(Duration.class).orElse(Duration.ofMinutes(15)),
                staff.get("secure-cookie").asString().orElse("auto"),
                staff.get("trust-forwarded-headers").asBoolean().orElse(false),
                staff.get("seed-demo-accounts").asBoolean().orElse(false),
                staff.get("max-note-length").asInt().orElse(2000),
                staff.get("claim-within").as(Duration.class).orElse(Duration.ofHours(4)),
                config.get("privacy.hash-key").asString().orElse("demo-only-change-me-in-production"),
                config.get("admin.token").asString().orElse(""),
                config.get("ward.default-id").asString().orElse("demo-hoa-an"));
    }
}
