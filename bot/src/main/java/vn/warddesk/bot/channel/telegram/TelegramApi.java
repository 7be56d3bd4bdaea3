package vn.warddesk.bot.channel.telegram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.Proxy;
import io.helidon.webclient.api.WebClient;

/**
 * Calls Bot API methods: POST {api-base-url}/bot{token}/{method} with a JSON body
 * (https://core.telegram.org/bots/api#making-requests). Every answer is {"ok": true, "result": …} or
 * {"ok": false, "error_code": n, "description": "…", "parameters": {"retry_after": s}}
 * (https://core.telegram.org/bots/api#responseparameters). The URL holds the token: it is never logged.
 *
 * <p>Helidon's blocking WebClient (HTTP/1.1, pooled keep-alive connections), called from the dispatcher's virtual
 * threads. The JDK HttpClient it replaced held about a fifth of the server's JFR samples in the webhook bench (its
 * asynchronous pipeline, a reflective filter chain per request, hand-offs to its own worker threads); the server's
 * measured CPU per update fell 10–15 % with this and the office-hours change together (docs/channels.md).
 */
final class TelegramApi {
    static final ObjectMapper JSON = new ObjectMapper();

    private final TelegramSettings settings;
    private final WebClient http;

    TelegramApi(TelegramSettings settings) {
        this.settings = settings;
        this.http = WebClient.builder()
                .connectTimeout(settings.requestTimeout())
                .readTimeout(settings.requestTimeout())
                .followRedirects(false) // as the JDK client did: the Bot API does not redirect
                .proxy(Proxy.noProxy())
                .build();
    }

    /** A Bot API answer; {@code httpStatus} 0 means no answer at all (network error, timeout). */
    record Answer(int httpStatus, JsonNode body, String problem) {
        boolean ok() {
            return httpStatus == 200 && body.path("ok").asBoolean(false);
        }

        int errorCode() {
            return body.path("error_code").asInt(httpStatus);
        }

        String description() {
            return body.path("description").asText(problem);
        }

        Optional<Duration> retryAfter() {
            JsonNode after = body.path("parameters").path("retry_after");
            return after.isNumber() ? Optional.of(Duration.ofSeconds(after.asLong())) : Optional.empty();
        }
    }

    /** Calls the configuration's bot. */
    Answer call(String method, ObjectNode parameters) {
        return call(settings.botToken(), method, parameters);
    }

    /** Calls the bot of {@code token} (a ward's own bot, or the configuration's). */
    Answer call(String token, String method, ObjectNode parameters) {
        int status;
        byte[] answer;
        try (HttpClientResponse response = http.post(settings.apiBase() + "/bot" + token + "/" + method)
                .contentType(MediaTypes.APPLICATION_JSON)
                .submit(parameters.toString().getBytes(StandardCharsets.UTF_8))) {
            status = response.status().code();
            answer = response.entity().as(byte[].class);
        } catch (RuntimeException e) {
            // The client reports a refused or reset connection, a timeout or an interrupt as an unchecked exception.
            if (Thread.currentThread().isInterrupted()) {
                return new Answer(0, JSON.createObjectNode(), "interrupted");
            }
            Throwable cause = e instanceof java.io.UncheckedIOException && e.getCause() != null ? e.getCause() : e;
            return new Answer(0, JSON.createObjectNode(), "no answer from Telegram: " + cause.getClass().getSimpleName());
        }
        JsonNode body;
        try {
            body = answer.length == 0 ? null : JSON.readTree(answer);
        } catch (IOException e) {
            body = null;
        }
        return new Answer(status, body == null ? JSON.createObjectNode() : body, "HTTP " + status);
    }

    ObjectNode object() {
        return JSON.createObjectNode();
    }
}
