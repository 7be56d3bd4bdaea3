package vn.warddesk.bot;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServerConfig;

/** Lets the staff tests (another package) build the real server: same features, same routes as Main. */
public final class StaffServerSupport {
    private StaffServerSupport() {
    }

    public static void configure(WebServerConfig.Builder server, Config config, DataSource dataSource, Clock clock) {
        Main.configureServer(server, Features.create(WardDeskSettings.read(config), dataSource, clock));
    }

    /**
     * The real server with the demo staff accounts seeded (and a test hash key) on top of the test's own settings:
     * what every staff sign-in test starts from. Returns the configuration, for tests that build more from it.
     */
    public static Config configureWithDemoAccounts(WebServerConfig.Builder server, Map<String, String> settings,
                                                   DataSource dataSource, Clock clock) {
        Map<String, String> map = new HashMap<>(settings);
        map.put("staff.seed-demo-accounts", "true");
        map.putIfAbsent("privacy.hash-key", "test-key");
        Config config = Config.just(ConfigSources.create(map));
        configure(server, config, dataSource, clock);
        return config;
    }
}
