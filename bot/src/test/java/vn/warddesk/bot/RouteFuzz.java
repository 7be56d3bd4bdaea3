package vn.warddesk.bot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;

import vn.warddesk.bot.testing.TestDatabase;

/**
 * Random requests over every route of the real server (routes from {@link RouteTable}): generated paths, headers,
 * credentials and bodies — empty, not JSON, wrong types, NUL/CR/LF/emoji/broken UTF-16/UTF-8, huge, nested — sent
 * over a raw socket so that nothing a client library refuses is left out. The oracle: no answer is a 5xx, every
 * request is answered, and the server is healthy afterwards. {@code ./warddesk fuzz --minutes N} runs it for longer.
 */
final class RouteFuzz implements AutoCloseable {
    static final String ADMIN_TOKEN = "fuzz-admin-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARAM = Pattern.compile("\\{\\+?([A-Za-z]+)}");
    private static final String[] FIELDS = {"text", "action", "eventId", "locale", "channel", "zaloAccessToken",
            "officer", "outcome", "username", "password", "code", "currentPassword", "newPassword", "displayName",
            "roles", "id", "update_id", "message", "app_id", "timestamp", "event_name", "sender", "callback_query"};
    private static final String[] NASTY = {"", " ", "\u0000", "a\u0000b", "\r\n", "x\r\nSet-Cookie: a=b", "\t",
            "😀😀😀😀😀😀😀😀", "😀".repeat(3000), "\ud800", "a\udc00b", "\u202e", "' OR 1=1 --", "<script>x</script>",
            "../../etc/passwd", "%00", "null", "true", "-1", "9".repeat(40), "vi", "en", "kiosk", "zalo_mini_app", "web",
            "Tôi muốn đăng ký khai sinh", "PH-2026-1234567", "x".repeat(70_000), "start:birth_registration",
            "consent:agree", "erase:confirm", "admin", "demo.admin", "demo-admin-2026", "officer", "supervisor"};

    private final HikariDataSource pool;
    private final Features features;
    private final WebServer server;
    private final List<RouteTable.Route> routes;
    private final Random random;
    private String conversationId = "00000000-0000-0000-0000-000000000000";
    private String conversationToken = "none";
    private String staffCookie = "wd_staff=none";
    private String csrf = "none";

    /** What a run saw: answers by status, and the requests that got a 5xx or no answer. */
    record Result(int requests, Map<Integer, Integer> byStatus, List<String> failures) {
        int serverErrors() {
            return failures.size();
        }
    }

    RouteFuzz(long seed) {
        pool = TestDatabase.fresh("fuzz");
        features = Features.create(WardDeskSettings.read(config()), pool, Clock.systemUTC());
        WebServerConfig.Builder builder = WebServer.builder().host("127.0.0.1").port(0).maxPayloadSize(262_144)
                .shutdownHook(false);
        Main.configureServer(builder, features);
        server = builder.build().start();
        routes = RouteTable.of(features);
        random = new Random(seed);
    }

    static Config config() {
        return Config.just(ConfigSources.create(Map.of(
                "catalog.dir", "../config/catalog",
                "admin.token", ADMIN_TOKEN,
                "staff.seed-demo-accounts", "true",
                "limits.enabled", "false",
                "telegram.bot-token", "123:fuzz",
                "telegram.webhook-secret", "fuzz-secret",
                // Nothing listens there: a send fails fast and stays on this machine.
                "telegram.api-base-url", "http://127.0.0.1:9",
                "zalo.app-id", "fuzz-app", "zalo.oa-id", "fuzz-oa", "zalo.oa-secret-key", "fuzz-key")));
    }

    int port() {
        return server.port();
    }

    List<RouteTable.Route> routes() {
        return routes;
    }

    /** A real conversation and a real staff session, so fuzzed requests also get past the credentials. */
    void prepare() throws IOException {
        Answer created = send("POST", "/api/v1/conversations", Map.of("Content-Type", "application/json"),
                              "{\"channel\":\"kiosk\",\"locale\":\"vi\"}".getBytes(StandardCharsets.UTF_8));
        JsonNode conversation = JSON.readTree(created.body());
        conversationId = conversation.path("id").asText(conversationId);
        conversationToken = conversation.path("token").asText(conversationToken);
        Answer login = send("POST", "/api/v1/staff/login", Map.of("Content-Type", "application/json"),
                            ("{\"username\":\"demo.supervisor\",\"password\":\"demo-supervisor-2026\",\"code\":\""
                             + vn.warddesk.bot.staff.DemoSecondFactor.code(Instant.now()) + "\"}").getBytes(StandardCharsets.UTF_8));
        Matcher cookie = Pattern.compile("(?i)set-cookie: (wd_staff=[^;\\r\\n]+)").matcher(login.head());
        if (cookie.find()) {
            staffCookie = cookie.group(1);
            csrf = JSON.readTree(login.body()).path("csrfToken").asText(csrf);
        }
    }

