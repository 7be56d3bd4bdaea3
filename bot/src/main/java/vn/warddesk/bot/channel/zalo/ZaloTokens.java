package vn.warddesk.bot.channel.zalo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;


import vn.warddesk.bot.store.Jdbc;
import vn.warddesk.bot.store.StoreException;

/**
 * The OA's access/refresh token pair in MariaDB (table zalo_token). Access tokens live about 25 hours (trust
 * expires_in); the refresh token lasts about 3 months and is single-use
 * (https://developers.zalo.me/docs/official-account/bat-dau/xac-thuc-va-uy-quyen-cho-ung-dung-new): refreshing is
 * POST {oauth-base-url}/v4/oa/access_token, header secret_key = App Secret, form refresh_token, app_id,
 * grant_type=refresh_token → {"access_token","refresh_token","expires_in":"90000"}.
 *
 * <p>A refresh holds the named lock GET_LOCK('zalo_token:&lt;oa&gt;') (and the row lock of the current pair), so two
 * instances never spend the same refresh token; the new pair is inserted in the same transaction that retires the
 * old one. Residual risk: if the process dies after Zalo issued the new pair but before the commit, the stored
 * refresh token is already spent and the OA must be re-authorised (docs/channels.md, "Zalo token bootstrap").
 */
public final class ZaloTokens {
    private static final System.Logger LOGGER = System.getLogger(ZaloTokens.class.getName());
    private static final String CURRENT = """
            SELECT id, access_token, refresh_token, expires_at, version FROM zalo_token
            WHERE oa_id = ? AND retired_at IS NULL ORDER BY version DESC LIMIT 1""";
    private static final String RETIRE = "UPDATE zalo_token SET retired_at = ? WHERE oa_id = ? AND retired_at IS NULL";
    private static final String INSERT = """
            INSERT INTO zalo_token (oa_id, access_token, refresh_token, expires_at, version, created_at)
            VALUES (?, ?, ?, ?, ?, ?)""";

    private final DataSource dataSource;
    private final Clock clock;
    private final ZaloSettings settings;
    private final ZaloHttp http;

