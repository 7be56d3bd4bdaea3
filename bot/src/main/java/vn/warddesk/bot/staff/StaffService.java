package vn.warddesk.bot.staff;

import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.SetCookie;
import io.helidon.http.Status;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;

import vn.warddesk.bot.cases.CaseCode;
import vn.warddesk.bot.http.ApiProblem;
import vn.warddesk.bot.http.ClientAddress;
import vn.warddesk.bot.http.EdgeSettings;
import vn.warddesk.bot.http.HttpJson;
import vn.warddesk.bot.http.RequestLimit;
import vn.warddesk.bot.inbox.DeadLetters;

/** The staff API under /api/v1/staff: sign-in, accounts, cases (ward-scoped), notes, audit, analytics, live events. */
final class StaffService implements HttpService {
    static final String COOKIE = "wd_staff";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final System.Logger LOGGER = System.getLogger(StaffService.class.getName());
    private static final int MAX_BODY = 16 * 1024;
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module());

    private final StaffAuth auth;
    private final StaffStore store;
    private final Audit audit;
    private final Analytics analytics;
    private final Optional<CaseDesk> cases;
    private final StaffEvents events;
    private final StaffSettings settings;
    private final Clock clock;
    private final ClientAddress clientAddress;
    private final DeadLetters deadLetters;
    private final SecondFactor secondFactor;
    private final RequestLimit signInsPerClient;
    private final RequestLimit signInsGlobal;
    private volatile IntakeFieldLabels fieldLabels = IntakeFieldLabels.NONE;
    private final WardChannelsApi wardChannels;
    private final WardPolicy wardPolicy;
    private final KioskDeviceAdmin kioskDevices;
    private final ProvinceAdmin provinceAdmin;

    StaffService(StaffAuth auth, StaffStore store, Audit audit, Analytics analytics, Optional<CaseDesk> cases,
                 StaffEvents events, StaffSettings settings, Clock clock, SecondFactor secondFactor,
                 DeadLetters deadLetters, WardChannelsApi wardChannels, vn.warddesk.bot.ward.WardStore wards,
                 vn.warddesk.bot.ward.KioskDevices devices, Duration pairingCodeTtl) {
        this.wardChannels = wardChannels;
        this.secondFactor = secondFactor;
        this.deadLetters = deadLetters;
        this.clientAddress = ClientAddress.of(settings.edge());
        EdgeSettings.Limits limits = settings.edge().limits();
        this.signInsPerClient = RequestLimit.perKey("sign-in attempts from this address", limits.signInsPerClient(), limits);
        this.signInsGlobal = RequestLimit.global("sign-in attempts", limits.signInsGlobal(), limits);
        this.auth = auth;
        this.store = store;
        this.audit = audit;
        this.analytics = analytics;
        this.cases = cases;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.wardPolicy = new WardPolicy(wards, secondFactor, audit, clock);
        this.kioskDevices = new KioskDeviceAdmin(devices, wards, pairingCodeTtl, audit, clock);
        this.provinceAdmin = new ProvinceAdmin(wards, auth, new ProvinceAnalytics(store.dataSource()), audit, clock);
    }

    /**
     * What a handler gets: the signed-in account (or the machine holding the admin token), the session, the caller's
     * address, and the request whose JSON body is read at most once.
     */
    static final class Call {
        private final StaffAuth.Session session;
        private final String ip;
        private final ServerRequest request;
        private final boolean machine;
        private JsonNode body;

        Call(StaffAuth.Session session, String ip, ServerRequest request, boolean machine) {
            this.session = session;
            this.ip = ip;
            this.request = request;
            this.machine = machine;
        }

        StaffAuth.Session session() {
            return session;
        }

        String ip() {
            return ip;
        }

        ServerRequest request() {
            return request;
        }

        Account account() {
            return session.account();
        }

        String ward() {
            return session.account().wardId();
        }

        JsonNode body() {
            if (body == null) {
                body = HttpJson.object(request, MAX_BODY);
            }
            return body;
        }

        /** Who acts on a case: the signed-in member of staff, or for a machine the "officer" it names (default admin). */
        String actor() {
            if (!machine) {
                return account().username();
            }
            boolean hasBody = body != null || request.content().hasEntity();
            String officer = hasBody ? HttpJson.text(body(), "officer").map(String::strip).orElse("admin") : "admin";
            if (officer.isEmpty() || officer.length() > 80) {
                throw ApiProblem.badRequest("'officer' must be 1 to 80 characters.");
            }
            return officer;
        }
    }

    @FunctionalInterface
    interface Handler {
        Object handle(Call call) throws Exception;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/login", this::login);
        rules.get("/me", secured(null, true, call -> me(call)));
        rules.get("/session", this::session);
        rules.post("/logout", (req, res) -> run(req, res, null, true, call -> logout(call, res)));
        rules.post("/password", secured(null, true, this::changePassword));
        rules.post("/second-factor/enrol", secured(null, true, this::enrolSecondFactor));
        rules.post("/second-factor/confirm", secured(null, true, this::confirmSecondFactor));
        rules.post("/accounts/{id}/reset-second-factor", secured(Role.ADMIN, false, this::resetSecondFactor));

        rules.get("/accounts", secured(Role.ADMIN, false, this::accounts));
        rules.post("/accounts", secured(Role.ADMIN, false, this::createAccount));
        rules.post("/accounts/{id}/disable", secured(Role.ADMIN, false, call -> setDisabled(call, true)));
        rules.post("/accounts/{id}/enable", secured(Role.ADMIN, false, call -> setDisabled(call, false)));
        rules.post("/accounts/{id}/reset-password", secured(Role.ADMIN, false, this::resetPassword));
        rules.get("/officers", secured(Role.SUPERVISOR, false, this::officers));
        rules.get("/dead-letters", secured(Role.ADMIN, false, this::deadLetters));
        rules.get("/channels", secured(Role.ADMIN, false, wardChannels::status));
        rules.put("/channels", secured(Role.ADMIN, false, wardChannels::update));
        rules.get("/ward", secured(Role.ADMIN, false, wardPolicy::show));
        rules.post("/ward/officer-second-factor", secured(Role.ADMIN, false, wardPolicy::setOfficerSecondFactor));
        rules.post("/kiosk-devices/pairing-codes", secured(Role.ADMIN, false, kioskDevices::issueCode));
        rules.get("/kiosk-devices", secured(Role.ADMIN, false, kioskDevices::list));
        rules.post("/kiosk-devices/{id}/revoke", secured(Role.ADMIN, false, kioskDevices::revoke));
        rules.get("/province", secured(Role.PROVINCE_ADMIN, false, provinceAdmin::province));
        rules.post("/province/wards", secured(Role.PROVINCE_ADMIN, false, provinceAdmin::createWard));
        rules.post("/province/wards/{ward}/accounts", secured(Role.PROVINCE_ADMIN, false, provinceAdmin::createAccount));
        rules.get("/province/analytics", secured(Role.PROVINCE_ADMIN, false, provinceAdmin::analytics));
        rules.get("/province/procedures/{id}", secured(Role.PROVINCE_ADMIN, false, provinceAdmin::provinceProcedure));
        rules.put("/province/procedures/{id}", secured(Role.PROVINCE_ADMIN, false, provinceAdmin::saveProvinceProcedure));
        rules.get("/province/procedures/{id}/versions",
                  secured(Role.PROVINCE_ADMIN, false, provinceAdmin::provinceProcedureVersions));

        rules.get("/audit", secured(Role.SUPERVISOR, false, this::audit));
        rules.get("/audit.csv", (req, res) -> run(req, res, Role.SUPERVISOR, false, call -> auditCsv(call, res)));
        rules.get("/analytics", secured(Role.SUPERVISOR, false, this::analytics));
        rules.get("/events", (req, res) -> run(req, res, Role.OFFICER, false, call -> events(call, res)));

        rules.get("/cases", secured(Role.OFFICER, false, this::listCases));
        rules.get("/cases/{code}", secured(Role.OFFICER, false, this::openCase));
        rules.post("/cases/{code}/claim", secured(Role.OFFICER, false,
                                                 call -> change(call, "case.claim", "", desk -> desk.claim(call.ward(), code(call), call.actor()))));
        rules.post("/cases/{code}/assign", secured(Role.SUPERVISOR, false, this::assign));
        rules.post("/cases/{code}/reply", secured(Role.OFFICER, false, this::reply));
        rules.post("/cases/{code}/handback", secured(Role.OFFICER, false,
                                                    call -> change(call, "case.handback", "", desk -> desk.handBack(call.ward(), code(call), call.actor()))));
        rules.post("/cases/{code}/resolve", secured(Role.OFFICER, false, this::resolve));
        rules.get("/cases/{code}/consent-receipt", secured(Role.OFFICER, false, this::consentReceipt));
        rules.get("/cases/{code}/notes", secured(Role.OFFICER, false, this::notes));
        rules.post("/cases/{code}/notes", secured(Role.OFFICER, false, this::addNote));
    }

    // ---- plumbing

    private io.helidon.webserver.http.Handler secured(Role role, boolean allowedBeforePasswordChange, Handler handler) {
        return (req, res) -> run(req, res, role, allowedBeforePasswordChange, call -> {
            Object body = handler.handle(call);
            if (body != null) {
                send(res, 200, body);
            } else if (!res.isSent()) {
                res.status(Status.NO_CONTENT_204).send();
            }
            return null;
        });
    }

    /**
     * Resolves the caller — a staff session (cookie), or a machine holding the admin bearer token, which works the
     * default ward's cases as officer and supervisor (never accounts) — and checks role, password state and CSRF.
     * Failures are thrown as {@link ApiProblem} and answered by the error edge.
     */
    private void run(ServerRequest req, ServerResponse res, Role role, boolean allowedBeforePasswordChange, Handler handler)
            throws Exception {
        String ip = clientAddress.of(req);
        if (!req.headers().cookies().contains(COOKIE) && HttpJson.bearer(req).isPresent()) {
            if (!HttpJson.isAdmin(req, settings.adminToken())) {
                throw new ApiProblem(401, "unauthorized", "A valid admin bearer token is required.");
            }
            if (role == null || !MACHINE.can(role) || !MACHINE_PATHS.matcher(req.path().absolute().path()).matches()) {
                throw ApiProblem.forbidden("The admin token lists and works cases; everything else needs a signed-in account.");
            }
            handler.handle(new Call(new StaffAuth.Session("", machineAccount()), ip, req, true));
            return;
        }
        String token = req.headers().cookies().first(COOKIE).orElse("");
        StaffAuth.Session session = auth.session(token)
                .orElseThrow(() -> new ApiProblem(401, "signed_out", "Please sign in (your session has ended)."));
        boolean stateChanging = req.prologue().method() != Method.GET && req.prologue().method() != Method.HEAD;
        if (stateChanging && !auth.csrfValid(session, req.headers().first(HeaderNames.create(CSRF_HEADER)).orElse(null))) {
            audit.record(session.account(), "csrf.rejected", req.path().path(), "", ip);
            throw new ApiProblem(403, "csrf", "Missing or wrong CSRF token: reload the console and try again.");
        }
        if (session.account().mustChangePassword() && !allowedBeforePasswordChange) {
            throw new ApiProblem(403, "password_change_required", "Choose a new password before anything else.");
        }
        if (!allowedBeforePasswordChange && secondFactor.mustEnrol(session.account())) {
            throw new ApiProblem(403, "second_factor_enrolment_required",
                                 "Set up the second factor (authenticator app) before anything else.");
        }
        if (role != null && !session.account().can(role)) {
            throw ApiProblem.forbidden("Your account does not have the " + role.key() + " role.");
        }
        handler.handle(new Call(session, ip, req, false));
    }

    /** What the admin token may call: the case list, a case, and claim / reply / hand back / resolve (no notes). */
    private static final java.util.regex.Pattern MACHINE_PATHS = java.util.regex.Pattern.compile(
            "/api/v1/staff/cases(/[^/]+(/(claim|reply|handback|resolve))?)?/?");

    /** The admin token as a machine role: case work in the default ward (settings), audited as "admin-token". */
    private static final Account MACHINE = new Account(-1, "", "admin-token", "admin token", Set.of(Role.SUPERVISOR),
                                                       false, false, false);

    private Account machineAccount() {
        return new Account(MACHINE.id(), settings.defaultWard(), MACHINE.username(), MACHINE.displayName(),
                           MACHINE.roles(), false, false, false);
    }

    static void send(ServerResponse res, int status, Object body) {
        try {
            res.status(Status.create(status));
            res.header(HeaderNames.CONTENT_TYPE, "application/json; charset=UTF-8");
            res.header(HeaderNames.CACHE_CONTROL, "no-store");
            res.send(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonNode body, String field) {
        return HttpJson.textOrEmpty(body, field);
    }

    static Set<Role> roles(JsonNode body) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (JsonNode r : body.path("roles")) {
            roles.add(Role.parse(r.asText()).orElseThrow(() -> ApiProblem.badRequest(
                    "Unknown role; use officer, supervisor, editor or admin.")));
        }
        return roles;
    }

    static String textField(JsonNode body, String field) {
        return text(body, field);
    }

    private boolean secure(ServerRequest req) {
        return switch (settings.secureCookie()) {
            case "always" -> true;
            case "never" -> false;
            default -> req.isSecure() || (clientAddress.fromTrustedProxy(req)
                    && req.headers().first(HeaderNames.X_FORWARDED_PROTO).map("https"::equalsIgnoreCase).orElse(false));
        };
    }

    private SetCookie cookie(ServerRequest req, String value, Duration maxAge) {
        return SetCookie.builder(COOKIE, value).path("/").httpOnly(true).sameSite(SetCookie.SameSite.STRICT)
                .secure(secure(req)).maxAge(maxAge).build();
    }

    // ---- session

    private void login(ServerRequest req, ServerResponse res) {
        String ip = clientAddress.of(req);
        signInsPerClient.take(ip);
        signInsGlobal.take();
        JsonNode body = HttpJson.object(req, MAX_BODY);
        StaffAuth.Session session = auth.login(text(body, "username"), text(body, "password"), text(body, "code"),
                                               ip);
        res.headers().addCookie(cookie(req, session.token(), settings.sessionMaxAge()));
        send(res, 200, me(session));
    }

    /**
     * For a console page being loaded: 200 with {"signedIn": false} when there is no valid session (so the browser
     * logs no error before anyone signed in), else what /me answers plus "signedIn": true.
     */
    private void session(ServerRequest req, ServerResponse res) {
        Optional<StaffAuth.Session> session = auth.session(req.headers().cookies().first(COOKIE).orElse(""));
        if (session.isEmpty()) {
            send(res, 200, Map.of("signedIn", false));
            return;
        }
        Map<String, Object> me = new LinkedHashMap<>(me(session.get()));
        me.put("signedIn", true);
        send(res, 200, me);
    }

    /** Lets province admins edit their province's layer (fees and processing times). */
    void editProvincesWith(vn.warddesk.bot.catalog.ProvinceLayer layer) {
        provinceAdmin.editWith(layer);
    }

    void describeFieldsWith(IntakeFieldLabels labels) {
        this.fieldLabels = labels;
    }

    private Map<String, Object> me(Call call) {
        return me(call.session());
    }

    private Map<String, Object> me(StaffAuth.Session session) {
        Account a = session.account();
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("username", a.username());
        me.put("displayName", a.displayName());
        me.put("wardId", a.wardId());
        me.put("roles", a.roles().stream().sorted().map(Role::key).toList());
        me.put("mustChangePassword", a.mustChangePassword());
        me.put("demo", a.demo());
        me.put("secondFactor", Map.of("required", secondFactor.required(a), "enabled", secondFactor.enabled(a.id())));
        me.put("csrfToken", auth.csrfToken(session));
        me.put("idleTimeoutSeconds", settings.sessionIdleTimeout().toSeconds());
        return me;
    }

    private Object logout(Call call, ServerResponse res) {
        auth.logout(call.session(), call.ip());
        // The cookie is cleared with the same attributes it was set with.
        res.headers().addCookie(cookie(call.request(), "", Duration.ZERO));
        send(res, 200, Map.of("signedOut", true));
        return null;
    }

    private Object enrolSecondFactor(Call call) {
        SecondFactor.Enrolment enrolment = secondFactor.enrol(call.account());
        audit.record(call.account(), "second_factor.enrol", "account:" + call.account().username(), "", call.ip());
        return Map.of("secret", enrolment.secret(), "otpauthUri", enrolment.otpauthUri(), "qrSvg", enrolment.qrSvg());
    }

    private Object confirmSecondFactor(Call call) {
        List<String> codes = secondFactor.confirm(call.account(), text(call.body(), "code"), call.ip());
        Map<String, Object> json = me(call.session());
        json.put("recoveryCodes", codes);
        return json;
    }

    private Object resetSecondFactor(Call call) {
        long id = accountId(call);
        secondFactor.reset(call.ward(), id);
        audit.record(call.account(), "account.reset_second_factor", "account:" + id, "", call.ip());
        return Map.of("id", id, "secondFactorReset", true);
    }

    private Object changePassword(Call call) {
        JsonNode body = call.body();
        Account updated = auth.changePassword(call.session(), text(body, "currentPassword"), text(body, "newPassword"), call.ip());
        return me(new StaffAuth.Session(call.session().token(), updated));
    }

    // ---- accounts (admin, own ward only)

    private Object accounts(Call call) {
        return store.accounts(call.ward()).stream().map(StaffService::accountJson).toList();
    }

    /** Platform events set aside because they can never be handled (no text, no user ids): for admins. */
    private Object deadLetters(Call call) {
        return Map.of("deadLetters", deadLetters.newest(200));
    }

    private Object officers(Call call) {
        return store.accounts(call.ward()).stream().filter(a -> !a.disabled() && a.can(Role.OFFICER))
                .map(a -> Map.of("username", a.username(), "displayName", a.displayName())).toList();
    }

    static Map<String, Object> accountJson(Account a) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", a.id());
        json.put("username", a.username());
        json.put("displayName", a.displayName());
        json.put("roles", a.roles().stream().sorted().map(Role::key).toList());
        json.put("mustChangePassword", a.mustChangePassword());
        json.put("disabled", a.disabled());
        json.put("demo", a.demo());
        return json;
    }

    private Object createAccount(Call call) {
        JsonNode body = call.body();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (JsonNode r : body.path("roles")) {
            roles.add(Role.parse(r.asText()).orElseThrow(() -> ApiProblem.badRequest(
                    "Unknown role; use officer, supervisor, editor or admin.")));
        }
        if (roles.contains(Role.PROVINCE_ADMIN)) {
            throw ApiProblem.forbidden("A ward admin cannot make province admins (the command line does).");
        }
        StaffAuth.Created created = auth.createAccount(call.ward(), text(body, "username"), text(body, "displayName"), roles);
        audit.record(call.account(), "account.create", "account:" + created.account().username(), Role.csv(roles), call.ip());
        Map<String, Object> json = accountJson(created.account());
        json.put("oneTimePassword", created.oneTimePassword());
        return json;
    }

    private Object setDisabled(Call call, boolean disabled) {
        long id = accountId(call);
        if (id == call.account().id()) {
            throw ApiProblem.badRequest("You cannot disable your own account.");
        }
        auth.setDisabled(call.ward(), id, disabled);
        audit.record(call.account(), disabled ? "account.disable" : "account.enable", "account:" + id, "", call.ip());
        return Map.of("id", id, "disabled", disabled);
    }

    private Object resetPassword(Call call) {
        long id = accountId(call);
        String password = auth.resetPassword(call.ward(), id);
        audit.record(call.account(), "account.reset_password", "account:" + id, "", call.ip());
        return Map.of("id", id, "oneTimePassword", password);
    }

    private static long accountId(Call call) {
        try {
            return Long.parseLong(call.request().path().pathParameters().get("id"));
        } catch (NumberFormatException e) {
            throw new ApiProblem(404, "not_found", "No such account in your ward.");
        }
    }

    // ---- audit and analytics (supervisor)

    private StaffStore.AuditFilter auditFilter(Call call, int defaultLimit) {
        var q = call.request().query();
        return new StaffStore.AuditFilter(
                q.first("actor").asOptional().filter(s -> !s.isBlank()),
                q.first("action").asOptional().filter(s -> !s.isBlank()),
                q.first("target").asOptional().filter(s -> !s.isBlank()),
                q.first("from").asOptional().filter(s -> !s.isBlank()).map(StaffService::day),
                q.first("to").asOptional().filter(s -> !s.isBlank()).map(s -> day(s).plus(Duration.ofDays(1))),
                q.first("limit").asOptional().map(StaffService::number).orElse(defaultLimit));
    }

    private static Instant day(String text) {
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("Dates must look like 2026-11-28.");
        }
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("limit must be a number.");
        }
    }

    private Object audit(Call call) {
        return store.auditEntries(call.ward(), auditFilter(call, 200));
    }

    private Object auditCsv(Call call, ServerResponse res) {
        StaffStore.AuditFilter filter = auditFilter(call, 10_000);
        List<StaffStore.AuditEntry> entries = store.auditEntries(call.ward(), filter);
        audit.record(call.account(), "audit.export", "audit_log", entries.size() + " rows", call.ip());
        StringBuilder csv = new StringBuilder("id,at,actor,action,target,detail\r\n");
        for (StaffStore.AuditEntry e : entries) {
            csv.append(e.id()).append(',').append(e.at()).append(',').append(Csv.cell(e.actor())).append(',')
                    .append(Csv.cell(e.action())).append(',').append(Csv.cell(e.target())).append(',')
                    .append(Csv.cell(e.detail())).append("\r\n");
        }
        res.header(HeaderNames.CONTENT_TYPE, "text/csv; charset=UTF-8");
        res.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"audit-" + call.ward() + ".csv\"");
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send(csv.toString().getBytes(StandardCharsets.UTF_8));
        return null;
    }

    private Object analytics(Call call) {
        var q = call.request().query();
        int days = q.first("days").asOptional().map(StaffService::number).orElse(30);
        if (days < 1 || days > 366) {
            throw ApiProblem.badRequest("days must be between 1 and 366.");
        }
        return analytics.report(call.ward(), days);
    }

    // ---- live events

    /**
     * Server-Sent Events for the session's ward: "case-changed" whenever a case of the ward changes (by this
     * instance at once; by other instances or the engine within the poll interval), and a comment every 15 s so
     * proxies keep the stream open. The stream ends with the session.
     */
    private Object events(Call call, ServerResponse res) throws InterruptedException {
        BlockingQueue<String> queue = events.subscribe(call.ward());
        try (SseSink sink = res.sink(SseSink.TYPE)) {
            String version = cases.map(d -> d.version(call.ward())).orElse("");
            sink.emit(SseEvent.builder().name("ready").data("{}").reconnectDelay(Duration.ofSeconds(3)).build());
            Instant lastBeat = clock.instant();
            Instant lastSessionCheck = clock.instant();
            while (true) {
                String event = queue.poll(events.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                String now = cases.map(d -> d.version(call.ward())).orElse("");
                if (event != null || !now.equals(version)) {
                    version = now;
                    queue.clear();
                    sink.emit(SseEvent.builder().name("case-changed").data(event == null ? "{}" : event).build());
                } else if (Duration.between(lastBeat, clock.instant()).toSeconds() >= 15) {
                    sink.emit(SseEvent.builder().comment("keep-alive").build());
                    lastBeat = clock.instant();
                }
                if (Duration.between(lastSessionCheck, clock.instant()).toSeconds() >= 60) {
                    lastSessionCheck = clock.instant();
                    if (auth.session(call.session().token()).isEmpty()) {
                        sink.emit(SseEvent.builder().name("signed-out").data("{}").build());
                        return null;
                    }
                }
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            return null; // the browser closed the stream (nothing can be answered any more)
        } finally {
            events.unsubscribe(call.ward(), queue);
        }
    }

    // ---- cases

    /** The same answer for "does not exist" and "belongs to another ward": existence must not leak. */
    static ApiProblem caseNotFound() {
        return ApiProblem.notFound("No such case in your ward.");
    }

    private CaseDesk desk() {
        return cases.orElseThrow(() -> new ApiProblem(503, "cases_unavailable", "Case work is not available in this build."));
    }

    private static String code(Call call) {
        return CaseCode.normalize(call.request().path().pathParameters().get("code")).orElseThrow(StaffService::caseNotFound);
    }

    private Object listCases(Call call) {
        var q = call.request().query();
        Optional<Duration> olderThan = q.first("olderThanHours").asOptional().filter(s -> !s.isBlank())
                .map(s -> Duration.ofHours(number(s)));
        Optional<Duration> newerThan = q.first("newerThanHours").asOptional().filter(s -> !s.isBlank())
                .map(s -> Duration.ofHours(number(s)));
        Instant now = clock.instant();
        CaseDesk.Query query = new CaseDesk.Query(
                q.first("status").asOptional().filter(s -> !s.isBlank()),
                q.first("procedure").asOptional().filter(s -> !s.isBlank()),
                q.first("channel").asOptional().filter(s -> !s.isBlank()),
                olderThan.map(now::minus), newerThan.map(now::minus), 500);
        List<Map<String, Object>> list = new ArrayList<>();
        for (CaseDesk.Summary s : desk().list(call.ward(), query)) {
            list.add(summaryJson(s, now));
        }
        return Map.of("cases", list, "claimWithinMinutes", settings.claimWithin().toMinutes());
    }

    private Map<String, Object> summaryJson(CaseDesk.Summary s, Instant now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", s.code());
        json.put("procedure", s.procedure());
        json.put("procedureName", s.procedureName());
        json.put("channel", s.channel());
        json.put("status", s.status());
        json.put("withdrawn", "withdrawn".equals(s.status()));
        json.put("claimedBy", s.claimedBy().orElse(null));
        json.put("createdAt", s.createdAt());
        json.put("updatedAt", s.updatedAt());
        long ageMinutes = Duration.between(s.createdAt(), now).toMinutes();
        json.put("ageMinutes", ageMinutes);
        // SLA: a new case should be claimed within staff.claim-within; "late" past it, "due" in its last quarter.
        long limit = settings.claimWithin().toMinutes();
        String sla = !"new".equals(s.status()) ? "ok" : ageMinutes >= limit ? "late" : ageMinutes >= limit * 3 / 4 ? "due" : "ok";
        json.put("sla", sla);
        return json;
    }

    private Object openCase(Call call) {
        String code = code(call);
        CaseDesk.Detail detail = desk().detail(call.ward(), code).orElseThrow(() -> {
            audit.record(call.account(), "case.not_found", "case:" + code, "", call.ip());
            return caseNotFound();
        });
        // Opening a case shows personal data: always audited.
        audit.record(call.account(), "case.view", "case:" + code, "", call.ip());
        Map<String, Object> json = summaryJson(detail.summary(), clock.instant());
        json.put("conversationId", detail.conversationId());
        json.put("fields", detail.fields());
        json.put("fieldDefinitions", fieldLabels.describe(detail.summary().procedure()));
        json.put("consent", detail.consent().orElse(null));
        json.put("transcript", detail.transcript());
        json.put("deliveries", detail.deliveries());
        json.put("outcome", detail.outcome().orElse(null));
        json.put("notes", store.notes(call.ward(), code));
        json.put("readOnly", "withdrawn".equals(detail.summary().status()) || "resolved".equals(detail.summary().status()));
        return json;
    }

    @FunctionalInterface
    private interface DeskChange {
        Optional<CaseDesk.Change> apply(CaseDesk desk);
    }

    private Object change(Call call, String action, String detail, DeskChange change) {
        String code = code(call);
        CaseDesk.Change result = change.apply(desk()).orElseThrow(() -> {
            audit.record(call.account(), "case.not_found", "case:" + code, action, call.ip());
            return caseNotFound();
        });
        return switch (result) {
            case CaseDesk.Refused refused -> {
                audit.record(call.account(), action + ".refused", "case:" + code, refused.reason(), call.ip());
                throw new ApiProblem(409, "conflict", refused.reason());
            }
            case CaseDesk.Done done -> {
                audit.record(call.account(), action, "case:" + code, detail, call.ip());
                events.publish(call.ward(), code);
                Map<String, Object> json = summaryJson(done.summary(), clock.instant());
                done.delivery().ifPresent(d -> json.put("delivery", d));
                yield json;
            }
        };
    }

    private Object assign(Call call) {
        JsonNode body = call.body();
        String officer = text(body, "officer");
        boolean known = store.accounts(call.ward()).stream()
                .anyMatch(a -> a.username().equals(officer) && !a.disabled() && a.can(Role.OFFICER));
        if (!known) {
            throw ApiProblem.badRequest("No active officer with that username in your ward.");
        }
        return change(call, "case.assign", "to " + officer, desk -> desk.assign(call.ward(), code(call), officer));
    }

    private Object reply(Call call) {
        JsonNode body = call.body();
        String text = text(body, "text").strip();
        if (text.isEmpty()) {
            throw ApiProblem.badRequest("Write a reply first.");
        }
        if (text.length() > 2000) {
            throw new ApiProblem(413, "too_long", "A reply can have at most 2000 characters.");
        }
        return change(call, "case.reply", "", desk -> desk.reply(call.ward(), code(call), call.actor(), text));
    }

    private Object resolve(Call call) {
        JsonNode body = call.body();
        String outcome = text(body, "outcome").strip();
        if (outcome.isEmpty() || outcome.length() > 500) {
            throw ApiProblem.badRequest("Give an outcome of 1 to 500 characters.");
        }
        return change(call, "case.resolve", "", desk -> desk.resolve(call.ward(), code(call), call.actor(), outcome));
    }

    /** The consent record behind a case, shaped after the Kantara Consent Receipt fields (audited: personal data). */
    private Object consentReceipt(Call call) {
        String code = code(call);
        CaseDesk.Detail detail = desk().detail(call.ward(), code).orElseThrow(StaffService::caseNotFound);
        CaseDesk.Consent consent = detail.consent()
                .orElseThrow(() -> new ApiProblem(404, "no_consent", "This case has no consent record (a handoff)."));
        audit.record(call.account(), "case.consent_receipt", "case:" + code, "", call.ip());
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("version", "KI-CR-v1.1.0");
        receipt.put("consentReceiptID", "consent-" + consent.id());
        receipt.put("jurisdiction", "VN");
        receipt.put("consentTimestamp", consent.at().getEpochSecond());
        receipt.put("collectionMethod", consent.method());
        receipt.put("piiControllers", List.of(Map.of("piiController", "Ủy ban nhân dân " + call.ward())));
        receipt.put("policyUrl", "notice:" + consent.noticeVersion());
        receipt.put("noticeSha256", consent.textSha256());
        receipt.put("decision", consent.decision());
        receipt.put("withdrawnAt", consent.withdrawnAt().orElse(null));
        receipt.put("caseCode", code);
        receipt.put("channel", detail.summary().channel());
        return receipt;
    }

    private Object notes(Call call) {
        String code = code(call);
        desk().detail(call.ward(), code).orElseThrow(StaffService::caseNotFound);
        return store.notes(call.ward(), code);
    }

    private Object addNote(Call call) {
        String code = code(call);
        JsonNode body = call.body();
        String text = text(body, "text").strip();
        if (text.isEmpty()) {
            throw ApiProblem.badRequest("Write the note first.");
        }
        if (text.length() > settings.maxNoteLength()) {
            audit.record(call.account(), "case.note.rejected", "case:" + code, "too long: " + text.length(), call.ip());
            throw new ApiProblem(413, "too_long", "A note can have at most " + settings.maxNoteLength() + " characters.");
        }
        CaseDesk.Detail detail = desk().detail(call.ward(), code).orElseThrow(StaffService::caseNotFound);
        if ("withdrawn".equals(detail.summary().status())) {
            throw new ApiProblem(409, "conflict", "The citizen withdrew this case: it is read-only.");
        }
        StaffStore.Note note = store.addNote(call.ward(), code, call.account(), text, clock.instant());
        audit.record(call.account(), "case.note", "case:" + code, "", call.ip());
        events.publish(call.ward(), code);
        return note;
    }
}
