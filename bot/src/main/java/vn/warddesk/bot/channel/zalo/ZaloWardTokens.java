package vn.warddesk.bot.channel.zalo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import vn.warddesk.bot.store.Jdbc;
import vn.warddesk.bot.store.StoreException;
import vn.warddesk.bot.ward.ChannelField;
import vn.warddesk.bot.ward.WardChannelSecrets;

/**
 * A ward's own OA access token, renewed with its single-use refresh token before it expires and when Zalo refuses
 * it: POST {oauth-base-url}/v4/oa/access_token, header secret_key = the ward's App Secret, form refresh_token,
 * app_id, grant_type=refresh_token → a new access token AND a new refresh token (the old one is spent).
 *
 * <p>The tokens stay sealed in ward_channel_secret; table ward_oa_token holds their expiry and is the lock: a
 * renewal runs in one transaction that locks the ward's row, re-reads the pair, and stores the new pair before it
 * commits, so two threads or instances never send the same refresh token (the second finds a new access token and
 * uses it). The HTTP call is retried (Resilience4j) only when the connection was refused — then Zalo cannot have
 * spent the token. Tokens are never logged; log lines name the ward.
 */
final class ZaloWardTokens {
    private static final System.Logger LOGGER = System.getLogger(ZaloWardTokens.class.getName());
    private static final String ENSURE_ROW = "INSERT IGNORE INTO ward_oa_token (ward_id, refreshes) VALUES (?, 0)";
    private static final String READ = "SELECT access_hash, expires_at FROM ward_oa_token WHERE ward_id = ?";
    private static final String LOCK = READ + " FOR UPDATE";
    private static final String STORE = """
            UPDATE ward_oa_token SET access_hash = ?, expires_at = ?, refreshes = refreshes + 1, refreshed_at = ?
            WHERE ward_id = ?""";

