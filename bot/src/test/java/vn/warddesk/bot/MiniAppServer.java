package vn.warddesk.bot;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServerConfig;

import vn.warddesk.bot.testing.TestDatabase;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The Mini App tests' server: the real features (as Main wires them, outbox off) over a fresh test database, with a
 * WireMock standing in for Zalo's Graph API (app secret "app-secret").
 */
final class MiniAppServer implements AutoCloseable {
    final WireMockServer graph;
    final HikariDataSource pool;
    private final Features features;

    private MiniAppServer(WireMockServer graph, HikariDataSource pool, Features features) {
        this.graph = graph;
        this.pool = pool;
        this.features = features;
    }

    /**
     * @param graphAnswers the Graph API's stubs
     * @param settings     the test's own settings, on top of the Graph API's address and the app secret
     */
    static MiniAppServer start(WebServerConfig.Builder server, String database, Consumer<WireMockServer> graphAnswers,
                               Map<String, String> settings) {
        WireMockServer graph = new WireMockServer(options().dynamicPort());
        graph.start();
        graphAnswers.accept(graph);
        Map<String, String> map = new HashMap<>(settings);
        map.put("zalo.app-secret", "app-secret");
        map.put("zalo.graph-base-url", graph.baseUrl() + "/v2.0");
        map.put("outbox.enabled", "false");
        HikariDataSource pool = TestDatabase.fresh(database);
        Features features = Features.create(WardDeskSettings.read(Config.just(ConfigSources.create(map))), pool, Clock.systemUTC());
        Main.configureServer(server, features);
        return new MiniAppServer(graph, pool, features);
    }

    @Override
    public void close() {
        features.close();
        pool.close();
        graph.stop();
    }
}
