package vn.warddesk.bot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.config.spi.ConfigSource;

/**
 * Reads the one configuration tree: {@code config/application.yaml} from the working directory when run from
 * source, else the copy packaged in the jar (or the file named by {@code WARDDESK_CONFIG}).
 * Every key in that file can be overridden by an environment variable {@code WARDDESK_} + the key in upper case
 * with dots and dashes as underscores, e.g. {@code db.url} by {@code WARDDESK_DB_URL}.
 */
final class ConfigLoader {
    static final String PACKAGED = "warddesk-config/application.yaml";

    private ConfigLoader() {
    }

    /** Where the configuration came from, for error messages. */
    record Loaded(Config config, String origin) {
    }

    static Loaded load(Map<String, String> environment) {
        Optional<Path> file = Optional.ofNullable(environment.get("WARDDESK_CONFIG")).map(Path::of)
                .or(() -> Optional.of(Path.of("config", "application.yaml")).filter(Files::isRegularFile));
        if (file.isPresent() && !Files.isRegularFile(file.get())) {
            throw new StartupFailure("configuration file " + file.get().toAbsolutePath() + " (WARDDESK_CONFIG) does not exist");
        }
        String origin = file.map(f -> f.toAbsolutePath().toString()).orElse("classpath:" + PACKAGED);
        Config base = Config.just(source(file));
        Map<String, String> overrides = overrides(base, environment);
        Config config = Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.create(overrides).name("environment (WARDDESK_*)"))
                .addSource(source(file))
                .build();
        return new Loaded(config, origin);
    }

    private static ConfigSource source(Optional<Path> file) {
        return file.<ConfigSource>map(f -> ConfigSources.file(f).build())
                .orElseGet(() -> ConfigSources.classpath(PACKAGED).build());
    }

    /** The environment variable name that overrides a key. */
    static String environmentName(String key) {
        return "WARDDESK_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Map<String, String> overrides(Config base, Map<String, String> environment) {
        Map<String, String> overrides = new LinkedHashMap<>();
        base.traverse()
                .filter(node -> node.isLeaf())
                .forEach(node -> {
                    String key = node.key().toString();
                    String value = environment.get(environmentName(key));
                    if (value != null) {
                        overrides.put(key, value);
                    }
                });
        return overrides;
    }
}
