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

import vn.warddesk.bot.channel.Channels;
import vn.warddesk.bot.conversation.ConversationPort;
import vn.warddesk.bot.observe.DatabaseReadiness;

/**
 * Wires every feature from the configuration and the database, and registers their routes.
 * Tests build the same object over a test database, so what is tested is what runs.
 */
final class Features implements AutoCloseable {
    private final DataSource dataSource;
    private final Channels channels;

    private Features(DataSource dataSource, Channels channels) {
        this.dataSource = dataSource;
        this.channels = channels;
    }

    static Features create(Config config, DataSource dataSource, Clock clock) {
        // Until the conversation engine is wired, webhooks answer 503 (the platforms retry) rather than drop updates.
        ConversationPort engine = event -> {
            throw new IllegalStateException("the conversation engine is not wired yet");
        };
        return new Features(dataSource, Channels.create(config, dataSource, clock, engine));
    }

    DatabaseReadiness readiness() {
        return new DatabaseReadiness(this::databaseAnswers);
    }

    /** Server-level features (not routes): CORS for /api/v1/* from the Zalo Mini App's origins. */
    void configureServer(io.helidon.webserver.WebServerConfig.Builder server) {
        channels.configureServer(server);
    }

    void routing(HttpRouting.Builder routing) {
        routing.get("/", (req, res) -> {
            res.status(Status.TEMPORARY_REDIRECT_307).header(HeaderNames.LOCATION, "/kiosk/").send();
        });
        routing.register("/kiosk", StaticContentService.builder("web/kiosk").welcomeFileName("index.html").build());
        routing.register("/staff", StaticContentService.builder("web/staff").welcomeFileName("index.html").build());
        channels.routing(routing);
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
        // Background workers stop here: the outbox dispatcher (channels), the retention job.
        channels.close();
    }
}
