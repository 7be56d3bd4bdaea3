package vn.warddesk.bot.staff;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import vn.warddesk.bot.store.Jdbc;
import vn.warddesk.bot.store.StoreException;

/** All SQL of the staff feature except analytics: accounts, sessions, sign-in failures, notes and the audit log. */
final class StaffStore {
    private static final String ACCOUNT_COLUMNS =
            "id, ward_id, username, display_name, roles, must_change_password, disabled, demo, password_hash";

    private final DataSource dataSource;

    DataSource dataSource() {
        return dataSource;
    }

    StaffStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    record StoredAccount(Account account, String passwordHash) {
    }

    record Note(long id, String author, String text, Instant at) {
    }

    record AuditEntry(long id, Instant at, String actor, String action, String target, String detail) {
    }

    record AuditFilter(Optional<String> actor, Optional<String> action, Optional<String> target,
                       Optional<Instant> from, Optional<Instant> to, int limit) {
    }

    // ---- accounts

    /** Creates an account; empty when the username is taken. */
    Optional<Account> createAccount(String wardId, String username, String displayName, String passwordHash,
                                    Set<Role> roles, boolean mustChangePassword, boolean demo, Instant now) {
        try {
            return Jdbc.inTransaction(dataSource, c -> {
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO staff_account (ward_id, username, display_name, password_hash, roles,
                                                   must_change_password, demo, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
                    ps.setString(1, wardId);
                    ps.setString(2, username);
                    ps.setString(3, displayName);
                    ps.setString(4, passwordHash);
                    ps.setString(5, Role.csv(roles));
                    ps.setBoolean(6, mustChangePassword);
                    ps.setBoolean(7, demo);
                    ps.setTimestamp(8, Timestamp.from(now));
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        return Optional.of(new Account(keys.getLong(1), wardId, username, displayName, roles,
                                                       mustChangePassword, false, demo));
                    }
                }
            });
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLIntegrityConstraintViolationException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    Optional<StoredAccount> accountByUsername(String username) {
        return Jdbc.withConnection(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ACCOUNT_COLUMNS + " FROM staff_account WHERE username = ?")) {
                ps.setString(1, username);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(stored(rs)) : Optional.empty();
                }
            }
        });
    }

    Optional<StoredAccount> accountById(String wardId, long id) {
        return Jdbc.withConnection(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + ACCOUNT_COLUMNS + " FROM staff_account WHERE id = ? AND ward_id = ?")) {
                ps.setLong(1, id);
                ps.setString(2, wardId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(stored(rs)) : Optional.empty();
                }
            }
        });
    }

    List<Account> accounts(String wardId) {
        return Jdbc.withConnection(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + ACCOUNT_COLUMNS + " FROM staff_account WHERE ward_id = ? ORDER BY username")) {
                ps.setString(1, wardId);
                List<Account> list = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(stored(rs).account());
                    }
                }
                return list;
            }
        });
    }

    boolean setPassword(String wardId, long id, String hash, boolean mustChange, Instant now) {
        return update("UPDATE staff_account SET password_hash = ?, must_change_password = ?, password_changed_at = ?"
                      + " WHERE id = ? AND ward_id = ?", hash, mustChange, Timestamp.from(now), id, wardId) == 1;
    }

    boolean setDisabled(String wardId, long id, boolean disabled) {
        return update("UPDATE staff_account SET disabled = ? WHERE id = ? AND ward_id = ?", disabled, id, wardId) == 1;
    }

    private static StoredAccount stored(ResultSet rs) throws SQLException {
        return new StoredAccount(new Account(rs.getLong("id"), rs.getString("ward_id"), rs.getString("username"),
                                             rs.getString("display_name"), Role.parseAll(rs.getString("roles")),
                                             rs.getBoolean("must_change_password"), rs.getBoolean("disabled"),
                                             rs.getBoolean("demo")),
                                 rs.getString("password_hash"));
    }

    // ---- sessions

    void createSession(String tokenHash, long accountId, Instant now, Instant expires) {
        update("INSERT INTO staff_session (token_hash, account_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)",
               tokenHash, accountId, Timestamp.from(now), Timestamp.from(now), Timestamp.from(expires));
    }

    /** The live session's account, touching last_seen_at; empty when unknown, idle too long, expired or disabled. */
    Optional<Account> touchSession(String tokenHash, Instant now, Instant idleSince) {
        return Jdbc.inTransaction(dataSource, c -> {
            Optional<Account> account;
            try (PreparedStatement ps = c.prepareStatement("SELECT a." + ACCOUNT_COLUMNS.replace(", ", ", a.")
                    + " FROM staff_session s JOIN staff_account a ON a.id = s.account_id"
                    + " WHERE s.token_hash = ? AND s.last_seen_at >= ? AND s.expires_at > ? AND a.disabled = FALSE")) {
                ps.setString(1, tokenHash);
                ps.setTimestamp(2, Timestamp.from(idleSince));
                ps.setTimestamp(3, Timestamp.from(now));
                try (ResultSet rs = ps.executeQuery()) {
                    account = rs.next() ? Optional.of(stored(rs).account()) : Optional.empty();
                }
            }
            if (account.isPresent()) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE staff_session SET last_seen_at = ? WHERE token_hash = ?")) {
                    ps.setTimestamp(1, Timestamp.from(now));
                    ps.setString(2, tokenHash);
                    ps.executeUpdate();
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM staff_session WHERE token_hash = ?")) {
                    ps.setString(1, tokenHash);
                    ps.executeUpdate();
                }
            }
            return account;
        });
    }

    void deleteSession(String tokenHash) {
        update("DELETE FROM staff_session WHERE token_hash = ?", tokenHash);
    }

    /** Ends every session of an account except one (password change, disable, reset). */
    void deleteSessions(long accountId, String exceptTokenHash) {
        update("DELETE FROM staff_session WHERE account_id = ? AND token_hash <> ?", accountId, exceptTokenHash);
    }

    /** Housekeeping at each sign-in: sessions past their limits and failures older than the throttling window. */
    void purgeExpired(Instant idleSince, Instant now, Instant failuresSince) {
        update("DELETE FROM staff_session WHERE last_seen_at < ? OR expires_at <= ?", Timestamp.from(idleSince), Timestamp.from(now));
        update("DELETE FROM staff_login_failure WHERE at < ?", Timestamp.from(failuresSince));
    }

    // ---- sign-in failures

    void recordFailure(String usernameKey, String ipHash, Instant now) {
        update("INSERT INTO staff_login_failure (at, username_key, ip_hash) VALUES (?, ?, ?)",
               Timestamp.from(now), usernameKey, ipHash);
    }

    /** Failures since {@code since} for the column, and the oldest of them (for Retry-After). */
    record Failures(int count, Optional<Instant> oldest) {
    }

    Failures failures(String column, String key, Instant since) {
        String sql = "SELECT COUNT(*), MIN(at) FROM staff_login_failure WHERE "
                     + ("ip".equals(column) ? "ip_hash" : "username_key") + " = ? AND at >= ?";
        return Jdbc.withConnection(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, key);
                ps.setTimestamp(2, Timestamp.from(since));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    Timestamp oldest = rs.getTimestamp(2);
                    return new Failures(rs.getInt(1), Optional.ofNullable(oldest).map(Timestamp::toInstant));
                }
            }
        });
    }

    /** Failures of one account from one address since {@code since}: how many, and the latest (for the delay). */
    record PairFailures(int count, Optional<Instant> latest) {
    }

    PairFailures pairFailures(String usernameKey, String ipHash, Instant since) {
        return Jdbc.withConnection(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*), MAX(at) FROM staff_login_failure WHERE username_key = ? AND ip_hash = ? AND at >= ?")) {
                ps.setString(1, usernameKey);
                ps.setString(2, ipHash);
                ps.setTimestamp(3, Timestamp.from(since));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    Timestamp latest = rs.getTimestamp(2);
                    return new PairFailures(rs.getInt(1), Optional.ofNullable(latest).map(Timestamp::toInstant));
                }
            }
        });
    }

    /** A successful sign-in forgets the failures of that account from that address only. */
    void clearFailures(String usernameKey, String ipHash) {
        update("DELETE FROM staff_login_failure WHERE username_key = ? AND ip_hash = ?", usernameKey, ipHash);
    }

    // ---- notes

    Note addNote(String wardId, String caseCode, Account author, String text, Instant now) {
        return Jdbc.inTransaction(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO case_note (ward_id, case_code, author_id, text, created_at) VALUES (?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, wardId);
                ps.setString(2, caseCode);
                ps.setLong(3, author.id());
                ps.setString(4, text);
                ps.setTimestamp(5, Timestamp.from(now));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return new Note(keys.getLong(1), author.displayName(), text, now);
                }
            }
        });
    }

    List<Note> notes(String wardId, String caseCode) {
        return Jdbc.withConnection(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT n.id, a.display_name, n.text, n.created_at FROM case_note n
                    JOIN staff_account a ON a.id = n.author_id
                    WHERE n.ward_id = ? AND n.case_code = ? ORDER BY n.id""")) {
                ps.setString(1, wardId);
                ps.setString(2, caseCode);
                List<Note> notes = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        notes.add(new Note(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()));
                    }
                }
                return notes;
            }
        });
    }

    // ---- audit

    void audit(Instant at, String actor, String wardId, String action, String target, String detail, String ipHash) {
        update("INSERT INTO audit_log (at, actor, ward_id, action, target, detail, ip_hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
               Timestamp.from(at), clip(actor, 64), clip(wardId, 64), clip(action, 48), clip(target, 128),
               clip(detail, 500), ipHash);
    }

    List<AuditEntry> auditEntries(String wardId, AuditFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT id, at, actor, action, target, detail FROM audit_log WHERE ward_id = ?");
        List<Object> args = new ArrayList<>(List.of(wardId));
        filter.actor().ifPresent(v -> { sql.append(" AND actor = ?"); args.add(v); });
        filter.action().ifPresent(v -> { sql.append(" AND action = ?"); args.add(v); });
        filter.target().ifPresent(v -> { sql.append(" AND target = ?"); args.add(v); });
        filter.from().ifPresent(v -> { sql.append(" AND at >= ?"); args.add(Timestamp.from(v)); });
        filter.to().ifPresent(v -> { sql.append(" AND at < ?"); args.add(Timestamp.from(v)); });
        sql.append(" ORDER BY id DESC LIMIT ").append(Math.max(1, Math.min(filter.limit(), 10_000)));
        return Jdbc.withConnection(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                bind(ps, args.toArray());
                List<AuditEntry> list = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                                                rs.getString(4), rs.getString(5), rs.getString(6)));
                    }
                }
                return list;
            }
        });
    }

    private static String clip(String text, int max) {
        String t = text == null ? "" : text;
        return t.length() <= max ? t : t.substring(0, max);
    }

    private int update(String sql, Object... args) {
        return Jdbc.inTransaction(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, args);
                return ps.executeUpdate();
            }
        });
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }
}