    ZaloTokens(DataSource dataSource, Clock clock, ZaloSettings settings, ZaloHttp http) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.settings = settings;
        this.http = http;
    }

    public static ZaloTokens create(ZaloSettings settings, DataSource dataSource, Clock clock) {
        return new ZaloTokens(dataSource, clock, settings, new ZaloHttp(settings.requestTimeout()));
    }

    /** A usable access token and the version of the pair it belongs to. */
    record Token(String accessToken, int version) {
    }

    /** Raised when no token can be had; the message says what to do, never contains a token. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }

    private record Row(String accessToken, String refreshToken, Instant expiresAt, int version) {
    }

    /** The current access token, refreshed first when it expires within token-refresh-margin. */
    Token accessToken() {
        Row row = Jdbc.withConnection(dataSource, this::current)
                .orElseThrow(() -> new Unavailable("no Zalo token stored: run ./warddesk admin zalo-set-token"));
        if (row.accessToken() != null && clock.instant().plus(settings.refreshMargin()).isBefore(row.expiresAt())) {
            return new Token(row.accessToken(), row.version());
        }
        return refresh(row.version());
    }

    /**
     * Refreshes unless someone already replaced the pair of {@code staleVersion}: after the lock, the current pair is
     * re-read and returned as is when its version moved on.
     */
    Token refresh(int staleVersion) {
        String lockName = "zalo_token:" + settings.oaId();
        try (Connection connection = dataSource.getConnection()) {
            if (!lock(connection, lockName)) {
                throw new Unavailable("another instance is refreshing the Zalo token");
            }
            try {
                connection.setAutoCommit(false);
                try {
                    Token token = refreshLocked(connection, staleVersion);
                    connection.commit();
                    return token;
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
            } finally {
                unlock(connection, lockName);
            }
        } catch (SQLException e) {
            throw new StoreException("database error while refreshing the Zalo token: " + e.getMessage(), e);
        }
    }

    private Token refreshLocked(Connection connection, int staleVersion) throws SQLException {
        Row row = lockCurrent(connection)
                .orElseThrow(() -> new Unavailable("no Zalo token stored: run ./warddesk admin zalo-set-token"));
        if (row.version() != staleVersion && row.accessToken() != null
            && clock.instant().isBefore(row.expiresAt())) {
            return new Token(row.accessToken(), row.version());
        }
        String form = "refresh_token=" + encode(row.refreshToken()) + "&app_id=" + encode(settings.appId())
                      + "&grant_type=refresh_token";
        ZaloHttp.Answer answer = http.send(ZaloHttp.Request.post(settings.oauthBase() + "/v4/oa/access_token",
                                                                 "application/x-www-form-urlencoded", form)
                                                   .header("secret_key", settings.appSecret()));
        String access = answer.body().path("access_token").asText("");
        String refresh = answer.body().path("refresh_token").asText("");
        if (answer.status() != 200 || access.isEmpty() || refresh.isEmpty()) {
            String reason = answer.status() == 0 ? answer.problem()
                    : "Zalo refused the refresh (" + answer.body().path("error").asText("HTTP " + answer.status()) + " "
                      + answer.body().path("error_name").asText(answer.body().path("message").asText("")) + ")";
            LOGGER.log(System.Logger.Level.ERROR, "Zalo token refresh failed: " + reason
                                                  + "; if this persists re-authorise the OA (docs/channels.md)");
            throw new Unavailable("Zalo token refresh failed: " + reason);
        }
        // expires_in is documented as a string of seconds ("90000"); accept a number too.
        long seconds = answer.body().path("expires_in").asLong(90_000);
        store(connection, access, refresh, Duration.ofSeconds(seconds), row.version() + 1);
        LOGGER.log(System.Logger.Level.INFO, "Zalo token refreshed (version " + (row.version() + 1) + ")");
        return new Token(access, row.version() + 1);
    }

    /** Stores a pair obtained outside (admin bootstrap): retires the current one in the same transaction. */
    public void bootstrap(String refreshToken, Optional<String> accessToken, Duration expiresIn) {
        Jdbc.inTransaction(dataSource, connection -> {
            int version = lockCurrent(connection).map(Row::version).orElse(0) + 1;
            store(connection, accessToken.orElse(null), refreshToken, accessToken.isPresent() ? expiresIn : Duration.ZERO,
                  version);
            return null;
        });
    }

    private void store(Connection connection, String access, String refresh, Duration expiresIn, int version)
            throws SQLException {
        Instant now = clock.instant();
        try (PreparedStatement retire = connection.prepareStatement(RETIRE)) {
            retire.setTimestamp(1, Timestamp.from(now));
            retire.setString(2, settings.oaId());
            retire.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, settings.oaId());
            insert.setString(2, access);
            insert.setString(3, refresh);
            insert.setTimestamp(4, Timestamp.from(now.plus(expiresIn)));
            insert.setInt(5, version);
            insert.setTimestamp(6, Timestamp.from(now));
            insert.executeUpdate();
        }
    }

    private Optional<Row> current(Connection connection) throws SQLException {
        return read(connection, CURRENT);
    }

    private Optional<Row> lockCurrent(Connection connection) throws SQLException {
        return read(connection, CURRENT + " FOR UPDATE");
    }

    private Optional<Row> read(Connection connection, String sql) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, settings.oaId());
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Row(rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getInt(5)));
            }
        }
    }

    private static boolean lock(Connection connection, String name) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT GET_LOCK(?, 10)")) {
            lock.setString(1, name);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
    }

    private static void unlock(Connection connection, String name) throws SQLException {
        try (PreparedStatement unlock = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            unlock.setString(1, name);
            unlock.executeQuery().close();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
