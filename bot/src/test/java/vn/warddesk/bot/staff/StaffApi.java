package vn.warddesk.bot.staff;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP client for the staff API tests: sign in, then call with the cookie and the CSRF header. */
final class StaffApi {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final java.time.Clock clock;

    StaffApi(URI base) {
        this(base, java.time.Clock.systemUTC());
    }

    /** With the clock of the server under test, for the demo accounts' second-factor codes. */
    StaffApi(URI base, java.time.Clock clock) {
        this.base = base;
        this.clock = clock;
    }

    /** The current second-factor code of the demo accounts that need one (public demo secret). */
    String demoCode() {
        return SecondFactor.code(DemoAccounts.TOTP_SECRET, clock.instant());
    }

    record Answer(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }
    }

    record Session(String cookie, String csrf, JsonNode me) {
    }

    Answer send(String method, String path, Optional<Session> session, Object body, boolean withCsrf,
                Map<String, String> headers) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path));
            String payload = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            builder.method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
            if (payload != null) {
                builder.header("Content-Type", "application/json");
            }
            session.ifPresent(s -> {
                builder.header("Cookie", StaffService.COOKIE + "=" + s.cookie());
                if (withCsrf) {
                    builder.header(StaffService.CSRF_HEADER, s.csrf());
                }
            });
            headers.forEach(builder::header);
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Signs in; demo.admin, demo.supervisor and demo.province send their current second-factor code along. */
    Answer login(String username, String password, Map<String, String> headers) {
        Map<String, String> body = new java.util.HashMap<>(Map.of("username", username, "password", password));
        if (username.equals("demo.admin") || username.equals("demo.supervisor") || username.equals("demo.province")) {
            body.put("code", demoCode());
        }
        return send("POST", "/api/v1/staff/login", Optional.empty(), body, false, headers);
    }

    Session signIn(String username, String password) {
        Answer answer = login(username, password, Map.of());
        if (answer.status() != 200) {
            throw new AssertionError("sign-in of " + username + " failed: " + answer.status() + " " + answer.body());
        }
        String setCookie = answer.header("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
        return new Session(cookie, answer.json().path("csrfToken").asText(), answer.json());
    }

    Answer get(String path, Session session) {
        return send("GET", path, Optional.of(session), null, false, Map.of());
    }

    Answer post(String path, Session session, Object body) {
        return send("POST", path, Optional.of(session), body == null ? Map.of() : body, true, Map.of());
    }

    Answer postWithoutCsrf(String path, Session session, Object body) {
        return send("POST", path, Optional.of(session), body == null ? Map.of() : body, false, Map.of());
    }

    /** Anonymous call (no session): the public API, the kiosk pairing, a sign-in with a body of the test's own. */
    Answer anonymous(String method, String path, Object body, Map<String, String> headers) {
        return send(method, path, Optional.empty(), body, false, headers);
    }

    /** Signs in with an explicit second-factor (or recovery) code. */
    Answer loginWithCode(String username, String password, String code) {
        return anonymous("POST", "/api/v1/staff/login", Map.of("username", username, "password", password, "code", code),
                         Map.of());
    }

    /** A new account's first sign-in: with its one-time password, which it then changes (fails unless both work). */
    Session firstSignIn(String username, String oneTimePassword, String newPassword) {
        Session session = signIn(username, oneTimePassword);
        expectOk(post("/api/v1/staff/password", session,
                      Map.of("currentPassword", oneTimePassword, "newPassword", newPassword)), "password change");
        return session;
    }

    /**
     * Sets up the signed-in account's second factor (enrol, then confirm with the code of {@code now}); fails unless
     * both work. Returns the account's TOTP secret.
     */
    String enrolSecondFactor(Session session, java.time.Instant now) {
        String secret = expectOk(post("/api/v1/staff/second-factor/enrol", session, Map.of()), "second-factor enrolment")
                .json().path("secret").asText();
        expectOk(post("/api/v1/staff/second-factor/confirm", session, Map.of("code", SecondFactor.code(secret, now))),
                 "second-factor confirmation");
        return secret;
    }

    private static Answer expectOk(Answer answer, String what) {
        if (answer.status() != 200) {
            throw new AssertionError(what + " failed: " + answer.status() + " " + answer.body());
        }
        return answer;
    }
}
