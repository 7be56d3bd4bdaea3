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

import vn.warddesk.bot.store.StoreException;

/** The staff API under /api/v1/staff: sign-in, accounts, cases (ward-scoped), notes, audit, analytics, live events. */
final class StaffService implements HttpService {
    static final String COOKIE = "wd_staff";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final System.Logger LOGGER = System.getLogger(StaffService.class.getName());
    private static final int MAX_BODY = 16 * 1024;
    private static final java.util.regex.Pattern CASE_CODE = java.util.regex.Pattern.compile("[A-Z]{1,6}-\\d{4}-\\d{7}");
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
    private volatile IntakeFieldLabels fieldLabels = IntakeFieldLabels.NONE;

    StaffService(StaffAuth auth, StaffStore store, Audit audit, Analytics analytics, Optional<CaseDesk> cases,
                 StaffEvents events, StaffSettings settings, Clock clock) {
        this.auth = auth;
        this.store = store;
        this.audit = audit;
        this.analytics = analytics;
        this.cases = cases;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    void describeFieldsWith(IntakeFieldLabels labels) {
        this.fieldLabels = labels;
    }

    /** What a handler gets: the signed-in account, the session and the caller's address. */
    record Call(StaffAuth.Session session, String ip, ServerRequest request) {
        Account account() {
            return session.account();
        }

        String ward() {
            return session.account().wardId();
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

        rules.get("/accounts", secured(Role.ADMIN, false, this::accounts));
        rules.post("/accounts", secured(Role.ADMIN, false, this::createAccount));
        rules.post("/accounts/{id}/disable", secured(Role.ADMIN, false, call -> setDisabled(call, true)));
        rules.post("/accounts/{id}/enable", secured(Role.ADMIN, false, call -> setDisabled(call, false)));
        rules.post("/accounts/{id}/reset-password", secured(Role.ADMIN, false, this::resetPassword));
        rules.get("/officers", secured(Role.SUPERVISOR, false, this::officers));

        rules.get("/audit", secured(Role.SUPERVISOR, false, this::audit));
        rules.get("/audit.csv", (req, res) -> run(req, res, Role.SUPERVISOR, false, call -> auditCsv(call, res)));
        rules.get("/analytics", secured(Role.SUPERVISOR, false, this::analytics));
        rules.get("/events", (req, res) -> run(req, res, Role.OFFICER, false, call -> events(call, res)));

        rules.get("/cases", secured(Role.OFFICER, false, this::listCases));
        rules.get("/cases/{code}", secured(Role.OFFICER, false, this::openCase));
        rules.post("/cases/{code}/claim", secured(Role.OFFICER, false,
                                                 call -> change(call, "case.claim", "", desk -> desk.claim(call.ward(), code(call), call.account().username()))));
        rules.post("/cases/{code}/assign", secured(Role.SUPERVISOR, false, this::assign));
        rules.post("/cases/{code}/reply", secured(Role.OFFICER, false, this::reply));
        rules.post("/cases/{code}/handback", secured(Role.OFFICER, false,
                                                    call -> change(call, "case.handback", "", desk -> desk.handBack(call.ward(), code(call), call.account().username()))));
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

    /** Resolves the session, checks role, password state and CSRF, and turns failures into clean JSON answers. */
    private void run(ServerRequest req, ServerResponse res, Role role, boolean allowedBeforePasswordChange, Handler handler) {
        String ip = ip(req);
        if (!req.headers().cookies().contains(COOKIE)
            && req.headers().first(HeaderNames.AUTHORIZATION).map(h -> h.startsWith("Bearer ")).orElse(false)) {
            // Machine calls with the admin token (no staff session) go to the engine's token-protected API, if any.
            res.next();
            return;
        }
        try {
            String token = req.headers().cookies().first(COOKIE).orElse("");
            StaffAuth.Session session = auth.session(token)
                    .orElseThrow(() -> new ApiError(401, "signed_out", "Please sign in (your session has ended)."));
            boolean stateChanging = req.prologue().method() != Method.GET && req.prologue().method() != Method.HEAD;
            if (stateChanging && !auth.csrfValid(session, req.headers().first(HeaderNames.create(CSRF_HEADER)).orElse(null))) {
                audit.record(session.account(), "csrf.rejected", req.path().path(), "", ip);
                throw new ApiError(403, "csrf", "Missing or wrong CSRF token: reload the console and try again.");
            }
            if (session.account().mustChangePassword() && !allowedBeforePasswordChange) {
                throw new ApiError(403, "password_change_required", "Choose a new password before anything else.");
            }
            if (role != null && !session.account().can(role)) {
                throw ApiError.forbidden("Your account does not have the " + role.key() + " role.");
            }
            handler.handle(new Call(session, ip, req));
        } catch (ApiError e) {
            error(res, e);
        } catch (StoreException e) {
            LOGGER.log(System.Logger.Level.WARNING, "staff API database error: " + e.getMessage());
            error(res, new ApiError(503, "unavailable", "The database is not available; try again in a moment."));
        } catch (UncheckedIOException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "client went away");
        } catch (Exception e) {
            LOGGER.log(System.Logger.Level.ERROR, "staff API failure on " + req.path().path(), e);
            error(res, new ApiError(500, "internal", "Something went wrong; the error was logged."));
        }
    }

    private void error(ServerResponse res, ApiError e) {
        if (res.isSent()) {
            return;
        }
        if (e.retryAfterSeconds() > 0) {
            res.header(HeaderNames.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        send(res, e.status(), Map.of("error", e.error(), "message", e.getMessage()));
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

    private static JsonNode body(ServerRequest req) {
        if (req.headers().contentLength().orElse(0) > MAX_BODY) {
            throw new ApiError(413, "too_large", "The request body is larger than " + MAX_BODY + " bytes.");
        }
        byte[] bytes = req.content().as(byte[].class);
        if (bytes.length > MAX_BODY) {
            throw new ApiError(413, "too_large", "The request body is larger than " + MAX_BODY + " bytes.");
        }
        try {
            JsonNode node = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
            if (node == null || !node.isObject()) {
                throw ApiError.badRequest("The body must be a JSON object.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("The body is not valid JSON.");
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || !node.isTextual() ? "" : node.asText();
    }

    private String ip(ServerRequest req) {
        if (settings.trustForwardedHeaders()) {
            Optional<String> forwarded = req.headers().first(HeaderNames.X_FORWARDED_FOR);
            if (forwarded.isPresent()) {
                return forwarded.get().split(",")[0].trim();
            }
        }
        if (req.remotePeer().address() instanceof InetSocketAddress address && address.getAddress() != null) {
            return address.getAddress().getHostAddress();
        }
        return req.remotePeer().host();
    }

    private boolean secure(ServerRequest req) {
        return switch (settings.secureCookie()) {
            case "always" -> true;
            case "never" -> false;
            default -> req.isSecure() || (settings.trustForwardedHeaders()
                    && req.headers().first(HeaderNames.X_FORWARDED_PROTO).map("https"::equalsIgnoreCase).orElse(false));
        };
    }

    private SetCookie cookie(ServerRequest req, String value, Duration maxAge) {
        return SetCookie.builder(COOKIE, value).path("/").httpOnly(true).sameSite(SetCookie.SameSite.STRICT)
                .secure(secure(req)).maxAge(maxAge).build();
    }

    // ---- session

    private void login(ServerRequest req, ServerResponse res) {
        try {
            JsonNode body = body(req);
            StaffAuth.Session session = auth.login(text(body, "username"), text(body, "password"), ip(req));
            res.headers().addCookie(cookie(req, session.token(), settings.sessionMaxAge()));
            send(res, 200, me(session));
        } catch (ApiError e) {
            error(res, e);
        } catch (StoreException e) {
            LOGGER.log(System.Logger.Level.WARNING, "staff login database error: " + e.getMessage());
            error(res, new ApiError(503, "unavailable", "The database is not available; try again in a moment."));
        }
    }

    /**
     * For a console page being loaded: 200 with {"signedIn": false} when there is no valid session (so the browser
     * logs no error before anyone signed in), else what /me answers plus "signedIn": true.
     */
    private void session(ServerRequest req, ServerResponse res) {
        try {
            Optional<StaffAuth.Session> session = auth.session(req.headers().cookies().first(COOKIE).orElse(""));
            if (session.isEmpty()) {
                send(res, 200, Map.of("signedIn", false));
                return;
            }
            Map<String, Object> me = new LinkedHashMap<>(me(session.get()));
            me.put("signedIn", true);
            send(res, 200, me);
        } catch (StoreException e) {
            LOGGER.log(System.Logger.Level.WARNING, "staff session database error: " + e.getMessage());
            error(res, new ApiError(503, "unavailable", "The database is not available; try again in a moment."));
        }
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

    private Object changePassword(Call call) {
        JsonNode body = body(call.request());
        Account updated = auth.changePassword(call.session(), text(body, "currentPassword"), text(body, "newPassword"), call.ip());
        return me(new StaffAuth.Session(call.session().token(), updated));
    }

    // ---- accounts (admin, own ward only)

    private Object accounts(Call call) {
        return store.accounts(call.ward()).stream().map(StaffService::accountJson).toList();
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
        JsonNode body = body(call.request());
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (JsonNode r : body.path("roles")) {
            roles.add(Role.parse(r.asText()).orElseThrow(() -> ApiError.badRequest(
                    "Unknown role; use officer, supervisor, editor or admin.")));
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
            throw ApiError.badRequest("You cannot disable your own account.");
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
            throw new ApiError(404, "not_found", "No such account in your ward.");
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
            throw ApiError.badRequest("Dates must look like 2026-11-28.");
        }
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("limit must be a number.");
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
            throw ApiError.badRequest("days must be between 1 and 366.");
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
            return null; // the browser closed the stream
        } finally {
            events.unsubscribe(call.ward(), queue);
        }
    }

    // ---- cases

    private CaseDesk desk() {
        return cases.orElseThrow(() -> new ApiError(503, "cases_unavailable", "Case work is not available in this build."));
    }

    private static String code(Call call) {
        String code = call.request().path().pathParameters().get("code").toUpperCase(Locale.ROOT);
        if (!CASE_CODE.matcher(code).matches()) {
            throw ApiError.notFound();
        }
        return code;
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
            return ApiError.notFound();
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
            return ApiError.notFound();
        });
        return switch (result) {
            case CaseDesk.Refused refused -> {
                audit.record(call.account(), action + ".refused", "case:" + code, refused.reason(), call.ip());
                throw new ApiError(409, "conflict", refused.reason());
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
        JsonNode body = body(call.request());
        String officer = text(body, "officer");
        boolean known = store.accounts(call.ward()).stream()
                .anyMatch(a -> a.username().equals(officer) && !a.disabled() && a.can(Role.OFFICER));
        if (!known) {
            throw ApiError.badRequest("No active officer with that username in your ward.");
        }
        return change(call, "case.assign", "to " + officer, desk -> desk.assign(call.ward(), code(call), officer));
    }

    private Object reply(Call call) {
        JsonNode body = body(call.request());
        String text = text(body, "text").strip();
        if (text.isEmpty()) {
            throw ApiError.badRequest("Write a reply first.");
        }
        if (text.length() > 2000) {
            throw new ApiError(413, "too_long", "A reply can have at most 2000 characters.");
        }
        return change(call, "case.reply", "", desk -> desk.reply(call.ward(), code(call), call.account().username(), text));
    }

    private Object resolve(Call call) {
        JsonNode body = body(call.request());
        String outcome = text(body, "outcome").strip();
        if (outcome.isEmpty() || outcome.length() > 500) {
            throw ApiError.badRequest("Give an outcome of 1 to 500 characters.");
        }
        return change(call, "case.resolve", "", desk -> desk.resolve(call.ward(), code(call), call.account().username(), outcome));
    }

    /** The consent record behind a case, shaped after the Kantara Consent Receipt fields (audited: personal data). */
    private Object consentReceipt(Call call) {
        String code = code(call);
        CaseDesk.Detail detail = desk().detail(call.ward(), code).orElseThrow(ApiError::notFound);
        CaseDesk.Consent consent = detail.consent()
                .orElseThrow(() -> new ApiError(404, "no_consent", "This case has no consent record (a handoff)."));
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
        desk().detail(call.ward(), code).orElseThrow(ApiError::notFound);
        return store.notes(call.ward(), code);
    }

    private Object addNote(Call call) {
        String code = code(call);
        JsonNode body = body(call.request());
        String text = text(body, "text").strip();
        if (text.isEmpty()) {
            throw ApiError.badRequest("Write the note first.");
        }
        if (text.length() > settings.maxNoteLength()) {
            audit.record(call.account(), "case.note.rejected", "case:" + code, "too long: " + text.length(), call.ip());
            throw new ApiError(413, "too_long", "A note can have at most " + settings.maxNoteLength() + " characters.");
        }
        CaseDesk.Detail detail = desk().detail(call.ward(), code).orElseThrow(ApiError::notFound);
        if ("withdrawn".equals(detail.summary().status())) {
            throw new ApiError(409, "conflict", "The citizen withdrew this case: it is read-only.");
        }
        StaffStore.Note note = store.addNote(call.ward(), code, call.account(), text, clock.instant());
        audit.record(call.account(), "case.note", "case:" + code, "", call.ip());
        events.publish(call.ward(), code);
        return note;
    }
}
