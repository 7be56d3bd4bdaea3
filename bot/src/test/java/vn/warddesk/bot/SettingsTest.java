package vn.warddesk.bot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.helidon.config.Config;
import io.helidon.config.ConfigException;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one typed settings tree against the shipped configuration file and the README's table of keys. */
class SettingsTest {
    private static final Path REPO_CONFIG = Path.of("..", "config", "application.yaml");
    private static final Path README = Path.of("..", "README.md");
    /** A README row: | `WARDDESK_…` | `key` | default | meaning | */
    private static final Pattern ROW = Pattern.compile("^\\| `(WARDDESK_[A-Z0-9_]+)` \\| `([a-z0-9.-]+)` \\| ([^|]+) \\|");
    /**
     * Keys whose fallback in the code differs from the shipped value (besides db.*, a required section whose keys have
     * no fallback, or an empty one for the external server's credentials): demo accounts are never seeded by a configuration that does not ask for them; without the key the NLU keeps
     * its own threshold (0.9, which the engine's tests are tuned to), the shipped file asks for 0.6.
     */
    private static final Set<String> NO_SAME_FALLBACK = Set.of("staff.seed-demo-accounts",
                                                               "conversation.confidence-threshold");

    private static Config repoConfig(Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(environment);
        env.put("WARDDESK_CONFIG", REPO_CONFIG.toString());
        return ConfigLoader.load(env).config();
    }

    /** The tree as text; SecretKeys has no value equality, so its identity is masked. */
    private static String view(WardDeskSettings settings) {
        return settings.toString().replaceAll("SecretKeys@[0-9a-f]+", "SecretKeys");
    }

    /** The file's keys as a flat map (lists as one comma-separated value, as an environment variable gives them). */
    private static Map<String, String> flat(Config config) {
        Map<String, String> keys = new LinkedHashMap<>();
        config.traverse().forEach(node -> {
            String key = node.key().toString();
            if (node.type() == Config.Type.LIST) {
                keys.put(key, String.join(",", node.asList(String.class).orElse(List.of())));
            } else if (node.isLeaf() && !key.matches(".*\\.\\d+$")) {
                keys.put(key, node.asString().orElse(""));
            }
        });
        return keys;
    }

    private record Documented(String variable, String key, String value) {
    }

    /** The README rows naming one key and one plain default ("(empty)" = ""), skipping "see file" and the like. */
    private static List<Documented> documented() throws IOException {
        List<Documented> rows = new ArrayList<>();
        for (String line : Files.readAllLines(README)) {
            Matcher m = ROW.matcher(line);
            if (m.find()) {
                String value = m.group(3).strip().replace("`", "");
                if (value.equals("(empty)")) {
                    value = "";
                }
                if (!value.contains(" ") && !value.contains("/ ")) {
                    rows.add(new Documented(m.group(1), m.group(2), value));
                }
            }
        }
        return rows;
    }

    @Test
    void the_shipped_file_reads_into_the_tree() throws IOException {
        JsonNode yaml = new ObjectMapper(new YAMLFactory()).readTree(REPO_CONFIG.toFile());
        WardDeskSettings settings = WardDeskSettings.read(repoConfig(Map.of()));
        assertEquals(yaml.at("/server/port").asInt(), settings.serverPort());
        assertEquals(yaml.at("/ward/default-id").asText(), settings.edge().defaultWard());
        assertEquals(settings.edge().defaultWard(), settings.staff().edge().defaultWard(), "one ward.default-id for all");
        assertEquals(settings.edge().defaultWard(), settings.channels().defaultWard(), "one ward.default-id for all");
        assertEquals(yaml.at("/db/pool/size").asInt(), settings.db().poolSize());
        assertEquals(Duration.parse(yaml.at("/retention/message-texts").asText()), settings.retention().messageTexts());
        assertEquals(Duration.parse(yaml.at("/staff/events-poll-interval").asText()),
                     settings.staff().eventsPollInterval());
        assertEquals(yaml.at("/privacy/hash-key").asText(), settings.privacyHashKey());
        assertEquals(settings.privacyHashKey(), settings.staff().hashKey());
        assertEquals(settings.privacyHashKey(), settings.channels().privacyHashKey());
        assertEquals(yaml.at("/conversation/confidence-threshold").asDouble(),
                     settings.conversation().confidenceThreshold());
        assertEquals(Path.of(yaml.at("/catalog/dir").asText()), settings.catalog().dir());
        assertEquals(Duration.parse(yaml.at("/kiosk/pairing-code-ttl").asText()), settings.staff().pairingCodeTtl());
    }

    @Test
    void every_default_in_the_readme_is_what_the_shipped_file_gives() throws IOException {
        List<Documented> rows = documented();
        assertTrue(rows.size() >= 30, "README rows read: " + rows.size());
        String shipped = view(WardDeskSettings.read(repoConfig(Map.of())));
        for (Documented row : rows) {
            assertTrue(shipped.equals(view(WardDeskSettings.read(repoConfig(Map.of(row.variable(), row.value()))))),
                       row.key() + ": the README's default " + row.value() + " is not what the file holds");
        }
    }

