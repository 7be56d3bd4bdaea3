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
import vn.warddesk.bot.cases.CaseStatusApi;
import vn.warddesk.bot.cases.Cases;
import vn.warddesk.bot.cases.StaffCaseApi;
import vn.warddesk.bot.channel.Channels;
import vn.warddesk.bot.channel.zalo.MiniAppApi;
import vn.warddesk.bot.channel.web.PrivacyNoticeApi;
import vn.warddesk.bot.channel.web.WebConversationApi;
import vn.warddesk.bot.conversation.ConversationEngine;
import vn.warddesk.bot.observe.DatabaseReadiness;
import vn.warddesk.bot.retention.RetentionJob;
import vn.warddesk.bot.staff.Staff;

/**
 * Wires every feature from the configuration and the database, and registers their routes.
 * Tests build the same object over a test database, so what is tested is what runs.
 */
final class Features implements AutoCloseable {
    private final DataSource dataSource;
    private final CatalogStore catalog;
    private final CatalogService catalogService;
    private final Engine engine;
    private final Channels channels;
    private final Staff staff;
    private final MiniAppApi miniAppApi;

    private Features(DataSource dataSource, CatalogStore catalog, CatalogService catalogService, Engine engine,
                     Channels channels, Staff staff, MiniAppApi miniAppApi) {
        this.dataSource = dataSource;
        this.catalog = catalog;
        this.catalogService = catalogService;
        this.engine = engine;
        this.channels = channels;
        this.staff = staff;
        this.miniAppApi = miniAppApi;
    }

    static Features create(Config config, DataSource dataSource, Clock clock) {
        CatalogStore catalog = CatalogStore.load(config.get("catalog"), dataSource, clock);
        Engine engine = Engine.create(config, dataSource, catalog, clock);
        Channels channels = Channels.create(config, dataSource, clock, engine.conversations());
        var userIds = vn.warddesk.bot.privacy.KeyedHash.fromConfig(config);
        engine.webApi().verifyMiniAppUsersWith(
                token -> channels.miniAppVerifier().verifiedUserId(token).map(userIds::hash));
        Staff staff = Staff.create(config, dataSource, clock, engine.cases());
        CatalogService catalogService = CatalogService.create(catalog, config.get("admin.token").asString().orElse(""))
                .withEditors(staff::catalogEditor);
        MiniAppApi miniAppApi = MiniAppApi.create(config);
        return new Features(dataSource, catalog, catalogService, engine, channels, staff, miniAppApi);
    }

    /** The conversation engine and what hangs on it: cases, web API, staff case API, retention. */
    record Engine(ConversationEngine conversations, Cases cases, RetentionJob retention, WebConversationApi webApi,
                  CaseStatusApi caseStatusApi, StaffCaseApi staffCaseApi, PrivacyNoticeApi privacyNoticeApi) {
        static Engine create(Config config, DataSource dataSource, Catalog catalog, Clock clock) {
            Config section = config.get("conversation");
            String wardId = config.get("ward.default-id").asString().orElse(catalog.office().wardId());
            String baseUrl = section.get("public-base-url").asString().orElse("http://localhost:8080")
                    .replaceAll("/+$", "");
            var defaults = vn.warddesk.nlu.NluSettings.defaults();
            var nluSettings = new vn.warddesk.nlu.NluSettings(
                    section.get("confidence-threshold").asDouble().orElse(defaults.confidenceThreshold()),
                    defaults.ambiguityMargin(), defaults.caseCodePattern());
            Cases cases = new Cases(dataSource, catalog.office().caseCodePrefix(), catalog.office().zone());
            ConversationEngine engine = new ConversationEngine(
                    dataSource, catalog, vn.warddesk.nlu.Nlu.shipped(nluSettings),
                    new vn.warddesk.nlu.EntityExtractor(nluSettings.caseCodePattern()), cases,
                    new ConversationEngine.Settings(duration(section, "session-idle-timeout", "PT30M"),
                                                    section.get("max-field-attempts").asInt().orElse(3), baseUrl),
                    clock);
            Config r = config.get("retention");
            RetentionJob retention = new RetentionJob(dataSource, cases, new RetentionJob.Periods(
                    duration(r, "interval", "PT1H"), duration(r, "unsubmitted-intake", "PT24H"),
                    duration(r, "message-texts", "P90D"), duration(r, "closed-case-personal-fields", "P180D"),
                    duration(r, "consent-events", "P1825D")), clock);
            retention.start();
            String adminToken = config.get("admin.token").asString().orElse("");
            return new Engine(engine, cases, retention,
                              new WebConversationApi(engine, dataSource, catalog, wardId, baseUrl),
                              new CaseStatusApi(cases, catalog, baseUrl,
                                                section.get("status-lookups-per-minute").asInt().orElse(30), clock),
                              new StaffCaseApi(cases, catalog, wardId, adminToken, clock),
                              new PrivacyNoticeApi(catalog));
        }

        private static java.time.Duration duration(Config section, String key, String fallback) {
            String value = section.get(key).asString().orElse(fallback);
            try {
                return java.time.Duration.parse(value);
            } catch (java.time.format.DateTimeParseException e) {
                throw new io.helidon.config.ConfigException(section.key() + "." + key + " must be an ISO-8601 duration"
                                                            + " like PT30M or P90D, got '" + value + "'");
            }
        }

        void routing(HttpRouting.Builder routing) {
            routing.register("/api/v1/conversations", webApi);
            routing.register("/api/v1/cases", caseStatusApi);
            routing.register("/api/v1/staff/cases", staffCaseApi);
            routing.register("/api/v1/privacy-notice", privacyNoticeApi);
        }
    }

    /** The conversation engine, for channels (Telegram, Zalo) that feed it. */
    ConversationEngine conversations() {
        return engine.conversations();
    }

    /** Case operations for the staff feature (scope every call by ward). */
    Cases cases() {
        return engine.cases();
    }

    /** What citizens are told; other features (conversation engine, kiosk) read it from here. */
    Catalog catalog() {
        return catalog;
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
        // Staff sessions first: /api/v1/staff/cases with a session cookie is the console's; a request with only the
        // admin bearer token falls through to the engine's machine API registered after it.
        staff.routing(routing);
        engine.routing(routing);
        channels.routing(routing);
        routing.register("/api/v1/miniapp", miniAppApi);
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
        // Background workers (outbox dispatcher, retention job) stop here.
        channels.close();
        engine.retention().close();
    }
}
