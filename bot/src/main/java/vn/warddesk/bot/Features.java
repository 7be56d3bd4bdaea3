package vn.warddesk.bot;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

import javax.sql.DataSource;

import io.helidon.config.Config;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.staticcontent.StaticContentService;

import vn.warddesk.bot.catalog.Catalog;
import vn.warddesk.bot.catalog.CatalogService;
import vn.warddesk.bot.catalog.CatalogStore;
import vn.warddesk.bot.observe.DatabaseReadiness;

/**
 * Wires every feature from the configuration and the database, and registers their routes.
 * Tests build the same object over a test database, so what is tested is what runs.
 */
final class Features implements AutoCloseable {
    private final DataSource dataSource;
    private final CatalogStore catalog;
    private final CatalogService catalogService;

    private Features(DataSource dataSource, CatalogStore catalog, CatalogService catalogService) {
        this.dataSource = dataSource;
        this.catalog = catalog;
        this.catalogService = catalogService;
    }

    static Features create(Config config, DataSource dataSource, Clock clock) {
        CatalogStore catalog = CatalogStore.load(config.get("catalog"), dataSource, clock);
        CatalogService catalogService = CatalogService.create(catalog, config.get("admin.token").asString().orElse(""));
        return new Features(dataSource, catalog, catalogService);
    }

    /** What citizens are told; other features (conversation engine, kiosk) read it from here. */
    Catalog catalog() {
        return catalog;
    }

    DatabaseReadiness readiness() {
        return new DatabaseReadiness(this::databaseAnswers);
    }

    void routing(HttpRouting.Builder routing) {
        routing.get("/", (req, res) -> {
            res.status(Status.TEMPORARY_REDIRECT_307).header(HeaderNames.LOCATION, "/kiosk/").send();
        });
        routing.register("/kiosk", StaticContentService.builder("web/kiosk").welcomeFileName("index.html").build());
        routing.register("/staff", StaticContentService.builder("web/staff").welcomeFileName("index.html").build());
        routing.register("/api/v1", catalogService);
    }

    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        // Background workers (outbox dispatcher, retention job) stop here once they exist.
    }
}
