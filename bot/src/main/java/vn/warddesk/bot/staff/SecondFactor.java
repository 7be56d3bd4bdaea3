package vn.warddesk.bot.staff;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.commons.codec.binary.Base32;

import vn.warddesk.bot.http.ApiProblem;
import vn.warddesk.bot.http.QrSvg;
import vn.warddesk.bot.store.Jdbc;
import vn.warddesk.bot.ward.Ward;
import vn.warddesk.bot.ward.WardChannelSecrets;
import vn.warddesk.bot.ward.WardStore;

/**
 * The TOTP second factor of staff sign-in (RFC 6238: HMAC-SHA1, 6 digits, 30 s steps — what every authenticator app
 * reads from an otpauth:// QR code), computed by java-otp; secrets in Base32 (commons-codec). Required for admins and
 * supervisors; for officers when their ward's policy ({@code ward.officer_second_factor}, set by the ward admin) or
 * {@code staff.totp.required-for-officers} (every ward) says so. Ten single-use recovery codes are given once at
 * enrolment. A wrong code counts as a failed sign-in of that (account, address) pair. A code is accepted once: the
 * step of the last accepted code is stored per account and that step or an earlier one is refused (RFC 6238 §5.2).
 */
final class SecondFactor {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TimeBasedOneTimePasswordGenerator TOTP = new TimeBasedOneTimePasswordGenerator();
    private static final Duration STEP = TOTP.getTimeStep();
    private static final int RECOVERY_CODES = 10;

    private final DataSource dataSource;
    private final StaffSettings.TotpPolicy policy;
    private final Clock clock;
    private final Audit audit;
    private final TotpSecrets sealing;
    private final WardStore wards;

    /**
     * The ward's own officer policy, read on every staff request: kept for {@link WardChannelSecrets#CACHE_TTL}, dropped
     * at once when this instance changes the ward (its WardStore tells), so a change made on another instance (or by
     * {@code ./warddesk admin}) takes effect within that time.
     */
    private final Cache<String, Boolean> officerPolicy = Caffeine.newBuilder()
            .expireAfterWrite(WardChannelSecrets.CACHE_TTL).maximumSize(10_000).build();

    SecondFactor(DataSource dataSource, WardStore wards, StaffSettings.TotpPolicy policy, Clock clock, Audit audit,
                 TotpSecrets sealing) {
        this.sealing = sealing;
        this.dataSource = dataSource;
        this.wards = wards;
        wards.onChange(officerPolicy::invalidate);
        this.policy = policy;
        this.clock = clock;
        this.audit = audit;
    }

    /** Whether the account must have a second factor before it may work. */
    boolean required(Account account) {
        return account.roles().contains(Role.ADMIN) || account.roles().contains(Role.SUPERVISOR)
               || account.roles().contains(Role.PROVINCE_ADMIN)
               || (account.roles().contains(Role.OFFICER) && officersRequired(account.wardId()));
    }

    /** Whether officers of the ward must use a second factor: deployment-wide setting or the ward's own policy. */
    boolean officersRequired(String wardId) {
        return policy.officersRequired()
               || (wardId != null
                   && officerPolicy.get(wardId, id -> wards.find(id).map(Ward::officerSecondFactor).orElse(false)));
    }

    /** True when the account has confirmed a second factor. */
    boolean enabled(long accountId) {
        return secret(accountId, true).isPresent();
    }

    /** True when the account must enrol before anything else (required, not yet enabled). */
    boolean mustEnrol(Account account) {
        return account.id() > 0 && required(account) && !enabled(account.id());
    }

    /**
     * At sign-in, after the right password: nothing to do without a second factor; otherwise the code must be a
     * current TOTP or an unused recovery code. {@code onFailure} records the failure for throttling.
     */
    void check(Account account, String code, String ip, Runnable onFailure) {
        Optional<String> secret = secret(account.id(), true);
        if (secret.isEmpty()) {
            return;
        }
        String given = code == null ? "" : code.strip().replace(" ", "");
        if (given.isEmpty()) {
            throw new ApiProblem(401, "second_factor_required",
                                 "Enter the 6-digit code from your authenticator app (or a recovery code).");
        }
        OptionalLong step = matchingStep(secret.get(), given);
        if (step.isPresent() && !account.demo() && !useStep(account.id(), step.getAsLong())) {
            // The right code a second time (or an older one than the last used): refused like a wrong code.
            onFailure.run();
            audit.record(account.username(), account.wardId(), "login.failure", "", "second-factor code used before", ip);
            throw new ApiProblem(401, "code_used", "This code was already used. Wait for the next code in your app.");
        }
        if (step.isPresent() || useRecoveryCode(account.id(), given)) {
            return;
        }
        onFailure.run();
        audit.record(account.username(), account.wardId(), "login.failure", "", "wrong second-factor code", ip);
        throw new ApiProblem(401, "wrong_code", "The code is not right. Check the time on your phone and try again.");
    }

    /** What the console shows to enrol: the secret, the otpauth:// URI and its QR code. */
    record Enrolment(String secret, String otpauthUri, String qrSvg) {
    }

    Enrolment enrol(Account account) {
        if (enabled(account.id())) {
            throw new ApiProblem(409, "already_enrolled", "A second factor is already set up for this account.");
        }
        byte[] key = new byte[20];
        RANDOM.nextBytes(key);
        String secret = new Base32().encodeToString(key).replace("=", "");
        update("UPDATE staff_account SET totp_secret = ?, totp_enabled_at = NULL, totp_last_step = NULL WHERE id = ?",
               sealing.toStored(account.id(), secret), account.id());
        String label = URLEncoder.encode(policy.issuer() + ":" + account.username(), StandardCharsets.UTF_8).replace("+", "%20");
        String uri = "otpauth://totp/" + label + "?secret=" + secret + "&issuer="
                     + URLEncoder.encode(policy.issuer(), StandardCharsets.UTF_8).replace("+", "%20")
                     + "&algorithm=SHA1&digits=6&period=30";
        return new Enrolment(secret, uri, QrSvg.of(uri));
    }

