package vn.warddesk.bot.channel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** What every webhook does the same way: bounded body reading and JSON error answers. */
public final class WebhookSupport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookSupport() {
    }

    /** The raw body, or empty when it is larger than {@code maxBytes} (the caller answers 413). */
    public static Optional<byte[]> body(ServerRequest request, int maxBytes) {
        var declared = request.headers().contentLength();
        if (declared.isPresent() && declared.getAsLong() > maxBytes) {
            return Optional.empty();
        }
        try (InputStream in = request.content().inputStream()) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            return bytes.length > maxBytes ? Optional.empty() : Optional.of(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void error(ServerResponse response, Status status, String error, String message) {
        json(response, status, Map.of("error", error, "message", message));
    }

    public static void ok(ServerResponse response) {
        json(response, Status.OK_200, Map.of("ok", true));
    }

    private static void json(ServerResponse response, Status status, Map<String, Object> body) {
        try {
            response.status(status).header(HeaderValues.CONTENT_TYPE_JSON).send(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
