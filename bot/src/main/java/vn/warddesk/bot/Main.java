package vn.warddesk.bot;

import java.net.BindException;
import java.time.Clock;
import java.util.Map;

import io.helidon.config.Config;
import io.helidon.config.ConfigException;
import io.helidon.logging.common.LogConfig;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;

import vn.warddesk.bot.catalog.CatalogException;
import vn.warddesk.bot.store.Database;
import vn.warddesk.bot.store.StoreException;

/** Starts WardDesk: config → database (embedded or external) → migrations → features → web server. */
public final class Main {
    private static final System.Logger LOGGER = System.getLogger(Main.class.getName());

    private Main() {
    }

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        String origin = "configuration";
        try {
            ConfigLoader.Loaded loaded = ConfigLoader.load(System.getenv());
            origin = loaded.origin();
            start(loaded.config(), origin);
        } catch (ConfigException e) {
            fail("configuration error in " + origin + ": " + e.getMessage());
        } catch (StartupFailure | StoreException | CatalogException e) {
            fail(e.getMessage());
        }
    }

    /** Everything that runs, so that shutdown can stop it in order. */
    record Running(WebServer server, Features features, Database database) {
        void stop() {
            // JUL resets its handlers in its own shutdown hook, so the last words go straight to stdout.
            System.out.println("WardDesk stopping: finishing requests in flight...");
            server.stop();
            features.close();
            database.close();
            System.out.println("WardDesk stopped (database pool closed, embedded MariaDB stopped).");
        }
    }

    static Running start(Config config, String origin) {
        WardDeskSettings settings = WardDeskSettings.read(config);
        warnAboutDemoSettings(settings);
        Database database = Database.open(settings.db());
        Features features;
        WebServer server;
        try {
            features = Features.create(settings, database.dataSource(), Clock.systemUTC());
            WebServerConfig.Builder builder = WebServer.builder()
                    .config(config.get("server")) // Helidon's own server settings, as they are
                    .shutdownHook(false);
            configureServer(builder, features);
            server = builder.build().start();
            if (!server.isRunning()) {
                // Helidon logs a listener that cannot bind and returns a stopped server instead of throwing.
                throw new StartupFailure("the web server did not start: port "
                                         + settings.serverPort()
                                         + " is already in use or not allowed (server.port in application.yaml,"
                                         + " or WARDDESK_SERVER_PORT)");
            }
        } catch (RuntimeException e) {
            database.close();
            throw portInUse(e, settings).orElseThrow(() -> e);
        }
        database.announce(server.port());
        Running running = new Running(server, features, database);
        Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "warddesk-shutdown"));
        printUrls(server.port());
        LOGGER.log(System.Logger.Level.INFO, "WardDesk started, config " + origin);
        return running;
    }

    /** Observability, routes and static content: the same method serves Main and the tests. */
    static void configureServer(WebServerConfig.Builder server, Features features) {
        server.addFeature(ObserveFeature.builder()
                                  .addObserver(HealthObserver.builder()
                                                       .details(true)
                                                       .useSystemServices(false)
                                                       .addCheck(features.readiness())
                                                       .build())
                                  .addObserver(MetricsObserver.create())
                                  .build());
        features.configureServer(server);
        server.routing(routing -> {
            routing.addFilter(vn.warddesk.bot.observe.OperationsMetrics.responses());
            features.routing(routing);
        });
    }

    private static java.util.Optional<StartupFailure> portInUse(RuntimeException e, WardDeskSettings settings) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return java.util.Optional.of(new StartupFailure(
                        "port " + settings.serverPort()
                        + " is already in use (server.port in application.yaml, or WARDDESK_SERVER_PORT)", e));
            }
        }
        return java.util.Optional.empty();
    }

    /** A real deployment (external database) must not run with the demo secret or the demo staff accounts. */
    private static void warnAboutDemoSettings(WardDeskSettings settings) {
        if (!settings.externalDatabase()) {
            return;
        }
        if (settings.privacyHashKey().startsWith("demo-only")) {
            LOGGER.log(System.Logger.Level.WARNING, "privacy.hash-key is the public demo value: set WARDDESK_PRIVACY_HASH_KEY"
                                                    + " to a secret before real citizens use this deployment");
        }
        if (settings.staff().seedDemoAccounts()) {
            LOGGER.log(System.Logger.Level.WARNING, "staff.seed-demo-accounts is true on an external database: the DEMO"
                                                    + " accounts have public passwords; set WARDDESK_STAFF_SEED_DEMO_ACCOUNTS=false");
        }
    }

    private static void printUrls(int port) {
        String base = "http://localhost:" + port;
        System.out.println(String.join(System.lineSeparator(),
                "",
                "WardDesk is running:",
                "  kiosk          " + base + "/kiosk/",
                "  staff console  " + base + "/staff/",
                "  API            " + base + "/api/v1/procedures",
                "  health         " + base + "/observe/health",
                "  metrics        " + base + "/observe/metrics",
                "Press Ctrl-C to stop.",
                ""));
    }

    private static void fail(String message) {
        System.err.println("warddesk: " + message.lines().findFirst().orElse(message));
        System.exit(2);
    }

    static Map<String, String> environment() {
        return System.getenv();
    }
}