    /** Raised when no usable token can be had; the message says what is missing and never contains a token. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }

    private record Expiry(String accessHash, Instant expiresAt) {
        /** Whether this expiry belongs to {@code accessToken} and falls before {@code limit}. */
        boolean endsBefore(String accessToken, Instant limit) {
            return expiresAt != null && hash(accessToken).equals(accessHash) && expiresAt.isBefore(limit);
        }
    }

    private final DataSource dataSource;
    private final WardChannelSecrets secrets;
    private final ZaloSettings settings;
    private final ZaloHttp http;
    private final Clock clock;
    private final Retry retry;

    ZaloWardTokens(DataSource dataSource, WardChannelSecrets secrets, ZaloSettings settings, ZaloHttp http,
                   Clock clock) {
        this.dataSource = dataSource;
        this.secrets = secrets;
        this.settings = settings;
        this.http = http;
        this.clock = clock;
        this.retry = Retry.of("zalo-ward-token", RetryConfig.<ZaloHttp.Answer>custom()
                .maxAttempts(3)
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(200), 2.0, 0.3))
                .retryOnResult(answer -> !answer.mayHaveReached())
                .build());
    }

    /**
     * The ward OA's access token to send with: the stored one, or a renewed one when the stored one expires within
     * {@code zalo.token-refresh-margin} (or none is stored but a refresh token is).
     */
    String accessToken(String wardId) {
        // One transaction, so the token and its expiry come from the same snapshot (not a renewal in between).
        record Stored(String access, Optional<Expiry> expiry) {
        }
        Stored stored = Jdbc.inTransaction(dataSource, c -> new Stored(
                secrets.read(c, wardId).get(ChannelField.ZALO_ACCESS_TOKEN), read(c, wardId, READ)));
        String access = stored.access();
        if (access == null) {
            return refresh(wardId, null);
        }
        Optional<Expiry> expiry = stored.expiry();
        if (expiry.isPresent() && expiry.get().endsBefore(access, clock.instant().plus(settings.refreshMargin()))) {
            return refresh(wardId, access);
        }
        return access;
    }

    /**
     * Renews the pair unless someone already replaced {@code staleAccessToken} (null: none was stored): after the
     * lock, a different access token that is not about to expire is returned as it is.
     */
    String refresh(String wardId, String staleAccessToken) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement ensure = connection.prepareStatement(ENSURE_ROW)) {
                ensure.setString(1, wardId); // autocommit: the row exists before anyone locks it
                ensure.executeUpdate();
            }
            connection.setAutoCommit(false);
            try {
                String token = refreshLocked(connection, wardId, staleAccessToken);
                connection.commit();
                return token;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("database error while renewing a ward's Zalo token: " + e.getMessage(), e);
        }
    }

    private String refreshLocked(Connection connection, String wardId, String staleAccessToken) throws SQLException {
        Optional<Expiry> expiry = read(connection, wardId, LOCK);
        Map<ChannelField, String> values = secrets.read(connection, wardId);
        String access = values.get(ChannelField.ZALO_ACCESS_TOKEN);
        Instant now = clock.instant();
        if (access != null && !access.equals(staleAccessToken)
            && !expiry.map(e -> e.endsBefore(access, now.plus(settings.refreshMargin()))).orElse(false)) {
            return access; // renewed by another thread or instance (or the admin) while this one waited for the lock
        }
        String refreshToken = values.get(ChannelField.ZALO_REFRESH_TOKEN);
        String appId = values.get(ChannelField.ZALO_APP_ID);
        String appSecret = values.get(ChannelField.ZALO_APP_SECRET);
        if (refreshToken == null || appId == null || appSecret == null) {
            throw new Unavailable("ward " + wardId + ": the Zalo access token cannot be renewed without the OA's "
                                  + "refresh token, app id and app secret (Ward channels page)");
        }
        String form = "refresh_token=" + encode(refreshToken) + "&app_id=" + encode(appId)
                      + "&grant_type=refresh_token";
        ZaloHttp.Request request = ZaloHttp.Request.post(settings.oauthBase() + "/v4/oa/access_token",
                                                         "application/x-www-form-urlencoded", form)
                .header("secret_key", appSecret);
        ZaloHttp.Answer answer = Retry.decorateSupplier(retry, () -> http.send(request)).get();
        String newAccess = answer.body().path("access_token").asText("");
        String newRefresh = answer.body().path("refresh_token").asText("");
        if (answer.status() != 200 || newAccess.isEmpty() || newRefresh.isEmpty()) {
            String reason = answer.status() == 0 ? answer.problem()
                    : "Zalo refused the renewal (" + (answer.body().path("error").asText("HTTP " + answer.status()) + " "
                      + answer.body().path("error_name").asText(answer.body().path("message").asText(""))).strip() + ")";
            LOGGER.log(System.Logger.Level.ERROR, "ward " + wardId + ": Zalo token renewal failed: " + reason
                                                  + "; if this persists the ward admin re-authorises the OA");
            throw new Unavailable("ward " + wardId + ": Zalo token renewal failed: " + reason);
        }
        // expires_in is documented as a string of seconds ("90000"); accept a number too.
        Instant expiresAt = now.plusSeconds(answer.body().path("expires_in").asLong(90_000));
        Map<ChannelField, String> pair = new EnumMap<>(ChannelField.class);
        pair.put(ChannelField.ZALO_ACCESS_TOKEN, newAccess);
        pair.put(ChannelField.ZALO_REFRESH_TOKEN, newRefresh);
        secrets.update(connection, wardId, pair, now);
        try (PreparedStatement store = connection.prepareStatement(STORE)) {
            store.setString(1, hash(newAccess));
            store.setTimestamp(2, Timestamp.from(expiresAt));
            store.setTimestamp(3, Timestamp.from(now));
            store.setString(4, wardId);
            store.executeUpdate();
        }
        LOGGER.log(System.Logger.Level.INFO, "ward " + wardId + ": Zalo access token renewed, valid until " + expiresAt);
        return newAccess;
    }

    private static Optional<Expiry> read(Connection connection, String wardId, String sql) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, wardId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Timestamp expires = rs.getTimestamp(2);
                return Optional.of(new Expiry(rs.getString(1), expires == null ? null : expires.toInstant()));
            }
        }
    }

    /** SHA-256 of a token, so the expiry can be tied to the token it belongs to without storing the token twice. */
    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                                                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
