package vn.warddesk.bot.ward;

import java.time.Duration;

import io.helidon.config.Config;

/**
 * The {@code kiosk} section: whether a kiosk must be paired to a ward before citizens can use it, and how long an
 * admin's pairing code lives. Pairing is off by default so that the demo kiosk at /kiosk/ works for the default ward.
 */
public record KioskPairingSettings(boolean pairingRequired, Duration pairingCodeTtl) {
    public static KioskPairingSettings from(Config root) {
        Config kiosk = root.get("kiosk");
        Duration ttl = kiosk.get("pairing-code-ttl").as(Duration.class).orElse(Duration.ofMinutes(10));
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(Duration.ofDays(1)) > 0) {
            throw new io.helidon.config.ConfigException("kiosk.pairing-code-ttl must be between PT1S and P1D, got " + ttl);
        }
        return new KioskPairingSettings(kiosk.get("pairing-required").asBoolean().orElse(false), ttl);
    }
}
