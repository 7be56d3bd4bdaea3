package vn.warddesk.bot;

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
import vn.warddesk.bot.catalog.WardCatalogs;
import vn.warddesk.bot.cases.CaseCode;
import vn.warddesk.bot.cases.CaseStatusApi;
import vn.warddesk.bot.cases.Cases;
import vn.warddesk.bot.channel.Channels;
import vn.warddesk.bot.channel.zalo.MiniAppApi;
import vn.warddesk.bot.channel.web.PrivacyNoticeApi;
import vn.warddesk.bot.channel.web.WebConversationApi;
import vn.warddesk.bot.conversation.ConversationEngine;
import vn.warddesk.bot.http.EdgeSettings;
import vn.warddesk.bot.http.ErrorEdge;
import vn.warddesk.bot.http.SecurityHeaders;
import vn.warddesk.bot.observe.DatabaseReadiness;
import vn.warddesk.bot.store.DatabaseCircuit;
import vn.warddesk.bot.retention.RetentionJob;
import vn.warddesk.bot.staff.Staff;
import vn.warddesk.bot.text.TextsRefused;
import vn.warddesk.bot.text.WardTexts;

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
    private final DatabaseCircuit circuit;
    private final MiniAppApi miniAppApi;

    private Features(DataSource dataSource, CatalogStore catalog, CatalogService catalogService, Engine engine,
                     Channels channels, Staff staff, MiniAppApi miniAppApi) {
        this.dataSource = dataSource;
        this.catalog = catalog;
        this.catalogService = catalogService;
        this.engine = engine;
        this.channels = channels;
        this.staff = staff;
        this.circuit = new DatabaseCircuit(dataSource);
        this.miniAppApi = miniAppApi;
    }

    static Features create(Config config, DataSource dataSource, Clock clock) {
        EdgeSettings edge = EdgeSettings.from(config);
        WardTexts texts = Engine.texts(config);
        WardCatalogs wards = WardCatalogs.load(config.get("catalog"), edge.defaultWard(), dataSource, clock);
        CatalogStore catalog = wards.defaultCatalog();
        Engine engine = Engine.create(config, edge, dataSource, catalog, wards, clock, texts);
        Channels channels = Channels.create(config, dataSource, clock, engine.conversations(), texts);
        var userIds = vn.warddesk.bot.privacy.KeyedHash.fromConfig(config);
        engine.webApi().verifyMiniAppUsersWith(
                token -> channels.miniAppVerifier().verifiedUserId(token).map(userIds::hash));
        Staff staff = Staff.create(config, dataSource, clock, engine.cases(), catalog);
        wards.provinceLayer().ifPresent(staff::editProvincesWith);
        CatalogService catalogService = CatalogService.create(wards, edge.adminToken())
                .withEditors(staff::catalogEditor);
        MiniAppApi miniAppApi = MiniAppApi.create(config);
        return new Features(dataSource, catalog, catalogService, engine, channels, staff, miniAppApi);
    }

    /** The conversation engine and what hangs on it: cases, web API, case status API, retention. */
    record Engine(ConversationEngine conversations, Cases cases, vn.warddesk.bot.cases.CasePage casePage,
                  RetentionJob retention, WebConversationApi webApi,
                  vn.warddesk.bot.channel.web.KioskDeviceApi kioskDeviceApi,
                  CaseStatusApi caseStatusApi, PrivacyNoticeApi privacyNoticeApi) {
        static Engine create(Config config, EdgeSettings edge, DataSource dataSource, Catalog catalog,
                             Catalog.ByWard wards, Clock clock, WardTexts texts) {
            Config section = config.get("conversation");
            String baseUrl = section.get("public-base-url").asString().orElse("http://localhost:8080")
                    .replaceAll("/+$", "");
            var defaults = vn.warddesk.nlu.NluSettings.defaults();
            var nluSettings = new vn.warddesk.nlu.NluSettings(
                    section.get("confidence-threshold").asDouble().orElse(defaults.confidenceThreshold()),
                    defaults.ambiguityMargin(), CaseCode.IN_TEXT);
            var links = new vn.warddesk.bot.cases.CaseLinks(baseUrl, config.get("privacy.hash-key").asString()
                    .orElse("demo-only-change-me-in-production"));
            links.warnIfLocal();
            Cases cases = new Cases(dataSource, catalog.office().caseCodePrefix(), catalog.office().zone(),
                                    vn.warddesk.bot.conversation.ConversationLog.access(vn.warddesk.bot.outbox.Outbox.QUEUE),
                                    duration(section, "session-idle-timeout", "PT30M"), java.util.Optional.of(links),
                                    texts);
            ConversationEngine engine = new ConversationEngine(
                    dataSource, catalog, wards, vn.warddesk.nlu.Nlu.shipped(nluSettings),
                    new vn.warddesk.nlu.EntityExtractor(nluSettings.caseCodePattern()), cases,
                    vn.warddesk.bot.outbox.Outbox.QUEUE,
                    new ConversationEngine.Settings(duration(section, "session-idle-timeout", "PT30M"),
                                                    section.get("max-field-attempts").asInt().orElse(3), baseUrl),
                    clock, texts);
            Config r = config.get("retention");
            RetentionJob retention = new RetentionJob(dataSource, cases, new RetentionJob.Periods(
                    duration(r, "interval", "PT1H"), duration(r, "unsubmitted-intake", "PT24H"),
                    duration(r, "message-texts", "P90D"), duration(r, "closed-case-personal-fields", "P180D"),
                    duration(r, "consent-events", "P1825D")), clock);
            retention.start();
            var casePage = new vn.warddesk.bot.cases.CasePage(cases, catalog, links, clock, texts);
            var publicWard = new vn.warddesk.bot.channel.web.PublicWard(
                    new vn.warddesk.bot.ward.WardStore(dataSource), new vn.warddesk.bot.ward.KioskDevices(dataSource),
                    vn.warddesk.bot.ward.KioskPairingSettings.from(config), edge.defaultWard(), clock);
            return new Engine(engine, cases, casePage, retention,
                              new WebConversationApi(engine, dataSource, catalog, edge, baseUrl).withCaseLinks(links)
                                      .withWards(publicWard).withTexts(texts),
                              new vn.warddesk.bot.channel.web.KioskDeviceApi(publicWard, edge, clock),
                              new CaseStatusApi(cases, catalog, casePage, edge),
                              new PrivacyNoticeApi(catalog));
        }

        /** The shipped texts with each ward's overrides ({@code catalog.wards-dir}/<ward-id>/messages_*.properties). */
        static WardTexts texts(Config config) {
            java.nio.file.Path dir = WardCatalogs.wardsDir(config.get("catalog"));
            try {
                return WardTexts.load(dir);
            } catch (TextsRefused e) {
                throw new StartupFailure("ward texts refused: " + e.getMessage(), e);
            }
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
            routing.register("/api/v1/kiosk", kioskDeviceApi);
            routing.register("/api/v1/cases", caseStatusApi);
            routing.register("/api/v1/privacy-notice", privacyNoticeApi);
            // The citizen's case page: one static page for every code, its script and style beside it.
            routing.get("/c/{code}", casePage::html);
            routing.register("/case-page", StaticContentService.builder("web/case").build());
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
        return new DatabaseReadiness(() -> !circuit.isOpen() && circuit.answers());
    }

    /** Server-level features (not routes): CORS for /api/v1/* from the Zalo Mini App's origins. */
    void configureServer(io.helidon.webserver.WebServerConfig.Builder server) {
        ErrorEdge.configureServer(server);
        channels.configureServer(server);
    }

    void routing(HttpRouting.Builder routing) {
        ErrorEdge.register(routing, circuit);
        SecurityHeaders.register(routing);
        routing.get("/", (req, res) -> {
            res.status(Status.TEMPORARY_REDIRECT_307).header(HeaderNames.LOCATION, "/kiosk/").send();
        });
        // /kiosk/{ward}/ opens the kiosk for one ward (files under /kiosk/ pass through to the static content).
        routing.get("/kiosk/{ward}/", engine.kioskDeviceApi()::wardPage);
        routing.get("/kiosk/{ward}", engine.kioskDeviceApi()::wardPage);
        routing.register("/kiosk", StaticContentService.builder("web/kiosk").welcomeFileName("index.html").build());
        routing.register("/staff", StaticContentService.builder("web/staff").welcomeFileName("index.html").build());
        staff.routing(routing);
        engine.routing(routing);
        channels.routing(routing);
        routing.register("/api/v1/miniapp", miniAppApi);
        routing.register("/api/v1", catalogService);
    }

    @Override
    public void close() {
        // Background workers (outbox dispatcher, retention job) stop here.
        channels.close();
        engine.retention().close();
    }
}
