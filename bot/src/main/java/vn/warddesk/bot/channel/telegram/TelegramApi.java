package vn.warddesk.bot.channel.telegram;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Calls Bot API methods: POST {api-base-url}/bot{token}/{method} with a JSON body
 * (https://core.telegram.org/bots/api#making-requests). Every answer is {"ok": true, "result": …} or
 * {"ok": false, "error_code": n, "description": "…", "parameters": {"retry_after": s}}
 * (https://core.telegram.org/bots/api#responseparameters). The URL holds the token: it is never logged.
 */
final class TelegramApi {
    static final ObjectMapper JSON = new ObjectMapper();

    private final TelegramSettings settings;
    private final HttpClient http;

    TelegramApi(TelegramSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.requestTimeout()).build();
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
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.apiBase() + "/bot" + token + "/" + method))
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(parameters.toString(), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode body;
            try {
                body = JSON.readTree(response.body());
            } catch (IOException e) {
                body = JSON.createObjectNode();
            }
            return new Answer(response.statusCode(), body == null ? JSON.createObjectNode() : body,
                              "HTTP " + response.statusCode());
        } catch (IOException e) {
            return new Answer(0, JSON.createObjectNode(), "no answer from Telegram: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, JSON.createObjectNode(), "interrupted");
        }
    }

    ObjectNode object() {
        return JSON.createObjectNode();
    }
}
