package vn.warddesk.bot.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import vn.warddesk.bot.http.ApiProblem;

/**
 * Sign-in, sessions, CSRF tokens, password changes and sign-in throttling. Sessions live in MariaDB (hash of the
 * token only), and so do failed sign-ins, so every rule holds across several instances on one database.
 */
final class StaffAuth {
    static final int MIN_PASSWORD_LENGTH = 12;
    private static final String WRONG_CREDENTIALS = "Wrong username or password.";

    private final StaffStore store;
    private final PasswordHasher hasher;
    private final StaffSettings settings;
    private final Clock clock;
    private final Audit audit;

    private final SecondFactor secondFactor;

    StaffAuth(StaffStore store, PasswordHasher hasher, StaffSettings settings, Clock clock, Audit audit,
              SecondFactor secondFactor) {
        this.secondFactor = secondFactor;
        this.store = store;
        this.hasher = hasher;
        this.settings = settings;
        this.clock = clock;
        this.audit = audit;
    }

    /** A signed-in member of staff: the raw token exists only in the cookie and here. */
    record Session(String token, Account account) {
        String tokenHash() {
            return Secrets.sha256(token);
        }
    }

    /**
     * Checks the password (and the second factor when the account has one). Throttling never locks an account for
     * everyone: failures are counted per (account, address) pair, and each failure past the first
     * {@link #FREE_ATTEMPTS} doubles the wait before that pair may try again (1 s, 2 s, 4 s … up to the window);
     * the right password from any other address still works. An address that fails across many accounts is
     * refused on its own ({@code staff.login.max-failures-per-ip}).
     */
    Session login(String username, String password, String code, String ip) {
        String name = username == null ? "" : username.trim();
        String usernameKey = Secrets.sha256(name.toLowerCase(Locale.ROOT));
        String ipHash = audit.ipHash(ip);
        Instant now = clock.instant();
        Instant since = now.minus(settings.failureWindow());
        Optional<StaffStore.StoredAccount> stored = name.isEmpty() || name.length() > 64
                ? Optional.empty() : store.accountByUsername(name);
        StaffStore.PairFailures pair = store.pairFailures(usernameKey, ipHash, since);
        Optional<Duration> wait = waitAfter(pair, now);
        if (wait.isPresent()) {
            refuse(wait.get(), stored, ip);
        }
        StaffStore.Failures fromAddress = store.failures("ip", ipHash, since);
        if (fromAddress.count() >= settings.maxFailuresPerIp()) {
            refuse(Duration.between(now, fromAddress.oldest().orElse(now).plus(settings.failureWindow())), stored, ip);
        }

        boolean ok = stored.isPresent()
                ? hasher.verify(password == null ? "" : password, stored.get().passwordHash())
                : hasher.verifyNothing(password == null ? "" : password);
        if (!ok || stored.get().account().disabled()) {
            store.recordFailure(usernameKey, ipHash, now);
            // Only a known username is written to the audit log: an unknown one may be a mistyped password.
            String actor = stored.map(s -> s.account().username()).orElse("-");
            String ward = stored.map(s -> s.account().wardId()).orElse("-");
            audit.record(actor, ward, "login.failure", "", ok ? "account disabled" : "wrong credentials", ip);
            throw new ApiProblem(401, "wrong_credentials", WRONG_CREDENTIALS);
        }
        Account account = stored.get().account();
        secondFactor.check(account, code, ip, () -> store.recordFailure(usernameKey, ipHash, now));
        store.clearFailures(usernameKey, ipHash);
        store.purgeExpired(now.minus(settings.sessionIdleTimeout()), now, since);
        String token = Secrets.token();
        store.createSession(Secrets.sha256(token), account.id(), now, now.plus(settings.sessionMaxAge()));
        audit.record(account.username(), account.wardId(), "login.success", "", "", ip);
        return new Session(token, account);
    }

    /** Failures one (account, address) pair may make before any wait. */
    static final int FREE_ATTEMPTS = 3;

    /** How long the pair must still wait: 2^(failures - FREE_ATTEMPTS) seconds after its latest failure, capped. */
    Optional<Duration> waitAfter(StaffStore.PairFailures pair, Instant now) {
        if (pair.count() < FREE_ATTEMPTS || pair.latest().isEmpty()) {
            return Optional.empty();
        }
        long seconds = 1L << Math.min(30, pair.count() - FREE_ATTEMPTS);
        Duration delay = Duration.ofSeconds(Math.min(seconds, settings.failureWindow().toSeconds()));
        Duration left = Duration.between(now, pair.latest().get().plus(delay));
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    private void refuse(Duration wait, Optional<StaffStore.StoredAccount> stored, String ip) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        // A known account's ward sees the throttling in its audit log; unknown names are not written down.
        audit.record(stored.map(a -> a.account().username()).orElse("-"),
                     stored.map(a -> a.account().wardId()).orElse("-"), "login.throttled", "", "", ip);
        throw new ApiProblem(429, "too_many_attempts",
                             "Too many failed sign-ins from here. Try again in " + seconds + " s.", seconds);
    }

