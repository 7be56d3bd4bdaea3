package vn.warddesk.bot.cases;

import vn.warddesk.bot.message.Logged;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import vn.warddesk.bot.catalog.Catalog;
import vn.warddesk.bot.catalog.Lang;
import vn.warddesk.bot.http.HttpJson;
import vn.warddesk.bot.conversation.ConversationLog;

/**
 * The staff side of cases, protected by the admin bearer token until staff accounts exist (the staff feature puts
 * sessions, roles and audit in front of {@link Cases}). Scoped to the configured ward.
 */
public final class StaffCaseApi implements HttpService {
    private static final Set<String> STATUSES = Set.of("new", "claimed", "waiting", "resolved", "withdrawn");
    private static final int MAX_REPLY = 2000;

    private final Cases cases;
    private final Catalog catalog;
    private final String wardId;
    private final String adminToken;
    private final Clock clock;

    public StaffCaseApi(Cases cases, Catalog catalog, String wardId, String adminToken, Clock clock) {
        this.cases = cases;
        this.catalog = catalog;
        this.wardId = wardId;
        this.adminToken = adminToken;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", (req, res) -> HttpJson.guarded(res, () -> list(req, res)))
                .get("/{code}", (req, res) -> HttpJson.guarded(res, () -> detail(req, res)))
                .post("/{code}/claim", (req, res) -> HttpJson.guarded(res, () -> claim(req, res)))
                .post("/{code}/reply", (req, res) -> HttpJson.guarded(res, () -> reply(req, res)))
                .post("/{code}/handback", (req, res) -> HttpJson.guarded(res, () -> handback(req, res)))
                .post("/{code}/resolve", (req, res) -> HttpJson.guarded(res, () -> resolve(req, res)));
    }

