package vn.warddesk.bot.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import vn.warddesk.bot.http.ApiProblem;
import vn.warddesk.bot.http.HttpJson;

/**
 * The catalog over HTTP, registered under /api/v1: the public read API (kiosk, Mini App) and the ward's admin API
 * (edit, history, rollback, re-seed, freshness report), for staff editors and the admin bearer token.
 */
public final class CatalogService implements HttpService {
    private static final System.Logger LOGGER = System.getLogger(CatalogService.class.getName());
    private static final HeaderName AUTHOR = HeaderNames.create("X-Author");
    private static final int MAX_AUTHOR = 100;
    /** A full procedure document: well above the largest seed file, well below the server's payload limit. */
    private static final int MAX_PROCEDURE_BYTES = 256 * 1024;
    private static final Status UNPROCESSABLE = Status.create(422, "Unprocessable Content");

    private final CatalogStore defaultStore;
    private final java.util.function.Function<String, Optional<CatalogStore>> wards;
    private final byte[] adminToken;

    /** Staff sessions with the editor role (staff feature); by default nobody but the admin token. */
    private volatile java.util.function.Function<ServerRequest, Optional<Editor>> editors = req -> Optional.empty();

    /** A signed-in staff editor: the name recorded on versions and the one ward whose content it may edit. */
    public record Editor(String name, String wardId) {
    }

    /**
     * Also accepts signed-in staff editors: the function returns the editor's username for a request made with an
     * editor's session (and CSRF token for changes), else empty. Their username becomes the version's author.
     */
    public CatalogService withEditors(java.util.function.Function<ServerRequest, Optional<Editor>> editors) {
        this.editors = editors;
        return this;
    }

    private CatalogService(CatalogStore defaultStore, java.util.function.Function<String, Optional<CatalogStore>> wards,
                           String adminToken) {
        this.defaultStore = defaultStore;
        this.wards = wards;
        this.adminToken = adminToken == null ? new byte[0] : adminToken.getBytes(StandardCharsets.UTF_8);
    }

    /** @param adminToken the {@code admin.token} config value; empty means every admin request gets 401 */
    public static CatalogService create(CatalogStore store, String adminToken) {
        return new CatalogService(store, id -> id.equals(store.wardId()) ? Optional.of(store) : Optional.empty(),
                                  adminToken);
    }

    /** Serves every ward: {@code ?ward=<id>} picks one (404 when it is not served here), none means the default. */
    public static CatalogService create(WardCatalogs catalogs, String adminToken) {
        return new CatalogService(catalogs.defaultCatalog(), catalogs::store, adminToken);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/procedures", this::list)
                .get("/procedures/{id}", this::detail)
                .get("/office", this::office)
                .get("/admin/procedures/{id}", admin(this::adminCurrent))
                .put("/admin/procedures/{id}", admin(this::edit))
                .post("/admin/procedures/{id}/preview", admin(this::preview))
                .get("/admin/procedures/{id}/versions", admin(this::versions))
                .get("/admin/procedures/{id}/versions/{n}", admin(this::version))
                .post("/admin/procedures/{id}/rollback/{n}", admin(this::rollback))
                .post("/admin/catalog/reseed/{id}", admin(this::reseed))
                .get("/admin/catalog/freshness", adminWide(this::freshness));
    }

    // ---- public read API ----