    Result run(int requests, Duration budget) {
        Instant deadline = Instant.now().plus(budget);
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        while (sent < requests && Instant.now().isBefore(deadline)) {
            RouteTable.Route route = routes.get(random.nextInt(routes.size()));
            String method = random.nextInt(12) == 0 ? pick("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD")
                    : route.method().text();
            String path = path(route.pattern());
            Map<String, String> headers = headers();
            byte[] body = body();
            sent++;
            try {
                Answer answer = send(method, path, headers, body);
                byStatus.merge(answer.status(), 1, Integer::sum);
                if (answer.status() >= 500) {
                    failures.add(answer.status() + " " + method + " " + path + " body=" + preview(body));
                }
            } catch (IOException e) {
                byStatus.merge(0, 1, Integer::sum);
                failures.add("no answer (" + e.getMessage() + ") " + method + " " + path + " body=" + preview(body));
            }
        }
        return new Result(sent, byStatus, failures);
    }

    private String path(String pattern) {
        Matcher m = PARAM.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1))));
        }
        m.appendTail(out);
        String path = out.toString();
        if (random.nextInt(6) == 0) {
            path += "?" + pick("locale=", "status=") + encode(pick(NASTY)) + "&limit=" + pick("1", "-5", "x", "99999999999");
        }
        return path;
    }

    private String value(String name) {
        String raw = pick(NASTY);
        String nasty = encode(raw.substring(0, Math.min(300, raw.length())));
        return switch (name) {
            case "id" -> random.nextBoolean() ? conversationId : pick(nasty, "1", "birth_registration", "x".repeat(200));
            case "code" -> pick("PH-2026-1234567", "ph2026-1234567", "PH-2026-ABCD-EFGH", nasty, "PH-9999-9999999");
            case "n" -> pick("1", "0", "-1", "2147483648", "abc", nasty);
            case "path" -> pick("index.html", "app.js", "..%2F..%2Fpom.xml", "%00", "missing.css", nasty);
            default -> nasty;
        };
    }

    private Map<String, String> headers() {
        Map<String, String> headers = new TreeMap<>();
        switch (random.nextInt(5)) {
            case 0 -> headers.put("Authorization", "Bearer " + ADMIN_TOKEN);
            case 1 -> headers.put("Authorization", "Bearer " + conversationToken);
            case 2 -> {
                headers.put("Cookie", staffCookie);
                headers.put("X-CSRF-Token", csrf);
            }
            case 3 -> headers.put("Authorization", pick("Bearer ", "Bearer x\u0001", "Basic Zm9vOmJhcg==", "Bearer " + "a".repeat(5000)));
            default -> {
            }
        }
        switch (random.nextInt(6)) {
            case 0 -> {
            }
            case 1 -> headers.put("Content-Type", "text/plain");
            case 2 -> headers.put("Content-Type", pick("application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "image/png"));
            default -> headers.put("Content-Type", "application/json");
        }
        if (random.nextInt(8) == 0) {
            headers.put("X-Forwarded-For", pick("1.2.3.4", "not-an-ip", "::1, 10.0.0.1", "\u00ff"));
        }
        if (random.nextInt(10) == 0) {
            headers.put("X-Telegram-Bot-Api-Secret-Token", "fuzz-secret");
        }
        return headers;
    }

    private byte[] body() {
        return switch (random.nextInt(10)) {
            case 0 -> new byte[0];
            case 1 -> pick("{}", "[]", "null", "\"text\"", "1", "{", "{\"a\":", "\u0000", "{}{}").getBytes(StandardCharsets.UTF_8);
            case 2 -> {
                byte[] junk = new byte[random.nextInt(600)];
                random.nextBytes(junk);
                yield junk;
            }
            case 3 -> ("{\"text\":\"" + "\\u0000\\ud83d\\ude00\\r\\n".repeat(random.nextInt(50)) + "\"}").getBytes(StandardCharsets.UTF_8);
            case 4 -> "{\"text\":\"\\ud800\"}".getBytes(StandardCharsets.UTF_8);
            default -> object(2).toString().getBytes(StandardCharsets.UTF_8);
        };
    }

    private com.fasterxml.jackson.databind.node.ObjectNode object(int depth) {
        var node = JSON.createObjectNode();
        int fields = random.nextInt(5);
        for (int i = 0; i < fields; i++) {
            String field = pick(FIELDS);
            switch (random.nextInt(7)) {
                case 0 -> node.put(field, random.nextLong());
                case 1 -> node.put(field, random.nextBoolean());
                case 2 -> node.putNull(field);
                case 3 -> node.putArray(field).add(pick(NASTY)).add(random.nextInt());
                case 4 -> node.set(field, depth > 0 ? object(depth - 1) : JSON.createObjectNode());
                default -> node.put(field, pick(NASTY));
            }
        }
        return node;
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String preview(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8);
        return text.replaceAll("\\p{Cntrl}", "?");
    }

    /** The status line, headers and body of one answer. */
    record Answer(int status, String head, byte[] body) {
    }

    /** One request on its own connection, exactly as given (no client library to refuse or repair anything). */
    Answer send(String method, String path, Map<String, String> headers, byte[] body) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body.length > 0 || !method.equals("GET")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        request.write(head.toString().getBytes(StandardCharsets.UTF_8));
        request.write(body);
        return raw(request.toByteArray());
    }

    /** Raw bytes to the server; the answer as it came back. */
    Answer raw(byte[] request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
            socket.setSoTimeout(60_000); // generous: the first conversation loads the NLU models on a busy machine
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // The server may answer (413, 400) and close before reading everything: read its answer below.
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            int expected = -1;
            // Read the head, then the body as long as Content-Length says (an event stream never ends: stop at the head).
            while ((read = in.read(buffer)) > 0) {
                answer.write(buffer, 0, read);
                String sofar = answer.toString(StandardCharsets.ISO_8859_1);
                int headEnd = sofar.indexOf("\r\n\r\n");
                if (headEnd < 0) {
                    continue;
                }
                if (sofar.toLowerCase(java.util.Locale.ROOT).contains("text/event-stream")) {
                    break;
                }
                if (expected < 0) {
                    Matcher length = Pattern.compile("(?i)\r\ncontent-length: *(\\d+)").matcher(sofar.substring(0, headEnd));
                    expected = length.find() ? headEnd + 4 + Integer.parseInt(length.group(1)) : Integer.MAX_VALUE;
                }
                if (answer.size() >= expected || (expected == Integer.MAX_VALUE && sofar.endsWith("\r\n0\r\n\r\n"))) {
                    break; // the whole body, by length or by the last chunk
                }
            }
            String all = answer.toString(StandardCharsets.ISO_8859_1);
            int end = all.indexOf("\r\n\r\n");
            if (!all.startsWith("HTTP/1.1 ") || all.length() < 12) {
                throw new IOException("no status line");
            }
            String headPart = end < 0 ? all : all.substring(0, end);
            byte[] bodyPart = end < 0 ? new byte[0]
                    : java.util.Arrays.copyOfRange(answer.toByteArray(), end + 4, answer.size());
            return new Answer(Integer.parseInt(all.substring(9, 12)), headPart, bodyPart);
        }
    }

    @Override
    public void close() {
        server.stop();
        features.close();
        pool.close();
    }

    /** {@code ./warddesk fuzz --minutes N [--seed S]}: fuzz for N minutes, print the counts, exit 1 on any 5xx. */
    public static void main(String[] args) throws Exception {
        double minutes = 1;
        long seed = System.nanoTime();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--minutes" -> minutes = Double.parseDouble(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("usage: fuzz --minutes N [--seed S]");
            }
        }
        int errors;
        try (RouteFuzz fuzz = new RouteFuzz(seed)) {
            fuzz.prepare();
            System.out.println("fuzzing " + fuzz.routes().size() + " routes for " + minutes + " min, seed " + seed);
            Result result = fuzz.run(Integer.MAX_VALUE, Duration.ofSeconds((long) (minutes * 60)));
            Answer health = fuzz.send("GET", "/observe/health", Map.of(), new byte[0]);
            System.out.println("requests " + result.requests() + ", by status " + result.byStatus()
                               + ", 5xx or no answer " + result.serverErrors() + ", health after " + health.status());
            result.failures().stream().limit(50).forEach(f -> System.out.println("  " + f));
            errors = result.serverErrors() + (health.status() == 200 ? 0 : 1);
        }
        System.exit(errors == 0 ? 0 : 1);
    }
}
