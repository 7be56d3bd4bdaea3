package vn.warddesk.bot.cases;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Links to a citizen's case page: {@code <public-base-url>/c/<code>#k=<code check>}. The code check is the 4-digit
 * HMAC-SHA256 of the code under the server secret ({@code privacy.hash-key}, domain-separated), mod 10 000; it rides
 * in the URL fragment, which browsers never send to a server (not in access logs, not in Referer headers).
 *
 * <p>Use {@link #url} wherever a citizen is pointed at a case: the slip's QR code, the status notices (claimed,
 * resolved) and the engine's case-status answers on Telegram and Zalo.
 */
public final class CaseLinks {
    private static final System.Logger LOGGER = System.getLogger(CaseLinks.class.getName());

    private final String publicBaseUrl;
    private final SecretKeySpec key;

    public CaseLinks(String publicBaseUrl, String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("privacy.hash-key must not be empty");
        }
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
        this.key = new SecretKeySpec(("case-page:" + secret).getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The link to give a citizen for this case, check included. */
    public String url(String code) {
        return pageAddress(code) + "#k=" + codeCheck(code);
    }

    /** The page without the check: it asks for the phone digits or the code check. */
    String pageAddress(String code) {
        return publicBaseUrl + "/c/" + code;
    }

    /** The 4-digit check of a case code (printed on the slip beside the code). */
    public String codeCheck(String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] h = mac.doFinal(code.getBytes(StandardCharsets.UTF_8));
            long n = ((h[0] & 0xffL) << 24) | ((h[1] & 0xffL) << 16) | ((h[2] & 0xffL) << 8) | (h[3] & 0xffL);
            return String.format(Locale.ROOT, "%04d", n % 10_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Startup: a QR code or link to localhost is useless on a citizen's phone. */
    public void warnIfLocal() {
        if (pointsAtLocalhost(publicBaseUrl)) {
            LOGGER.log(System.Logger.Level.WARNING, "conversation.public-base-url is " + publicBaseUrl
                                                    + ": QR codes and case-page links will not open on citizens' phones;"
                                                    + " set WARDDESK_CONVERSATION_PUBLIC_BASE_URL to the public address");
        }
    }

    static boolean pointsAtLocalhost(String url) {
        String host;
        try {
            host = Optional.ofNullable(URI.create(url.trim()).getHost()).orElse("").toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.")
               || host.equals("[::1]") || host.equals("::1") || host.equals("0.0.0.0");
    }
}
