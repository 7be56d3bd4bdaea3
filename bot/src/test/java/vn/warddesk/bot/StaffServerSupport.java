package vn.warddesk.bot;

import java.time.Clock;

import javax.sql.DataSource;

import io.helidon.config.Config;
import io.helidon.webserver.WebServerConfig;

/** Lets the staff tests (another package) build the real server: same features, same routes as Main. */
public final class StaffServerSupport {
    private StaffServerSupport() {
    }

    public static void configure(WebServerConfig.Builder server, Config config, DataSource dataSource, Clock clock) {
        Main.configureServer(server, Features.create(WardDeskSettings.read(config), dataSource, clock));
    }
}
