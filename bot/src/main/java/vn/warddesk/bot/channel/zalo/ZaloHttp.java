package vn.warddesk.bot.channel.zalo;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** HTTP to Zalo: every answer is JSON; {@code status} 0 means there was no answer (network error, timeout). */
final class ZaloHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOT_REACHED = "Zalo not reached: ";

    private final HttpClient client;

    ZaloHttp(Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
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

    Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode body;
            try {
                body = JSON.readTree(response.body());
            } catch (IOException e) {
                body = null;
            }
            return new Answer(response.statusCode(), body == null ? JSON.createObjectNode() : body,
                              "HTTP " + response.statusCode());
        } catch (java.net.ConnectException e) {
            return new Answer(0, JSON.createObjectNode(), NOT_REACHED + e.getClass().getSimpleName());
        } catch (IOException e) {
            return new Answer(0, JSON.createObjectNode(), "no answer from Zalo: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, JSON.createObjectNode(), "interrupted");
        }
    }
}