    private void list(ServerRequest req, ServerResponse res) {
        HttpJson.requireAdmin(req, adminToken);
        Optional<String> status = req.query().first("status").asOptional().filter(s -> !s.isBlank());
        if (status.isPresent() && !STATUSES.contains(status.get())) {
            throw new HttpJson.Problem(Status.BAD_REQUEST_400, "bad_request", "unknown status " + status.get());
        }
        Cases.Filter filter = new Cases.Filter(status,
                                               req.query().first("procedure").asOptional().filter(s -> !s.isBlank()),
                                               req.query().first("channel").asOptional().filter(s -> !s.isBlank()), 200);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Cases.Case k : cases.list(wardId, filter)) {
            out.add(summary(k));
        }
        HttpJson.send(res, Status.OK_200, Map.of("cases", out));
    }

    private void detail(ServerRequest req, ServerResponse res) {
        HttpJson.requireAdmin(req, adminToken);
        Cases.Detail d = cases.detail(wardId, code(req)).orElseThrow(StaffCaseApi::notFound);
        Map<String, Object> out = summary(d.theCase());
        out.put("conversationId", d.theCase().conversationId());
        out.put("fields", d.theCase().fields());
        out.put("fieldsErased", d.theCase().erasedAt().isPresent());
        out.put("outcome", d.theCase().outcome().orElse(null));
        out.put("consent", d.consent().map(e -> {
            Map<String, Object> consent = new LinkedHashMap<>();
            consent.put("id", e.id());
            consent.put("decision", e.decision());
            consent.put("method", e.method());
            consent.put("noticeVersion", e.noticeVersion());
            consent.put("noticeSha256", e.noticeSha256());
            consent.put("at", e.at().toString());
            return consent;
        }).orElse(null));
        List<Map<String, Object>> transcript = new ArrayList<>();
        for (Logged m : d.transcript()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("seq", m.seq());
            item.put("direction", m.direction());
            item.put("origin", m.origin());
            item.put("text", m.text().orElse(null));
            item.put("action", m.action().orElse(null));
            item.put("intent", m.intent().orElse(null));
            item.put("at", m.at().toString());
            transcript.add(item);
        }
        out.put("transcript", transcript);
        HttpJson.send(res, Status.OK_200, out);
    }

    private void claim(ServerRequest req, ServerResponse res) {
        HttpJson.requireAdmin(req, adminToken);
        String officer = officer(HttpJson.object(req));
        answer(res, cases.claim(wardId, code(req), officer, clock.instant()));
    }

    private void reply(ServerRequest req, ServerResponse res) {
        HttpJson.requireAdmin(req, adminToken);
        JsonNode body = HttpJson.object(req);
        String text = HttpJson.text(body, "text").map(String::strip).orElse("");
        if (text.isEmpty() || text.length() > MAX_REPLY) {
            throw new HttpJson.Problem(Status.BAD_REQUEST_400, "bad_request", "'text' must be 1 to 2000 characters");
        }
        answer(res, cases.reply(wardId, code(req), officer(body), text, clock.instant()));
    }

    private void handback(ServerRequest req, ServerResponse res) {
        HttpJson.requireAdmin(req, adminToken);
        String officer = req.content().hasEntity() ? officer(HttpJson.object(req)) : "admin";
        answer(res, cases.handBack(wardId, code(req), officer, clock.instant()));
    }

    private void resolve(ServerRequest req, ServerResponse res) {
        HttpJson.requireAdmin(req, adminToken);
        JsonNode body = HttpJson.object(req);
        String outcome = HttpJson.text(body, "outcome").map(String::strip).orElse("");
        if (outcome.isEmpty() || outcome.length() > 500) {
            throw new HttpJson.Problem(Status.BAD_REQUEST_400, "bad_request", "'outcome' must be 1 to 500 characters");
        }
        answer(res, cases.resolve(wardId, code(req), officer(body), outcome, clock.instant()));
    }

    private void answer(ServerResponse res, Optional<Cases.Change> change) {
        switch (change.orElseThrow(StaffCaseApi::notFound)) {
            case Cases.Change.Done done -> HttpJson.send(res, Status.OK_200, summary(done.theCase()));
            case Cases.Change.Refused refused -> throw new HttpJson.Problem(Status.CONFLICT_409, "conflict", refused.reason());
        }
    }

    private static String officer(JsonNode body) {
        String officer = HttpJson.text(body, "officer").map(String::strip).orElse("admin");
        if (officer.isEmpty() || officer.length() > 80) {
            throw new HttpJson.Problem(Status.BAD_REQUEST_400, "bad_request", "'officer' must be 1 to 80 characters");
        }
        return officer;
    }

    private static String code(ServerRequest req) {
        return CaseCode.normalize(req.path().pathParameters().get("code")).orElseThrow(() -> new HttpJson.Problem(
                Status.BAD_REQUEST_400, "bad_code", "a case code looks like PH-2026-1234567"));
    }

    private static HttpJson.Problem notFound() {
        return new HttpJson.Problem(Status.NOT_FOUND_404, "not_found", "no such case in this ward");
    }

    private Map<String, Object> summary(Cases.Case k) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", k.code());
        out.put("status", k.status());
        out.put("withdrawn", "withdrawn".equals(k.status()));
        out.put("kind", k.kind());
        out.put("procedure", k.procedure().orElse(null));
        out.put("procedureName", k.procedure().flatMap(p -> catalog.procedures(Lang.VI).stream()
                .filter(s -> s.id().equals(p)).map(Catalog.ProcedureSummary::name).findFirst()).orElse(null));
        out.put("channel", k.channel());
        out.put("claimedBy", k.claimedBy().orElse(null));
        out.put("claimedAt", k.claimedAt().map(Object::toString).orElse(null));
        out.put("createdAt", k.createdAt().toString());
        out.put("updatedAt", k.updatedAt().toString());
        out.put("closedAt", k.closedAt().map(Object::toString).orElse(null));
        return out;
    }
}
