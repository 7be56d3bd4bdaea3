package vn.warddesk.bot.http;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import vn.warddesk.bot.store.DatabaseCircuit;
import vn.warddesk.bot.store.StoreException;

/**
 * The one place where failures become HTTP answers (docs/adr/0005-one-error-edge.md): handlers throw
 * {@link ApiProblem}, the store throws {@link StoreException}, Helidon throws {@link HttpException}; each is
 * mapped here, once, on the routing ({@code routing.error(...)}) and for requests the server refuses before routing
 * (malformed request line, headers too large) through its direct handlers. Every body is problem+json.
 */
public final class ErrorEdge {
    public static final String PROBLEM_JSON = "application/problem+json";
    private static final System.Logger LOGGER = System.getLogger(ErrorEdge.class.getName());
    /** How long a client should wait before retrying when the database is down (readiness polls every few seconds). */
    public static final long STORE_RETRY_AFTER_SECONDS = 5;

    private ErrorEdge() {
    }

    /**
     * Registers the error handlers on the routing — call once, before any service — and a filter that answers 503
     * at once while the database circuit is open (paths that need the database: /api/ and /webhooks/).
     */
    public static void register(HttpRouting.Builder routing, DatabaseCircuit circuit) {
        routing.addFilter((chain, req, res) -> {
            String path = req.path().path();
            if (circuit.isOpen() && (path.startsWith("/api/") || path.startsWith("/webhooks/"))) {
                throw ApiProblem.unavailable(STORE_RETRY_AFTER_SECONDS);
            }
            chain.proceed();
        });
        routing.error(ApiProblem.class, (req, res, problem) -> send(res, problem))
                .error(StoreException.class, (req, res, e) -> {
                    circuit.failed(e);
                    LOGGER.log(System.Logger.Level.WARNING, "database unavailable on " + req.prologue().method().text()
                                                            + " " + req.path().path() + ": " + firstLine(e.getMessage()));
                    send(res, ApiProblem.unavailable(STORE_RETRY_AFTER_SECONDS));
                })
                .error(HttpException.class, (req, res, e) -> send(res, new ApiProblem(
                        e.status(), key(e.status()), e.status().code() >= 500 ? "The request could not be handled."
                                : "The request was refused: " + e.status().reasonPhrase() + ".")))
                .error(UncheckedIOException.class, (req, res, e) -> {
                    // The client went away mid-request: nobody is left to answer.
                    LOGGER.log(System.Logger.Level.DEBUG, "client went away on " + req.path().path());
                    send(res, new ApiProblem(Status.BAD_REQUEST_400, "aborted", "The request could not be read."));
                })
                .error(Exception.class, (req, res, e) -> {
                    LOGGER.log(System.Logger.Level.ERROR, "unexpected failure on " + req.prologue().method().text() + " "
                                                          + req.path().path(), e);
                    send(res, new ApiProblem(Status.INTERNAL_SERVER_ERROR_500, "internal",
                                             "Something went wrong; the error was logged."));
                });
    }

    /** Problem+json for what the server refuses before routing (bad request line, oversized headers or body). */
    public static void configureServer(WebServerConfig.Builder server) {
        DirectHandler handler = (request, eventType, status, headers, message) -> {
            // The routing answers every exception of a handler itself (Exception.class above), so what reaches the
            // server's INTERNAL_ERROR here is a request the connection could not even parse (e.g. "{}GET / HTTP/1.1"):
            // the client's fault, 400.
            Status answered = eventType == DirectHandler.EventType.INTERNAL_ERROR ? Status.BAD_REQUEST_400 : status;
            ApiProblem problem = new ApiProblem(answered, key(answered), answered == Status.REQUEST_ENTITY_TOO_LARGE_413
                    ? "The request is larger than this server accepts." : "The request is not valid HTTP.");
            return DirectHandler.TransportResponse.builder()
                    .status(answered)
                    .header(HeaderNames.CONTENT_TYPE, PROBLEM_JSON)
                    .keepAlive(false)
                    .entity(bytes(problem))
                    .build();
        };
        DirectHandlers.Builder handlers = DirectHandlers.builder();
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            handlers.addHandler(type, handler);
        }
        server.directHandlers(handlers.build());
    }

    public static void send(ServerResponse res, ApiProblem problem) {
        if (res.isSent()) {
            return;
        }
        problem.headers().forEach((name, value) -> res.header(HeaderNames.create(name), value));
        if (problem.retryAfterSeconds() > 0) {
            res.header(HeaderNames.RETRY_AFTER, Long.toString(problem.retryAfterSeconds()));
        }
        res.status(problem.status())
                .header(HeaderNames.CONTENT_TYPE, PROBLEM_JSON)
                .header(HeaderNames.CACHE_CONTROL, "no-store")
                .send(bytes(problem));
    }

    private static byte[] bytes(ApiProblem problem) {
        try {
            return HttpJson.JSON.writeValueAsBytes(problem.body());
        } catch (JsonProcessingException e) {
            return ("{\"status\":" + problem.status().code() + "}").getBytes(StandardCharsets.UTF_8);
        }
    }

    private static String key(Status status) {
        return switch (status.code()) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "rate_limited";
            case 503 -> "unavailable";
            default -> status.code() >= 500 ? "internal" : "refused";
        };
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }
}