    /** The session behind a cookie value, or empty when unknown, idle too long, expired or disabled. */
    Optional<Session> session(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return store.touchSession(Secrets.sha256(token), now, now.minus(settings.sessionIdleTimeout()))
                .map(account -> new Session(token, account));
    }

    void logout(Session session, String ip) {
        store.deleteSession(session.tokenHash());
        audit.record(session.account(), "logout", "", "", ip);
    }

    /**
     * The CSRF token of a session: an HMAC of the session token, so it is tied to that session, needs no storage
     * and is the same on every instance that shares the key.
     */
    String csrfToken(Session session) {
        return Secrets.hmac(settings.hashKey(), "csrf:" + session.token());
    }

    boolean csrfValid(Session session, String header) {
        return header != null && Secrets.equal(csrfToken(session), header);
    }

    /** Changes one's own password; the current one is required, other sessions of the account end. */
    Account changePassword(Session session, String current, String next, String ip) {
        Account account = session.account();
        StaffStore.StoredAccount stored = store.accountById(account.wardId(), account.id())
                .orElseThrow(() -> new ApiProblem(401, "signed_out", "Please sign in again."));
        if (!hasher.verify(current == null ? "" : current, stored.passwordHash())) {
            audit.record(account, "password.change_failure", "account:" + account.username(), "wrong current password", ip);
            throw new ApiProblem(400, "wrong_password", "The current password is not correct.");
        }
        requireStrong(next, account.username());
        if (next.equals(current)) {
            throw ApiProblem.badRequest("The new password must differ from the current one.");
        }
        store.setPassword(account.wardId(), account.id(), hasher.hash(next), false, clock.instant());
        store.deleteSessions(account.id(), session.tokenHash());
        audit.record(account, "password.change", "account:" + account.username(), "", ip);
        return new Account(account.id(), account.wardId(), account.username(), account.displayName(), account.roles(),
                           false, false, account.demo());
    }

    static void requireStrong(String password, String username) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw ApiProblem.badRequest("The new password needs at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        if (password.length() > 200) {
            throw ApiProblem.badRequest("The new password is longer than 200 characters.");
        }
        if (password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            throw ApiProblem.badRequest("The new password must not contain the username.");
        }
    }

    /** Creates an account with a one-time password (returned once, never stored in clear). */
    record Created(Account account, String oneTimePassword) {
    }

    Created createAccount(String wardId, String username, String displayName, Set<Role> roles) {
        String name = username == null ? "" : username.trim();
        if (!name.matches("[A-Za-z0-9._-]{3,64}")) {
            throw ApiProblem.badRequest("The username needs 3 to 64 letters, digits, dots, dashes or underscores.");
        }
        if (roles.isEmpty()) {
            throw ApiProblem.badRequest("Give the account at least one role: officer, supervisor, editor or admin.");
        }
        String display = displayName == null || displayName.isBlank() ? name : displayName.strip();
        if (display.length() > 128) {
            throw ApiProblem.badRequest("The display name is longer than 128 characters.");
        }
        String password = PasswordHasher.oneTimePassword();
        Account account = store.createAccount(wardId, name, display, hasher.hash(password), roles, true, false, clock.instant())
                .orElseThrow(() -> new ApiProblem(409, "username_taken", "That username is already in use."));
        return new Created(account, password);
    }

    /** A new one-time password for an account of the admin's ward; its sessions end. */
    String resetPassword(String wardId, long accountId) {
        String password = PasswordHasher.oneTimePassword();
        if (!store.setPassword(wardId, accountId, hasher.hash(password), true, clock.instant())) {
            throw new ApiProblem(404, "not_found", "No such account in your ward.");
        }
        store.deleteSessions(accountId, "");
        return password;
    }

    void setDisabled(String wardId, long accountId, boolean disabled) {
        if (!store.setDisabled(wardId, accountId, disabled)) {
            throw new ApiProblem(404, "not_found", "No such account in your ward.");
        }
        if (disabled) {
            store.deleteSessions(accountId, "");
        }
    }

    /** Demo accounts with known passwords, created once; for the embedded demo run only. */
    java.util.List<DemoAccounts.Demo> seedDemo() {
        java.util.List<DemoAccounts.Demo> created = new java.util.ArrayList<>();
        for (DemoAccounts.Demo demo : DemoAccounts.ALL) {
            if (store.accountByUsername(demo.username()).isEmpty()) {
                store.createAccount(demo.wardId(), demo.username(), demo.displayName(), hasher.hash(demo.password()),
                                    demo.roles(), false, true, clock.instant())
                        .ifPresent(a -> {
                            created.add(demo);
                            if (secondFactor.required(a)) {
                                secondFactor.enableDemo(a.id(), DemoAccounts.TOTP_SECRET);
                            }
                        });
            }
        }
        return created;
    }
}
