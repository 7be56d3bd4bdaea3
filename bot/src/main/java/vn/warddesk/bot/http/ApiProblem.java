package vn.warddesk.bot.http;

import java.util.LinkedHashMap;
import java.util.Map;

import io.helidon.http.Status;

/**
 * Any answer other than success, thrown from a handler and written once by {@link ErrorEdge} as RFC 9457
 * {@code application/problem+json}: {@code type}, {@code title}, {@code status}, {@code detail}, plus the members
 * our clients already read ({@code error}: a stable key, {@code message}: the detail) and any extension members.
 * The detail is safe to show: no personal data, no internals.
 */
public final class ApiProblem extends RuntimeException {
    private final Status status;
    private final String key;
    private final long retryAfterSeconds;
    private final Map<String, Object> extensions;
    private final Map<String, String> headers;

    public ApiProblem(Status status, String key, String detail) {
        this(status, key, detail, 0, Map.of());
    }

    public ApiProblem(int status, String key, String detail) {
        this(Status.create(status), key, detail);
    }

    public ApiProblem(int status, String key, String detail, long retryAfterSeconds) {
        this(Status.create(status), key, detail, retryAfterSeconds, Map.of());
    }

    public ApiProblem(Status status, String key, String detail, long retryAfterSeconds, Map<String, Object> extensions) {
        this(status, key, detail, retryAfterSeconds, extensions, Map.of());
    }

    private ApiProblem(Status status, String key, String detail, long retryAfterSeconds, Map<String, Object> extensions,
                       Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.key = key;
        this.retryAfterSeconds = retryAfterSeconds;
        this.extensions = Map.copyOf(extensions);
        this.headers = Map.copyOf(headers);
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(Status.BAD_REQUEST_400, "bad_request", detail);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(Status.FORBIDDEN_403, "forbidden", detail);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(Status.NOT_FOUND_404, "not_found", detail);
    }

    public static ApiProblem tooLarge(String detail) {
        return new ApiProblem(Status.REQUEST_ENTITY_TOO_LARGE_413, "too_large", detail);
    }

    /** 429 with Retry-After: a limit was reached; the client may try again after that many seconds. */
    public static ApiProblem tooMany(String detail, long retryAfterSeconds) {
        return new ApiProblem(Status.TOO_MANY_REQUESTS_429, "rate_limited", detail, Math.max(1, retryAfterSeconds), Map.of());
    }

    /** 503 with Retry-After: the database is not reachable now. */
    public static ApiProblem unavailable(long retryAfterSeconds) {
        return new ApiProblem(Status.SERVICE_UNAVAILABLE_503, "unavailable",
                              "The database is not available; try again in a moment.", retryAfterSeconds, Map.of());
    }

    /** The same problem with one more member in its body (e.g. the list of validation problems). */
    public ApiProblem with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new ApiProblem(status, key, getMessage(), retryAfterSeconds, more, headers);
    }

    /** The same problem with one more response header (e.g. WWW-Authenticate on a 401). */
    public ApiProblem withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiProblem(status, key, getMessage(), retryAfterSeconds, extensions, more);
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Status status() {
        return status;
    }

    public String key() {
        return key;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The problem+json document. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:warddesk:problem:" + key);
        body.put("title", status.reasonPhrase());
        body.put("status", status.code());
        body.put("detail", getMessage());
        body.put("error", key);
        body.put("message", getMessage());
        body.putAll(extensions);
        return body;
    }
}
