package vn.warddesk.bot.channel.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** JSON in and out for the engine's HTTP APIs, with the team's error shape {"error", "message"}. */
public final class HttpJson {
    static final ObjectMapper JSON = new ObjectMapper();

    private HttpJson() {
    }

    /** A 4xx with a message for the client. */
    public static final class Problem extends RuntimeException {
        private final Status status;
        private final String error;

        public Problem(Status status, String error, String message) {
            super(message, null, false, false);
            this.status = status;
            this.error = error;
        }
    }

    public static void send(ServerResponse res, Status status, Object body) {
        try {
            res.status(status).header(HeaderNames.CONTENT_TYPE, "application/json; charset=UTF-8")
                    .send(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a response that cannot be written as JSON", e);
        }
    }

    public static void problem(ServerResponse res, Problem p) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", p.error);
        body.put("message", p.getMessage());
        send(res, p.status, body);
    }

    /** The body as a JSON object; 400 when it is not one. */
    public static JsonNode object(ServerRequest req) {
        String body = req.content().hasEntity() ? req.content().as(String.class) : "";
        if (body.isBlank()) {
            throw new Problem(Status.BAD_REQUEST_400, "bad_request", "a JSON object body is required");
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new Problem(Status.BAD_REQUEST_400, "bad_request", "the body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new Problem(Status.BAD_REQUEST_400, "bad_request", "the body is not valid JSON");
        }
    }

    /** An optional string member; 400 when present but not a string. */
    public static Optional<String> text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new Problem(Status.BAD_REQUEST_400, "bad_request", "'" + name + "' must be a string");
        }
        return Optional.of(value.asText());
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

    /** 401 unless the request carries the admin token (empty configured token: nobody gets in). */
    public static void requireAdmin(ServerRequest req, String adminToken) {
        Optional<String> token = bearer(req);
        if (token.isEmpty() || !same(token.get(), adminToken)) {
            throw new Problem(Status.UNAUTHORIZED_401, "unauthorized", "a valid admin bearer token is required");
        }
    }

    /** Runs a handler, turning Problems into their 4xx answer. */
    public static void guarded(ServerResponse res, Runnable handler) {
        try {
            handler.run();
        } catch (Problem p) {
            problem(res, p);
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