    @Test
    void a_key_left_out_of_the_file_falls_back_to_the_value_the_file_documents() {
        // Every key of the file, so also every README default (the test above ties those to the file).
        Map<String, String> file = flat(repoConfig(Map.of()));
        String shipped = view(WardDeskSettings.read(Config.just(ConfigSources.create(file))));
        int checked = 0;
        List<String> differing = new ArrayList<>();
        for (String key : file.keySet()) {
            if (key.startsWith("db.") || NO_SAME_FALLBACK.contains(key)) {
                continue;
            }
            Map<String, String> without = new LinkedHashMap<>(file);
            without.remove(key);
            if (!shipped.equals(view(WardDeskSettings.read(Config.just(ConfigSources.create(without)))))) {
                differing.add(key + " (file: " + file.get(key) + ")");
            }
            checked++;
        }
        assertEquals(List.of(), differing, "without these keys the tree differs from what the file documents");
        assertTrue(checked >= 60, "keys checked: " + checked);
    }

    @Test
    void the_keys_whose_fallback_differs_are_listed_because_they_do() {
        Map<String, String> file = flat(repoConfig(Map.of()));
        String shipped = view(WardDeskSettings.read(Config.just(ConfigSources.create(file))));
        for (String key : List.of("staff.seed-demo-accounts", "conversation.confidence-threshold")) {
            Map<String, String> without = new LinkedHashMap<>(file);
            without.remove(key);
            assertNotEquals(shipped, view(WardDeskSettings.read(Config.just(ConfigSources.create(without)))), key);
        }
    }

    @Test
    void the_fallback_check_can_fail() {
        // The check above compares whole trees: a changed value anywhere shows.
        Map<String, String> file = flat(repoConfig(Map.of()));
        Map<String, String> changed = new LinkedHashMap<>(file);
        changed.put("staff.claim-within", "PT5H");
        assertNotEquals(view(WardDeskSettings.read(Config.just(ConfigSources.create(file)))),
                        view(WardDeskSettings.read(Config.just(ConfigSources.create(changed)))));
    }

    @Test
    void a_bad_duration_stops_start_up_naming_its_key() {
        for (String key : List.of("retention.message-texts", "conversation.session-idle-timeout")) {
            ConfigException error = assertThrows(ConfigException.class, () -> WardDeskSettings.read(
                    repoConfig(Map.of(ConfigLoader.environmentName(key), "soon"))));
            assertTrue(error.getMessage().contains(key), error.getMessage());
        }
        ConfigException ttl = assertThrows(ConfigException.class, () -> WardDeskSettings.read(
                repoConfig(Map.of("WARDDESK_KIOSK_PAIRING_CODE_TTL", "P2D"))));
        assertTrue(ttl.getMessage().contains("kiosk.pairing-code-ttl"), ttl.getMessage());
    }

    @Test
    void a_malformed_secret_key_list_stops_start_up_naming_its_key() {
        ConfigException error = assertThrows(ConfigException.class, () -> WardDeskSettings.read(
                repoConfig(Map.of("WARDDESK_SECRET_KEYS", "k1:not-base64!"))));
        assertTrue(error.getMessage().contains("secret.keys"), error.getMessage());
    }

    @Test
    void environment_variables_win_over_the_file() {
        WardDeskSettings settings = WardDeskSettings.read(repoConfig(Map.of(
                "WARDDESK_DB_URL", "jdbc:mariadb://db.example:3306/wd",
                "WARDDESK_WARD_DEFAULT_ID", "other-ward",
                "WARDDESK_STAFF_CLAIM_WITHIN", "PT1H",
                "WARDDESK_ZALO_MINI_APP_CORS_ORIGINS", "https://a.example/, https://b.example")));
        assertEquals("jdbc:mariadb://db.example:3306/wd", settings.db().url().orElseThrow());
        assertTrue(settings.externalDatabase());
        assertEquals("other-ward", settings.edge().defaultWard());
        assertEquals("other-ward", settings.channels().defaultWard());
        assertEquals(Duration.ofHours(1), settings.staff().claimWithin());
        assertEquals(List.of("https://a.example", "https://b.example"), settings.channels().miniAppOrigins());
        assertFalse(WardDeskSettings.read(repoConfig(Map.of())).externalDatabase());
    }

    @Test
    void without_a_db_section_only_opening_the_database_fails_and_names_the_section() {
        WardDeskSettings settings = WardDeskSettings.read(Config.empty());
        ConfigException error = assertThrows(ConfigException.class, settings::db);
        assertTrue(error.getMessage().contains("db"), error.getMessage());
    }
}