    /** The first right code turns the factor on; returns the recovery codes, shown this once. */
    List<String> confirm(Account account, String code, String ip) {
        String secret = secret(account.id(), false).orElseThrow(
                () -> ApiProblem.badRequest("Start the set-up first (scan the QR code)."));
        if (enabled(account.id())) {
            throw new ApiProblem(409, "already_enrolled", "A second factor is already set up for this account.");
        }
        OptionalLong step = code == null ? OptionalLong.empty() : matchingStep(secret, code.strip().replace(" ", ""));
        if (step.isEmpty()) {
            throw new ApiProblem(400, "wrong_code", "The code is not right. Check the time on your phone and try again.");
        }
        useStep(account.id(), step.getAsLong()); // the enrolment code cannot sign in afterwards
        Instant now = clock.instant();
        List<String> codes = new ArrayList<>();
        Jdbc.inTransaction(dataSource, c -> {
            try (PreparedStatement enable = c.prepareStatement(
                    "UPDATE staff_account SET totp_enabled_at = ? WHERE id = ?");
                 PreparedStatement clear = c.prepareStatement("DELETE FROM staff_recovery_code WHERE account_id = ?");
                 PreparedStatement insert = c.prepareStatement(
                         "INSERT INTO staff_recovery_code (account_id, code_hash) VALUES (?, ?)")) {
                enable.setTimestamp(1, Timestamp.from(now));
                enable.setLong(2, account.id());
                enable.executeUpdate();
                clear.setLong(1, account.id());
                clear.executeUpdate();
                for (int i = 0; i < RECOVERY_CODES; i++) {
                    String recovery = recoveryCode();
                    codes.add(recovery);
                    insert.setLong(1, account.id());
                    insert.setString(2, Secrets.sha256(recovery));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
        audit.record(account, "second_factor.enable", "account:" + account.username(), "", ip);
        return codes;
    }

    /** An admin takes the factor away (a lost phone): the account enrols again at its next sign-in. */
    void reset(String wardId, long accountId) {
        int changed = update("UPDATE staff_account SET totp_secret = NULL, totp_enabled_at = NULL WHERE id = ? AND ward_id = ?",
                             accountId, wardId);
        if (changed == 0) {
            throw new ApiProblem(404, "not_found", "No such account in your ward.");
        }
        update("DELETE FROM staff_recovery_code WHERE account_id = ?", accountId);
    }

    /** Demo accounts get a public, fixed secret so that ./warddesk run works with any authenticator app. */
    void enableDemo(long accountId, String secret) {
        update("UPDATE staff_account SET totp_secret = ?, totp_enabled_at = ? WHERE id = ?",
               sealing.toStored(accountId, secret), Timestamp.from(clock.instant()), accountId);
    }

    /** The current code for a secret (tests and the demo documentation use it). */
    static String code(String secret, Instant at) {
        try {
            return TOTP.generateOneTimePasswordString(key(secret), at, Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The time step (seconds since the epoch / 30) whose code {@code given} is, if it is a current one. */
    private OptionalLong matchingStep(String secret, String given) {
        if (!given.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        Instant now = clock.instant();
        // One step either side: phones whose clock is up to 30 s off still work.
        for (int offset = -1; offset <= 1; offset++) {
            Instant at = now.plus(STEP.multipliedBy(offset));
            if (Secrets.equal(code(secret, at), given)) {
                return OptionalLong.of(at.getEpochSecond() / STEP.toSeconds());
            }
        }
        return OptionalLong.empty();
    }

    /**
     * Records the step as used; false when it (or a later one) was used already. One conditional UPDATE, so two
     * instances racing with the same code cannot both accept it. Demo accounts skip this: their secret is public.
     */
    private boolean useStep(long accountId, long step) {
        return update("UPDATE staff_account SET totp_last_step = ? WHERE id = ? AND (totp_last_step IS NULL OR totp_last_step < ?)",
                      step, accountId, step) == 1;
    }

    private boolean useRecoveryCode(long accountId, String given) {
        String normalized = given.toLowerCase(Locale.ROOT);
        if (!normalized.matches("[a-z0-9]{5}-[a-z0-9]{5}")) {
            return false;
        }
        return update("UPDATE staff_recovery_code SET used_at = ? WHERE account_id = ? AND code_hash = ? AND used_at IS NULL",
                      Timestamp.from(clock.instant()), accountId, Secrets.sha256(normalized)) == 1;
    }

    private static String recoveryCode() {
        String alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        StringBuilder code = new StringBuilder(11);
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return code.toString();
    }

    private Optional<String> secret(long accountId, boolean enabledOnly) {
        return Jdbc.withConnection(dataSource, c -> {
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT totp_secret, totp_enabled_at FROM staff_account WHERE id = ?")) {
                q.setLong(1, accountId);
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next() || rs.getString(1) == null || (enabledOnly && rs.getTimestamp(2) == null)) {
                        return Optional.<String>empty();
                    }
                    return Optional.of(sealing.fromStored(accountId, rs.getString(1)));
                }
            }
        });
    }

    private static SecretKeySpec key(String secret) {
        return new SecretKeySpec(new Base32().decode(secret), TOTP.getAlgorithm());
    }

    private int update(String sql, Object... values) {
        return Jdbc.withConnection(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    ps.setObject(i + 1, values[i]);
                }
                return ps.executeUpdate();
            }
        });
    }
}
