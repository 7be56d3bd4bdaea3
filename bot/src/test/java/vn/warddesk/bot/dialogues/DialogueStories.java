package vn.warddesk.bot.dialogues;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;

import vn.warddesk.bot.KioskServerSupport;
import vn.warddesk.bot.testing.MutableClock;
import vn.warddesk.bot.testing.TestDatabase;

/**
 * Loads the dialogue stories (bot/src/test/resources/dialogues/*.yaml, format in the README there) and runs each one
 * over the real web API of a real server: real NLU, real catalog, real MariaDB. Used by {@link DialogueStoriesTest}
 * and by {@code ./warddesk eval-dialogues}.
 */
public final class DialogueStories implements AutoCloseable {
    /** Tuesday 1 Dec 2026, 09:00 in Vietnam: the office is open and tomorrow is a working day, every run. */
    static final Instant START = Instant.parse("2026-12-01T02:00:00Z");
    static final Path DIR = Path.of("src/test/resources/dialogues");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One dialogue of a category file. */
    public record Story(String category, String file, String name, JsonNode body) {
        Optional<String> knownFailure() {
            return Optional.ofNullable(body.path("known_failure").textValue());
        }
    }

    /** The outcome of one story: the first failing turn (1-based; 0 = the opening or the end) and why. */
    public record Result(Story story, boolean passed, int turn, String what) {
    }

    private final HikariDataSource pool;
    private final AutoCloseable features;
    private final WebServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    private DialogueStories(HikariDataSource pool, AutoCloseable features, WebServer server) {
        this.pool = pool;
        this.features = features;
        this.server = server;
        this.base = "http://127.0.0.1:" + server.port();
    }

    /** Starts the real server on a fresh database, with the repository's catalog, on 127.0.0.1. */
    public static DialogueStories start() {
        HikariDataSource pool = TestDatabase.fresh("dialogues");
        // The engine's thresholds as shipped (config/application.yaml), not the model's own recommendation.
        String threshold = Config.just(ConfigSources.file("../config/application.yaml"))
                .get("conversation.confidence-threshold").asString().orElseThrow();
        Config config = Config.just(ConfigSources.create(Map.of(
                "conversation.confidence-threshold", threshold,
                "catalog.dir", "../config/catalog",
                "catalog.refresh-interval", "PT0S",
                "conversation.status-lookups-per-minute", "100000",
                // One client replays hundreds of citizens from 127.0.0.1: the per-address limits (EdgeLimitsTest) are off.
                "limits.enabled", "false")));
        Clock clock = new MutableClock(START);
        WebServerConfig.Builder builder = WebServer.builder().port(0).host("127.0.0.1").shutdownHook(false)
                .maxPayloadSize(262_144);
        AutoCloseable features = KioskServerSupport.configure(builder, config, pool, clock);
        return new DialogueStories(pool, features, builder.build().start());
    }

