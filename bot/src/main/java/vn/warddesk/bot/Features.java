package vn.warddesk.bot;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;

import javax.sql.DataSource;

import io.helidon.config.Config;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.staticcontent.StaticContentService;

import vn.warddesk.bot.cases.Cases;
import vn.warddesk.bot.observe.DatabaseReadiness;
import vn.warddesk.bot.staff.Staff;

/**
 * Wires every feature from the configuration and the database, and registers their routes.
 * Tests build the same object over a test database, so what is tested is what runs.
 */
final class Features implements AutoCloseable {
    private final DataSource dataSource;
    private final Staff staff;

    private Features(DataSource dataSource, Staff staff) {
        this.dataSource = dataSource;
        this.staff = staff;
    }

    static Features create(Config config, DataSource dataSource, Clock clock) {
        // The engine's wiring owns this Cases instance once it lands; staff only reads and works cases through it.
        Cases cases = new Cases(dataSource, "PH", ZoneId.of("Asia/Ho_Chi_Minh"));
        Staff staff = Staff.create(config, dataSource, clock, cases);
        return new Features(dataSource, staff);
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
        staff.routing(routing);
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