    private void list(ServerRequest req, ServerResponse res) {
        CatalogStore store = ward(req);
        Lang lang = lang(req, res);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Catalog.ProcedureSummary p : store.procedures(lang)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", p.id());
            item.put("name", p.name());
            item.put("summary", p.summary());
            item.put("icon", p.icon());
            list.add(item);
        }
        json(res, Status.OK_200, list);
    }

    private void detail(ServerRequest req, ServerResponse res) {
        CatalogStore store = ward(req);
        Lang lang = lang(req, res);
        String id = req.path().pathParameters().get("id");
        Optional<CatalogStore.Live> live = store.knows(id) ? store.live(id) : Optional.empty();
        if (live.isEmpty()) {
            throw notFound(id);
        }
        json(res, Status.OK_200, publicView(store, live.get().procedure(), lang, live.get().version()));
    }

    /** A procedure as the public API (and so the kiosk and the chat) presents it in one language. */
    private static Map<String, Object> publicView(CatalogStore store, Procedure p, Lang lang, int version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", p.id());
        body.put("wardId", store.wardId());
        body.put("name", p.name().in(lang));
        body.put("summary", p.summary().in(lang));
        body.put("icon", p.icon());
        body.put("reviewed", p.reviewed().toString());
        body.put("version", version);
        body.put("authority", p.authority().in(lang));
        body.put("checkedOn", p.reviewed().toString());
        body.put("checkedOnText", Answers.footer(p, lang));
        body.put("portalCode", p.portalCode());
        body.put("portalCodeUncertain", Boolean.TRUE.equals(p.portalCodeUncertain()));
        body.put("portalUrl", p.portalCode() == null ? null : Answers.portalUrl(p.portalCode()));
        Map<String, Object> aspects = new LinkedHashMap<>();
        for (String aspect : Catalog.ASPECTS) {
            Catalog.Answer answer = Answers.answer(p, aspect, lang, store.seed().office());
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("label", Answers.aspectLabel(aspect, lang));
            a.put("text", answer.text());
            a.put("items", answer.items());
            a.put("followUps", answer.followUps().stream()
                    .map(f -> Map.of("label", f.label(), "action", f.action())).toList());
            aspects.put(aspect, a);
        }
        body.put("aspects", aspects);
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Procedure.Document d : p.documents()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("text", d.text().in(lang));
            doc.put("kind", d.kind());
            doc.put("kindLabel", Answers.kindLabel(d.kind(), lang));
            doc.put("count", d.count() == null ? 1 : d.count());
            doc.put("note", d.note() == null ? null : d.note().in(lang));
            documents.add(doc);
        }
        body.put("documents", documents);
        List<Procedure.LegalBasis> bases = p.legalBasis() == null ? List.of() : p.legalBasis();
        body.put("legalBasis", bases.stream().map(Procedure.LegalBasis::describe).toList());
        List<Map<String, Object>> legalBases = new ArrayList<>();
        for (Procedure.LegalBasis b : bases) {
            Map<String, Object> basis = new LinkedHashMap<>();
            basis.put("title", b.title());
            basis.put("number", b.number());
            basis.put("issuer", b.issuer());
            basis.put("articles", b.articles());
            basis.put("inForceFrom", b.inForceFrom() == null ? null : b.inForceFrom().toString());
            basis.put("inForceUntil", b.inForceUntil() == null ? null : b.inForceUntil().toString());
            basis.put("replacedBy", b.replacedBy());
            basis.put("url", b.url());
            basis.put("uncertain", Boolean.TRUE.equals(b.uncertain()));
            legalBases.add(basis);
        }
        body.put("legalBases", legalBases);
        List<Map<String, Object>> sources = new ArrayList<>();
        for (Procedure.Source s : p.sources()) {
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("title", s.title());
            source.put("ref", s.number());
            source.put("number", s.number());
            source.put("issuer", s.issuer());
            source.put("url", s.url());
            source.put("accessed", s.accessed() == null ? null : s.accessed().toString());
            source.put("primary", Boolean.TRUE.equals(s.primary()));
            sources.add(source);
        }
        body.put("sources", sources);
        body.put("onlineChannels", p.online().channels());
        // The kiosk shows "step 2 of 4" during a request: the names of the fields the request asks, in order.
        body.put("intake", p.intake().stream().map(Procedure.Intake::name).toList());
        return body;
    }

    private void office(ServerRequest req, ServerResponse res) {
        CatalogStore store = ward(req);
        Lang lang = lang(req, res);
        Office office = store.seed().office();
        ZonedDateTime now = ZonedDateTime.now(store.clock());
        OfficeHours.Status status = store.hours().status(lang, now);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("wardId", office.wardId());
        body.put("name", office.name().in(lang));
        body.put("address", office.address().in(lang));
        body.put("desk", office.desk().in(lang));
        body.put("phone", office.phone());
        body.put("email", office.email());
        body.put("mapUrl", office.mapUrl());
        body.put("demo", Boolean.TRUE.equals(office.demo()));
        // The kiosk's check-my-case keypad types this ward's codes (its office's prefix).
        body.put("caseCodePrefix", office.caseCodePrefix());
        body.put("openNow", status.open());
        body.put("status", status.text());
        Map<String, Object> hours = new LinkedHashMap<>();
        for (String day : Validation.WEEKDAYS) {
            hours.put(day, office.hours().get(day).stream()
                    .map(i -> {
                        Map<String, String> interval = new LinkedHashMap<>();
                        interval.put("open", i.open());
                        interval.put("close", i.close());
                        return interval;
                    }).toList());
        }
        body.put("hours", hours);
        body.put("weekly", store.hours().weekly(lang));
        LocalDate today = now.withZoneSameInstant(store.hours().zone()).toLocalDate();
        body.put("upcomingClosures", office.holidays() == null ? List.of() : office.holidays().stream()
                .filter(h -> !h.date().isBefore(today) && h.date().isBefore(today.plusDays(60)))
                .map(h -> Map.of("date", h.date().toString(), "name", h.name().in(lang))).toList());
        json(res, Status.OK_200, body);
    }

    // ---- admin API ----

    private void adminCurrent(ServerRequest req, ServerResponse res, String id) {
        CatalogStore store = adminWard(req);
        CatalogStore.Live live = store.live(id).orElseThrow();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("wardId", store.wardId());
        body.put("version", live.version());
        body.put("content", Json.CONTENT.valueToTree(live.procedure()));
        // Where each live field comes from: national text, the province's current values, or the ward's own.
        body.put("provenance", store.provenance(id, live.procedure()));
        body.put("editedSinceSeed", !live.procedure().equals(store.seed().procedures().get(id)));
        json(res, Status.OK_200, body);
    }

    /** The request's procedure document (400 when it is not JSON or not an object). */
    private static JsonNode document(ServerRequest req) {
        JsonNode body;
        try {
            body = Json.CONTENT.readTree(HttpJson.bytes(req, MAX_PROCEDURE_BYTES));
        } catch (JacksonException e) {
            throw new ApiProblem(Status.BAD_REQUEST_400, "bad_request", "the body is not valid JSON: " + Json.firstLine(e.getOriginalMessage()));
        } catch (java.io.IOException e) {
            throw ApiProblem.badRequest("the body could not be read");
        }
        if (body == null || !body.isObject()) {
            throw new ApiProblem(Status.BAD_REQUEST_400, "bad_request", "the body must be a JSON object: the full procedure document");
        }
        return body;
    }

    private void edit(ServerRequest req, ServerResponse res, String id) {
        JsonNode body = document(req);
        if (!body.has("id")) {
            ((ObjectNode) body).put("id", id);
        }
        Procedure procedure;
        try {
            procedure = Json.CONTENT.treeToValue(body, Procedure.class);
        } catch (JacksonException e) {
            Json.ReadProblem problem = Json.describe(e);
            throw invalid(List.of(new Validation.Problem(problem.field().isEmpty() ? "$" : problem.field(), problem.problem())));
        }
        saveValidated(adminWard(req), res, procedure, id, author(req), null, ifMatch(req));
    }

    /**
     * Dry run of an edit for the form editor: the catalog's own validation, the changes against the live version,
     * and — when valid — the procedure as the kiosk and the chat would present it in both languages. Nothing is saved.
     */
    private void preview(ServerRequest req, ServerResponse res, String id) {
        JsonNode body = document(req);
        Map<String, Object> out = new LinkedHashMap<>();
        CatalogStore store = adminWard(req);
        CatalogStore.Live live = store.live(id).orElseThrow();
        Procedure procedure;
        List<Validation.Problem> problems;
        try {
            procedure = Json.CONTENT.treeToValue(body, Procedure.class);
            problems = Validation.procedure(procedure, id);
        } catch (JacksonException e) {
            Json.ReadProblem problem = Json.describe(e);
            procedure = null;
            problems = List.of(new Validation.Problem(problem.field().isEmpty() ? "$" : problem.field(), problem.problem()));
        }
        out.put("problems", problems.stream().map(p -> Map.of("field", p.field(), "problem", p.problem())).toList());
        out.put("changes", JsonDiff.toJson(JsonDiff.between(Json.CONTENT.valueToTree(live.procedure()),
                                                            procedure == null ? body : Json.CONTENT.valueToTree(procedure))));
        if (problems.isEmpty()) {
            out.put("vi", publicView(store, procedure, Lang.VI, live.version() + 1));
            out.put("en", publicView(store, procedure, Lang.EN, live.version() + 1));
        }
        json(res, Status.OK_200, out);
    }

    private void saveValidated(CatalogStore store, ServerResponse res, Procedure procedure, String id, String author, Integer rollbackOf,
                               Optional<Integer> basedOn) {
        List<Validation.Problem> problems = Validation.procedure(procedure, id);
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        CatalogStore.Saved saved = store.save(procedure, author, rollbackOf, basedOn);
        if (saved.conflict()) {
            throw new ApiProblem(Status.CONFLICT_409, "version_conflict", "version " + saved.version() + " was stored since version "
                    + basedOn.orElse(0) + " that this edit started from; reload and apply the edit again");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("version", saved.version());
        out.put("unchanged", saved.unchanged());
        out.put("rollbackOf", rollbackOf);
        out.put("changes", JsonDiff.toJson(saved.changes()));
        json(res, Status.OK_200, out);
    }

    private void versions(ServerRequest req, ServerResponse res, String id) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (VersionStore.Row row : adminWard(req).history(id)) {
            list.add(versionJson(row, false));
        }
        json(res, Status.OK_200, Map.of("id", id, "versions", list));
    }

    private void version(ServerRequest req, ServerResponse res, String id) {
        Optional<Integer> n = number(req, res);
        if (n.isEmpty()) {
            return;
        }
        Optional<VersionStore.Row> row = adminWard(req).version(id, n.get());
        if (row.isEmpty()) {
            throw new ApiProblem(Status.NOT_FOUND_404, "not_found", "procedure '" + id + "' has no version " + n.get());
        }
        json(res, Status.OK_200, versionJson(row.get(), true));
    }

    private void rollback(ServerRequest req, ServerResponse res, String id) {
        Optional<Integer> n = number(req, res);
        if (n.isEmpty()) {
            return;
        }
        CatalogStore store = adminWard(req);
        Optional<VersionStore.Row> row = store.version(id, n.get());
        if (row.isEmpty()) {
            throw new ApiProblem(Status.NOT_FOUND_404, "not_found", "procedure '" + id + "' has no version " + n.get());
        }
        Procedure procedure;
        try {
            procedure = Json.CONTENT.readValue(row.get().content(), Procedure.class);
        } catch (JacksonException e) {
            throw new ApiProblem(Status.CONFLICT_409, "not_restorable", "version " + n.get() + " cannot be read any more");
        }
        saveValidated(store, res, procedure, id, author(req), n.get(), Optional.empty());
    }

    private void reseed(ServerRequest req, ServerResponse res, String id) {
        CatalogStore store = adminWard(req);
        Procedure procedure;
        try {
            procedure = store.seedFile(id);
        } catch (CatalogException e) {
            throw new ApiProblem(UNPROCESSABLE, "invalid_seed_file", e.getMessage());
        }
        String author = req.headers().first(AUTHOR).isPresent() ? author(req) : "seed";
        saveValidated(store, res, procedure, id, author, null, Optional.empty());
    }

    /** What the catalog editor's banner shows: the freshness rules over the live content, as of today. */
    private void freshness(ServerRequest req, ServerResponse res) {
        CatalogStore store = adminWard(req);
        Freshness.Report report = store.freshness();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("today", report.today().toString());
        body.put("reviewMaxAgeDays", report.settings().reviewMaxAgeDays());
        body.put("expiryWarningDays", report.settings().expiryWarningDays());
        body.put("needingAction", List.copyOf(report.needingAction()));
        body.put("problems", findings(store, report.problems()));
        body.put("notices", findings(store, report.notices()));
        json(res, Status.OK_200, body);
    }

    private static List<Map<String, Object>> findings(CatalogStore store, List<Freshness.Finding> findings) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Freshness.Finding f : findings) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("procedure", f.procedureId());
            item.put("name", store.live(f.procedureId()).map(l -> l.procedure().name().vi()).orElse(f.procedureId()));
            item.put("kind", f.kind().name().toLowerCase(java.util.Locale.ROOT));
            item.put("subject", f.subject());
            item.put("date", f.date() == null ? null : f.date().toString());
            item.put("detail", f.detail());
            list.add(item);
        }
        return list;
    }

    private Map<String, Object> versionJson(VersionStore.Row row, boolean withContent) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("version", row.version());
        v.put("author", row.author());
        v.put("createdAt", row.createdAt().toString());
        v.put("rollbackOf", row.rollbackOf());
        JsonNode changes = CatalogStore.readTree(row.changes());
        List<String> paths = new ArrayList<>();
        changes.forEach(c -> paths.add(c.path("path").asText()));
        v.put("changedPaths", paths);
        v.put("changes", changes);
        if (withContent) {
            v.put("content", CatalogStore.readTree(row.content()));
        }
        return v;
    }

    // ---- plumbing ----

    /** An admin handler that needs a known procedure id. */
    @FunctionalInterface
    private interface AdminHandler {
        void handle(ServerRequest req, ServerResponse res, String id) throws Exception;
    }

    private Handler admin(AdminHandler handler) {
        return adminWide((req, res) -> {
            String id = req.path().pathParameters().get("id");
            if (!defaultStore.knows(id)) {
                throw notFound(id);
            }
            handler.handle(req, res, id);
        });
    }

    /** An admin handler about the whole catalog (no procedure id). */
    private Handler adminWide(Handler handler) {
        return (req, res) -> {
            if (!authorised(req)) {
                throw new ApiProblem(Status.UNAUTHORIZED_401, "unauthorized", "a valid admin bearer token is required")
                        .withHeader("WWW-Authenticate", "Bearer realm=\"warddesk-admin\"");
            }
            handler.handle(req, res);
        };
    }

    /** The ward a public request asks about ({@code ?ward=}), else the default ward; 404 when it is not served. */
    private CatalogStore ward(ServerRequest req) {
        Optional<String> ward = req.query().first("ward").asOptional();
        if (ward.isEmpty() || ward.get().isBlank()) {
            return defaultStore;
        }
        return served(ward.get());
    }

    /** The catalog of a ward served here; 404 {@code ward_not_served} for an unknown or disabled one. */
    private CatalogStore served(String wardId) {
        return wards.apply(wardId).orElseThrow(() -> new ApiProblem(Status.NOT_FOUND_404, "ward_not_served",
                "this ward is not served here / xã, phường này không được phục vụ tại đây"));
    }

    /**
     * The ward an admin request works on: a staff editor's session edits its own ward's content only (whatever
     * {@code ?ward=} says); the admin token (a deployment operator) picks one with {@code ?ward=}.
     */
    private CatalogStore adminWard(ServerRequest req) {
        Optional<Editor> editor = editors.apply(req);
        if (editor.isPresent()) {
            return served(editor.get().wardId());
        }
        return tokenMatches(req) ? ward(req) : defaultStore;
    }

    private boolean authorised(ServerRequest req) {
        return editors.apply(req).isPresent() || tokenMatches(req);
    }

    private boolean tokenMatches(ServerRequest req) {
        if (adminToken.length == 0) {
            return false;
        }
        Optional<String> header = req.headers().first(HeaderNames.AUTHORIZATION);
        if (header.isEmpty() || !header.get().regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = header.get().substring(7).strip().getBytes(StandardCharsets.UTF_8);
        // Constant-time: the time taken does not tell how much of a guessed token was right.
        return MessageDigest.isEqual(given, adminToken);
    }

    private String author(ServerRequest req) {
        Optional<Editor> editor = editors.apply(req);
        if (editor.isPresent()) {
            return editor.get().name();
        }
        String raw = req.headers().first(AUTHOR).orElse("admin");
        try {
            // Header values are ISO-8859-1 on the wire: Vietnamese names arrive percent-encoded UTF-8.
            raw = java.net.URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // not percent-encoded after all: keep it as sent
        }
        String author = raw.replaceAll("\\p{Cntrl}", "").strip();
        if (author.isEmpty()) {
            return "admin";
        }
        return author.length() > MAX_AUTHOR ? author.substring(0, MAX_AUTHOR) : author;
    }

    /** {@code If-Match: 3} or {@code If-Match: "3"}: only save if version 3 is still the newest (no lost edits). */
    private static Optional<Integer> ifMatch(ServerRequest req) {
        return req.headers().first(HeaderNames.IF_MATCH)
                .map(v -> v.replace("\"", "").replace("W/", "").strip())
                .filter(v -> v.matches("[0-9]{1,9}"))
                .map(Integer::parseInt);
    }

    private static Optional<Integer> number(ServerRequest req, ServerResponse res) {
        String raw = req.path().pathParameters().get("n");
        try {
            int n = Integer.parseInt(raw);
            if (n >= 1) {
                return Optional.of(n);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiProblem(Status.BAD_REQUEST_400, "bad_request", "version must be a positive whole number");
    }

    /** ?locale=vi|en; anything else falls back to Vietnamese, and Content-Language says which was used. */
    private static Lang lang(ServerRequest req, ServerResponse res) {
        Lang lang = req.query().first("locale").asOptional().map(Lang::of).orElse(Lang.VI);
        res.header(HeaderNames.CONTENT_LANGUAGE, lang.tag());
        return lang;
    }

    private static ApiProblem notFound(String id) {
        return ApiProblem.notFound("no procedure with id '" + id + "'");
    }

    private static ApiProblem invalid(List<Validation.Problem> problems) {
        return new ApiProblem(UNPROCESSABLE, "invalid_procedure", problems.size() + " problem(s); nothing was changed")
                .with("problems", problems.stream().map(p -> Map.of("field", p.field(), "problem", p.problem())).toList());
    }

    private static void json(ServerResponse res, Status status, Object body) {
        String text;
        try {
            text = Json.API.writeValueAsString(body);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, "application/json; charset=UTF-8");
        res.send(text);
    }
}