    /** Every story of every YAML file in the folder (or the one file given), in file order. */
    public static List<Story> load(Optional<Path> only) {
        List<Path> files;
        try (Stream<Path> list = Files.list(DIR)) {
            files = list.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (only.isPresent()) {
            Path wanted = only.get();
            files = files.stream().filter(p -> p.getFileName().equals(wanted.getFileName())).toList();
            if (files.isEmpty()) {
                throw new IllegalArgumentException("no story file " + wanted + " under " + DIR);
            }
        }
        List<Story> stories = new ArrayList<>();
        for (Path file : files) {
            JsonNode root;
            try {
                root = YAML.readTree(file.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            String category = root.path("category").asText(file.getFileName().toString().replaceAll("\\.ya?ml$", ""));
            for (JsonNode d : root.path("dialogues")) {
                stories.add(new Story(category, file.getFileName().toString(), d.path("name").asText("(unnamed)"), d));
            }
        }
        return stories;
    }

    public Result run(Story story) {
        JsonNode d = story.body();
        ObjectNode create = JSON.createObjectNode();
        create.put("channel", d.path("channel").asText("web"));
        create.put("locale", d.path("locale").asText("vi"));
        JsonNode opened = post("/api/v1/conversations", null, create);
        String id = opened.path("id").asText();
        String token = opened.path("token").asText();
        JsonNode previous = opened;
        String caseCode = null;
        int number = 0;
        for (JsonNode turn : d.path("turns")) {
            number++;
            ObjectNode message = JSON.createObjectNode();
            String said;
            if (turn.has("press")) {
                String action = turn.path("press").asText();
                if (!offers(previous.path("replies"), action)) {
                    return fail(story, number, "press \"" + action + "\": no reply of the previous turn offered it; got "
                                               + describe(previous.path("replies")));
                }
                message.put("action", action);
                said = "[" + action + "]";
            } else {
                said = turn.path("user").asText();
                message.put("text", said);
            }
            JsonNode response = post("/api/v1/conversations/" + id + "/messages", token, message);
            JsonNode replies = response.path("replies");
            for (JsonNode expected : turn.path("bot")) {
                boolean matched = false;
                for (JsonNode reply : replies) {
                    matched |= matches(expected, reply);
                }
                if (!matched) {
                    return fail(story, number, "\"" + said + "\": expected " + expected + ", got " + describe(replies));
                }
            }
            for (JsonNode forbidden : turn.path("not")) {
                for (JsonNode reply : replies) {
                    if (forbidden.asText().equals(reply.path("kind").asText())) {
                        return fail(story, number, "\"" + said + "\": a reply of kind " + forbidden.asText()
                                                   + " was not wanted; got " + describe(replies));
                    }
                }
            }
            caseCode = response.path("caseCode").isTextual() ? response.path("caseCode").asText() : caseCode;
            if (turn.has("case") && !caseMatches(turn.path("case").asText(), caseCode)) {
                return fail(story, number, "\"" + said + "\": case should be " + turn.path("case").asText()
                                           + " but the conversation's case is " + (caseCode == null ? "none" : caseCode));
            }
            previous = response;
        }
        String expectCase = d.path("expect_case").asText("none");
        if (!caseMatches(expectCase, caseCode)) {
            return fail(story, 0, "at the end: case should be " + expectCase + " but is "
                                  + (caseCode == null ? "none" : caseCode));
        }
        return new Result(story, true, -1, "");
    }

    private static boolean caseMatches(String expected, String caseCode) {
        return "open".equals(expected) ? caseCode != null : caseCode == null;
    }

    private static Result fail(Story story, int turn, String what) {
        return new Result(story, false, turn, what);
    }

    private static boolean offers(JsonNode replies, String action) {
        for (JsonNode reply : replies) {
            for (JsonNode button : reply.path("buttons")) {
                if (action.equals(button.path("action").asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean matches(JsonNode expected, JsonNode reply) {
        for (String key : List.of("kind", "procedure", "aspect", "field")) {
            if (expected.has(key) && !expected.path(key).asText().equals(reply.path(key).asText())) {
                return false;
            }
        }
        String text = fold(reply.path("text").asText());
        for (JsonNode mention : expected.path("mentions")) {
            if (!text.contains(fold(mention.asText()))) {
                return false;
            }
        }
        for (JsonNode button : expected.path("buttons")) {
            boolean found = false;
            for (JsonNode b : reply.path("buttons")) {
                found |= button.asText().equals(b.path("action").asText());
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /** Lower case without diacritics, as the README says mentions are compared. */
    static String fold(String text) {
        return Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .replace('đ', 'd');
    }

    private static String describe(JsonNode replies) {
        List<String> out = new ArrayList<>();
        for (JsonNode r : replies) {
            StringBuilder s = new StringBuilder(r.path("kind").asText("?"));
            for (String key : List.of("procedure", "aspect", "field")) {
                if (r.has(key)) {
                    s.append(' ').append(key).append('=').append(r.path(key).asText());
                }
            }
            List<String> actions = new ArrayList<>();
            r.path("buttons").forEach(b -> actions.add(b.path("action").asText()));
            if (!actions.isEmpty()) {
                s.append(" buttons=").append(actions);
            }
            out.add(s.toString());
        }
        return out.toString();
    }

    private JsonNode post(String path, String token, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
        try {
            features.close();
        } catch (Exception e) {
            System.err.println("dialogue stories: closing the features failed: " + e.getMessage());
        }
        pool.close();
    }
}
