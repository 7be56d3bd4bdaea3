package vn.warddesk.bot.channel.zalo;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

/**
 * Verifies a Zalo Mini App user access token (from the Mini App's getAccessToken()) server-side:
 * GET {graph-base-url}/me?fields=id,name, header access_token, plus appsecret_proof = hex HMAC-SHA256(key = App
 * Secret, data = access token) when the App Secret is configured
 * (https://mini.zalo.me/documents/api/getAccessToken/, https://developers.zalo.me/docs/social-api/tham-khao/user-access-token-v4).
 * Answer {"id": "...", "name": "..."} or {"error": n, "message": "..."}. Only the id is used; the name is not stored.
 *
 * <p>For the engine: on POST /api/v1/conversations with "zaloAccessToken", call {@link #verifiedUserId}; when present,
 * bind the conversation to ConversationRef.ByChannelUser("zalo_mini_app", KeyedHash.hash(id), "", wardId) (address
 * empty: Mini App replies travel in the API response, nothing is pushed); when empty (invalid token or Zalo
 * unreachable) continue anonymously like the kiosk.
 */
public final class ZaloMiniAppVerifier {
    private static final System.Logger LOGGER = System.getLogger(ZaloMiniAppVerifier.class.getName());

    private final ZaloSettings settings;
    private final ZaloHttp http;
    private final Retry retry;
    private final CircuitBreaker breaker;

    ZaloMiniAppVerifier(ZaloSettings settings, ZaloHttp http) {
        this.settings = settings;
        this.http = http;
        this.retry = Retry.of("zalo-graph", RetryConfig.<ZaloHttp.Answer>custom()
                .maxAttempts(3)
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(100), 2.0, 0.3))
                .retryOnResult(answer -> answer.status() == 0 || answer.status() >= 500)
                .build());
        this.breaker = CircuitBreaker.of("zalo-graph", CircuitBreakerConfig.custom()
                .minimumNumberOfCalls(10)
                .waitDurationInOpenState(Duration.ofSeconds(30))
                .recordResult(result -> result instanceof ZaloHttp.Answer a && (a.status() == 0 || a.status() >= 500))
                .build());
    }

    public static ZaloMiniAppVerifier create(ZaloSettings settings) {
        return new ZaloMiniAppVerifier(settings, new ZaloHttp(settings.requestTimeout()));
    }

    /** The Zalo user id (per app) the token belongs to; empty when the token is invalid or Zalo cannot be asked. */
    public Optional<String> verifiedUserId(String accessToken) {
        if (accessToken == null || accessToken.isBlank() || accessToken.length() > 4096) {
            return Optional.empty();
        }
        ZaloHttp.Request request = ZaloHttp.Request.get(settings.graphBase() + "/me?fields=id,name")
                .header("access_token", accessToken);
        ZaloHttp.Request built = settings.appSecret().isBlank() ? request
                : request.header("appsecret_proof", proof(accessToken));
        ZaloHttp.Answer answer;
        try {
            answer = breaker.executeSupplier(Retry.decorateSupplier(retry, () -> http.send(built)));
        } catch (CallNotPermittedException e) {
            LOGGER.log(System.Logger.Level.WARNING, "Zalo graph API circuit open: Mini App user not verified");
            return Optional.empty();
        }
        if (answer.status() != 200 || answer.error() != 0) {
            return Optional.empty();
        }
        String id = answer.body().path("id").asText("");
        return id.isEmpty() ? Optional.empty() : Optional.of(id);
    }

    private String proof(String accessToken) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(settings.appSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(accessToken.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
