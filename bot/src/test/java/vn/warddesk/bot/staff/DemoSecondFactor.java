package vn.warddesk.bot.staff;

import java.time.Instant;

/** For tests in other packages: the current second-factor code of the demo admin and supervisor. */
public final class DemoSecondFactor {
    private DemoSecondFactor() {
    }

    public static String code(Instant at) {
        return SecondFactor.code(DemoAccounts.TOTP_SECRET, at);
    }

    /** The code of any secret (an account a test enrolled itself). */
    public static String code(String secret, Instant at) {
        return SecondFactor.code(secret, at);
    }
}
