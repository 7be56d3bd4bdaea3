package vn.warddesk.bot;

import java.time.Clock;

import javax.sql.DataSource;

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

    static Features create(WardDeskSettings settings, DataSource dataSource, Clock clock) {
        EdgeSettings edge = settings.edge();
        WardTexts texts = Engine.texts(settings.catalog());
        // One ward registry and one (cached) credential store for every feature, so a change reaches all at once.
        var registry = new vn.warddesk.bot.ward.WardStore(dataSource);
        var secrets = new vn.warddesk.bot.ward.WardChannelSecrets(dataSource, settings.secretKeys());
        WardCatalogs wards = WardCatalogs.load(settings.catalog(), edge.defaultWard(), dataSource, clock, registry);
        CatalogStore catalog = wards.defaultCatalog();
        Engine engine = Engine.create(settings, dataSource, catalog, wards, clock, texts, registry);
        Channels channels = Channels.create(settings.channels(), dataSource, clock, engine.conversations(), texts,
                                            registry, secrets);
        var userIds = new vn.warddesk.bot.privacy.KeyedHash(settings.privacyHashKey());
        engine.webApi().verifyMiniAppUsersWith(
                token -> channels.miniAppVerifier().verifiedUserId(token).map(userIds::hash));
        Staff staff = Staff.create(settings.staff(), dataSource, clock, engine.cases(), catalog,
                                   new Staff.Wards(registry, secrets));
        wards.provinceLayer().ifPresent(staff::editProvincesWith);
        CatalogService catalogService = CatalogService.create(wards, edge.adminToken())
                .withEditors(staff::catalogEditor);
        MiniAppApi miniAppApi = MiniAppApi.create(settings.channels());
        return new Features(dataSource, catalog, catalogService, engine, channels, staff, miniAppApi);
    }

    /** The conversation engine and what hangs on it: cases, web API, case status API, retention. */
    record Engine(ConversationEngine conversations, Cases cases, vn.warddesk.bot.cases.CasePage casePage,
                  RetentionJob retention, WebConversationApi webApi,
                  vn.warddesk.bot.channel.web.KioskDeviceApi kioskDeviceApi,
                  CaseStatusApi caseStatusApi, PrivacyNoticeApi privacyNoticeApi) {
        static Engine create(WardDeskSettings settings, DataSource dataSource, Catalog catalog, WardCatalogs wards,
                             Clock clock, WardTexts texts, vn.warddesk.bot.ward.WardStore registry) {
            EdgeSettings edge = settings.edge();
            ConversationEngine.Settings conversation = settings.conversation().engine();
            String baseUrl = conversation.publicBaseUrl();
            var defaults = vn.warddesk.nlu.NluSettings.defaults();
            var nluSettings = new vn.warddesk.nlu.NluSettings(settings.conversation().confidenceThreshold(),
                                                              defaults.ambiguityMargin(), CaseCode.IN_TEXT);
            var links = new vn.warddesk.bot.cases.CaseLinks(baseUrl, settings.privacyHashKey());
            links.warnIfLocal();
            // A case is numbered and shown with its own ward's content (prefix, procedure, fee, office).
            var caseCatalogs = new vn.warddesk.bot.cases.CaseCatalogs(wards.withContent(), catalog);
            Cases cases = new Cases(dataSource, caseCatalogs,
                                    vn.warddesk.bot.conversation.ConversationLog.access(vn.warddesk.bot.outbox.Outbox.QUEUE),
                                    conversation.sessionIdleTimeout(), java.util.Optional.of(links),
                                    texts);
            ConversationEngine engine = new ConversationEngine(
                    dataSource, catalog, wards, vn.warddesk.nlu.Nlu.shipped(nluSettings),
                    new vn.warddesk.nlu.EntityExtractor(nluSettings.caseCodePattern()), cases,
                    vn.warddesk.bot.outbox.Outbox.QUEUE,
                    conversation, clock, texts);
            RetentionJob retention = new RetentionJob(dataSource, cases, settings.retention(), clock);
            retention.start();
            var casePage = new vn.warddesk.bot.cases.CasePage(cases, caseCatalogs, links, clock, texts);
            var publicWard = new vn.warddesk.bot.channel.web.PublicWard(
                    registry, new vn.warddesk.bot.ward.KioskDevices(dataSource), settings.kiosk(), edge.defaultWard(),
                    clock);
            return new Engine(engine, cases, casePage, retention,
                              new WebConversationApi(engine, dataSource, catalog, edge, baseUrl).withCaseLinks(links)
                                      .withWards(publicWard).withTexts(texts).withCatalogs(wards.withContent()),
                              new vn.warddesk.bot.channel.web.KioskDeviceApi(publicWard, edge, clock),
                              new CaseStatusApi(cases, caseCatalogs, casePage, edge, clock),
                              new PrivacyNoticeApi(catalog, wards));
        }

        /** The shipped texts with each ward's overrides ({@code catalog.wards-dir}/<ward-id>/messages_*.properties). */
        static WardTexts texts(vn.warddesk.bot.catalog.CatalogSettings catalog) {
            try {
                return WardTexts.load(catalog.wardsDir());
            } catch (TextsRefused e) {
                throw new StartupFailure("ward texts refused: " + e.getMessage(), e);
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
