package vn.warddesk.bot.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * JSON in and out for every HTTP API: bodies are read bounded and validated here (empty → 400, not JSON → 400,
 * wrong media type → 415, too large → 413, strings with control characters or broken UTF-16 → 400), so no handler
 * ever sees a body it must guard against itself. Failures are {@link ApiProblem}s, answered by {@link ErrorEdge}.
 */
public final class HttpJson {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The largest JSON body an API handler reads (webhooks have their own, configured limits). */
    public static final int MAX_BODY = 64 * 1024;

    private HttpJson() {
    }

    public static void send(ServerResponse res, Status status, Object body) {
        try {
            res.status(status).header(HeaderNames.CONTENT_TYPE, "application/json; charset=UTF-8")
                    .send(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a response that cannot be written as JSON", e);
        }
    }

    /** The body as a JSON object of at most {@link #MAX_BODY} bytes. */
    public static JsonNode object(ServerRequest req) {
        return object(req, MAX_BODY);
    }

    /** The body as a JSON object of at most {@code maxBytes} bytes; 400/413/415 otherwise. */
    public static JsonNode object(ServerRequest req, int maxBytes) {
        JsonNode node = json(bytes(req, maxBytes));
        if (!node.isObject()) {
            throw ApiProblem.badRequest("The body must be a JSON object.");
        }
        return node;
    }

    /** The raw body, bounded: 400 when there is none, 413 above {@code maxBytes}, 415 when it is declared not JSON. */
    public static byte[] bytes(ServerRequest req, int maxBytes) {
        Optional<String> type = req.headers().first(HeaderNames.CONTENT_TYPE);
        if (type.isPresent() && !isJson(type.get())) {
            throw new ApiProblem(Status.UNSUPPORTED_MEDIA_TYPE_415, "unsupported_media_type",
                                 "The body must be application/json.");
        }
        if (!req.content().hasEntity()) {
            throw ApiProblem.badRequest("A JSON object body is required.");
        }
        if (req.headers().contentLength().orElse(0) > maxBytes) {
            throw ApiProblem.tooLarge("The body is larger than " + maxBytes + " bytes.");
        }
        byte[] bytes;
        try (InputStream in = req.content().inputStream()) {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw ApiProblem.badRequest("The body could not be read.");
        }
        if (bytes.length > maxBytes) {
            throw ApiProblem.tooLarge("The body is larger than " + maxBytes + " bytes.");
        }
        if (bytes.length == 0) {
            throw ApiProblem.badRequest("A JSON object body is required.");
        }
        return bytes;
    }

    /** Parses strict UTF-8 JSON; 400 when it is not. */
    public static JsonNode json(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            JsonNode node = JSON.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw ApiProblem.badRequest("A JSON body is required.");
            }
            return node;
        } catch (CharacterCodingException e) {
            throw ApiProblem.badRequest("The body is not valid UTF-8.");
        } catch (JsonProcessingException e) {
            throw ApiProblem.badRequest("The body is not valid JSON.");
        }
    }

    private static boolean isJson(String contentType) {
        String type = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json") || type.equals("text/plain");
    }

    /** An optional string member; 400 when present but not a string, or when it holds control characters. */
    public static Optional<String> text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ApiProblem.badRequest("'" + name + "' must be a string.");
        }
        String text = value.asText();
        if (!clean(text)) {
            throw ApiProblem.badRequest("'" + name + "' contains control characters or broken characters.");
        }
        return Optional.of(text);
    }

    /** A string member that must be present: "" when absent (the caller says what it needs). */
    public static String textOrEmpty(JsonNode node, String name) {
        return text(node, name).orElse("");
    }

    /**
     * True when the text has no control characters except tab and line breaks, and no unpaired surrogate (which
     * the database's utf8mb4 would refuse).
     */
    public static boolean clean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (Character.isHighSurrogate(ch)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(ch)
                       || (Character.getType(ch) == Character.CONTROL && ch != '\n' && ch != '\r' && ch != '\t')) {
                return false;
            }
        }
        return true;
    }

    /** The bearer token of the request, if any. */
    public static Optional<String> bearer(ServerRequest req) {
        return req.headers().first(HeaderNames.AUTHORIZATION)
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).strip())
                .filter(t -> !t.isEmpty());
    }

    /** Constant-time comparison of two secrets (or their hashes). */
    public static boolean same(String a, String b) {
        if (a == null || b == null || a.isEmpty() || b.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** True when the request carries the admin token (empty configured token: nobody does). */
    public static boolean isAdmin(ServerRequest req, String adminToken) {
        Optional<String> token = bearer(req);
        return token.isPresent() && same(token.get(), adminToken);
    }

    /** 401 unless the request carries the admin token (empty configured token: nobody gets in). */
    public static void requireAdmin(ServerRequest req, String adminToken) {
        if (!isAdmin(req, adminToken)) {
            throw new ApiProblem(Status.UNAUTHORIZED_401, "unauthorized", "a valid admin bearer token is required");
        }
    }

    public static String escapeHtml(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
