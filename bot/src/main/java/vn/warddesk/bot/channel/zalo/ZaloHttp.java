package vn.warddesk.bot.channel.zalo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.api.HttpClientRequest;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.Proxy;
import io.helidon.webclient.api.WebClient;

/**
 * HTTP to Zalo: every answer is JSON; {@code status} 0 means there was no answer (network error, timeout).
 *
 * <p>Helidon's blocking WebClient, as Telegram's sender uses (the JDK HttpClient it replaced cost a fifth of the
 * server's CPU samples in the webhook bench, docs/channels.md): called from the dispatcher's and the request
 * handlers' virtual threads.
 */
final class ZaloHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOT_REACHED = "Zalo not reached: ";

    private final WebClient client;
    private final Duration timeout;

    ZaloHttp(Duration timeout) {
        this.timeout = timeout;
        this.client = WebClient.builder()
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .followRedirects(false) // Zalo's APIs do not redirect; a redirect would carry the token elsewhere
                .proxy(Proxy.noProxy())
                .build();
    }

    /** One call: method, URL, headers (the tokens among them, never logged) and a body for POST. */
    record Request(Method method, String url, Map<String, String> headers, String body) {
        static Request get(String url) {
            return new Request(Method.GET, url, Map.of(), "");
        }

        static Request post(String url, String contentType, String body) {
            return new Request(Method.POST, url, Map.of("Content-Type", contentType), body);
        }

        Request header(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Request(method, url, Map.copyOf(more), body);
        }
    }

    record Answer(int status, JsonNode body, String problem) {
        /** Zalo's own error code: 0 = success ({"error": n, "message": "…"}). */
        int error() {
            return body.path("error").asInt(0);
        }

        /**
         * Whether the request may have reached Zalo. Only a refused connection is certain not to have: a single-use
         * refresh token may be sent again after that, never after a timeout.
         */
        boolean mayHaveReached() {
            return status != 0 || !problem.startsWith(NOT_REACHED);
        }

        String message() {
            return body.path("message").asText(problem);
        }
    }

    Answer send(Request request) {
        // Our URLs are configuration plus fixed paths and queries: sent as written ("fields=id,name", not "%2C").
        HttpClientRequest call = client.method(request.method()).skipUriEncoding(true).uri(request.url()).readTimeout(timeout);
        request.headers().forEach((name, value) -> call.header(HeaderNames.create(name), value));
        int status;
        byte[] answer;
        try (HttpClientResponse response = request.method() == Method.GET ? call.request()
                : call.submit(request.body().getBytes(StandardCharsets.UTF_8))) {
            status = response.status().code();
            answer = response.entity().as(byte[].class);
        } catch (RuntimeException e) {
            // The client reports a refused or reset connection, a timeout or an interrupt as an unchecked exception.
            if (Thread.currentThread().isInterrupted()) {
                return new Answer(0, JSON.createObjectNode(), "interrupted");
            }
            Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
            String prefix = cause instanceof ConnectException ? NOT_REACHED : "no answer from Zalo: ";
            return new Answer(0, JSON.createObjectNode(), prefix + cause.getClass().getSimpleName());
        }
        JsonNode body;
        try {
            body = answer.length == 0 ? null : JSON.readTree(answer);
        } catch (IOException e) {
            body = null;
        }
        return new Answer(status, body == null ? JSON.createObjectNode() : body, "HTTP " + status);
    }
}
