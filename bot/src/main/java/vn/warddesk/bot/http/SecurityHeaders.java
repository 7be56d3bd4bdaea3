package vn.warddesk.bot.http;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRouting;

/**
 * The same defence-in-depth headers on every answer — kiosk, staff console, API, webhooks, errors: only our own
 * scripts and styles (no 'unsafe-inline': the pages have no inline script or style), never framed, no MIME
 * sniffing, no referrer.
 */
public final class SecurityHeaders {
    public static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
            + " manifest-src 'self'; worker-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    private static final HeaderName CSP = HeaderNames.create("Content-Security-Policy");
    private static final HeaderName NOSNIFF = HeaderNames.create("X-Content-Type-Options");
    private static final HeaderName REFERRER = HeaderNames.create("Referrer-Policy");
    private static final HeaderName FRAME = HeaderNames.create("X-Frame-Options");

    private SecurityHeaders() {
    }

    public static void register(HttpRouting.Builder routing) {
        routing.addFilter((chain, request, response) -> {
            response.header(CSP, CONTENT_SECURITY_POLICY);
            response.header(NOSNIFF, "nosniff");
            response.header(REFERRER, "no-referrer");
            response.header(FRAME, "DENY");
            chain.proceed();
        });
    }
}
