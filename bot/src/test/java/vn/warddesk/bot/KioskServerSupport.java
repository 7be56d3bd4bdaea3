package vn.warddesk.bot;

import java.time.Clock;

import javax.sql.DataSource;

import io.helidon.config.Config;
import io.helidon.webserver.WebServerConfig;

/** Lets the kiosk browser tests (another package) build the real server: same features, same routes as Main. */
public final class KioskServerSupport {
    private KioskServerSupport() {
    }

    /** Returns the features so the test can stop their background work (retention job) when it is done. */
    public static AutoCloseable configure(WebServerConfig.Builder server, Config config, DataSource dataSource, Clock clock) {
        Features features = Features.create(WardDeskSettings.read(config), dataSource, clock);
        Main.configureServer(server, features);
        return features;
    }
}
