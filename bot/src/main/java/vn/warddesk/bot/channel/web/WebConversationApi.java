package vn.warddesk.bot.channel.web;

import vn.warddesk.bot.http.ApiProblem;
import vn.warddesk.bot.http.ClientAddress;
import vn.warddesk.bot.http.EdgeSettings;
import vn.warddesk.bot.message.Logged;

import vn.warddesk.bot.http.HttpJson;
import vn.warddesk.bot.http.RequestLimit;
import java.security.SecureRandom;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import vn.warddesk.bot.catalog.Catalog;
import vn.warddesk.bot.catalog.Lang;
import vn.warddesk.bot.consent.ConsentLog;
import vn.warddesk.bot.consent.ConsentReceipt;
import vn.warddesk.bot.message.Button;
import vn.warddesk.bot.conversation.ConversationEngine;
import vn.warddesk.bot.conversation.ConversationLog;
import vn.warddesk.bot.conversation.ConversationRef;
import vn.warddesk.bot.conversation.InboundEvent;
import vn.warddesk.bot.conversation.Input;
import vn.warddesk.bot.conversation.Outcome;
import vn.warddesk.bot.message.Reply;
import vn.warddesk.bot.conversation.UnknownConversation;
import vn.warddesk.bot.text.WardTexts;
import vn.warddesk.bot.store.Jdbc;

/**
 * The web/kiosk/Zalo Mini App conversation API (docs/openapi.yaml). Each conversation has its own random 256-bit
 * bearer token; only its SHA-256 is stored, and it is compared in constant time.
 */
public final class WebConversationApi implements HttpService {
    private static final Set<String> CHANNELS = Set.of("kiosk", "web", "zalo_mini_app");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_EVENT_ID = 128;
    private static final int MAX_ACTION = 64;
    /** A Zalo access token as it may travel in a header to Zalo: printable token characters only. */
    private static final java.util.regex.Pattern MINI_APP_TOKEN = java.util.regex.Pattern.compile("[A-Za-z0-9._~+/=-]{1,2048}");

    private final ConversationEngine engine;
    private final DataSource dataSource;
    private final Catalog catalog;
    private final String wardId;
    private final String publicBaseUrl;
    private volatile MiniAppUsers miniAppUsers = token -> Optional.empty();
    private volatile vn.warddesk.bot.cases.CaseLinks caseLinks;
    private volatile WardTexts texts = WardTexts.defaults();
    private volatile Optional<PublicWard> publicWard = Optional.empty();
    /** Each ward's content, for what a receipt names (controller, notice link); the default catalog unless wired. */
    private volatile Catalog.ByWard catalogs = ward -> Optional.empty();
    private final Limits limits;

    /** Conversations are DB rows and engine work: limited per client address, per conversation and overall. */
    private record Limits(ClientAddress clients, RequestLimit conversationsPerClient, RequestLimit conversationsGlobal,
                          RequestLimit messagesPerClient, RequestLimit messagesPerConversation) {
        static Limits of(EdgeSettings edge) {
            EdgeSettings.Limits l = edge.limits();
            return new Limits(ClientAddress.of(edge),
                              RequestLimit.perKey("new conversations from this address", l.conversationsPerClient(), l),
                              RequestLimit.global("new conversations", l.conversationsGlobal(), l),
                              RequestLimit.perKey("messages from this address", l.messagesPerClient(), l),
                              RequestLimit.perKey("messages in this conversation", l.messagesPerConversation(), l));
        }
    }

    /** Verifies a Zalo Mini App user access token and returns the keyed hash of the Zalo user id (empty: not valid). */
    @FunctionalInterface
    public interface MiniAppUsers {
        Optional<String> verifiedUserHash(String zaloAccessToken);
    }

    public WebConversationApi(ConversationEngine engine, DataSource dataSource, Catalog catalog, EdgeSettings edge,
                              String publicBaseUrl) {
        this.engine = engine;
        this.dataSource = dataSource;
        this.catalog = catalog;
        this.wardId = edge.defaultWard();
        this.publicBaseUrl = publicBaseUrl;
        this.limits = Limits.of(edge);
        this.caseLinks = new vn.warddesk.bot.cases.CaseLinks(publicBaseUrl, "unset");
    }

    /** The case page links handed to the kiosk for its slip (wired by Features with the server secret). */
    public WebConversationApi withCaseLinks(vn.warddesk.bot.cases.CaseLinks links) {
        this.caseLinks = links;
        return this;
    }

    /** The wards' texts (the printable consent receipt's labels). */
    public WebConversationApi withTexts(WardTexts texts) {
        this.texts = texts;
        return this;
    }

    /** Lets {@code ?ward=} and paired kiosks choose the ward of a new conversation (else the default ward). */
    public WebConversationApi withWards(PublicWard wards) {
        this.publicWard = Optional.of(wards);
        return this;
    }

    /** The wards' catalogs: a consent receipt names its conversation's ward as the controller. */
    public WebConversationApi withCatalogs(Catalog.ByWard catalogs) {
        this.catalogs = catalogs;
        return this;
    }

    /** Binds Mini App conversations to verified Zalo users (wired by the channels feature). */
    public void verifyMiniAppUsersWith(MiniAppUsers users) {
        this.miniAppUsers = users;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::create)
                .post("/{id}/messages", this::message)
                .get("/{id}/messages", this::messages)
                .delete("/{id}", this::end)
                .get("/{id}/consent-receipt", this::receipt);
    }

    private void create(ServerRequest req, ServerResponse res) {
        limits.conversationsPerClient.take(limits.clients.of(req));
        limits.conversationsGlobal.take();
        JsonNode body = HttpJson.object(req);
        String channel = HttpJson.text(body, "channel").orElse("web");
        if (!CHANNELS.contains(channel)) {
            throw new ApiProblem(Status.BAD_REQUEST_400, "bad_request",
                                       "'channel' must be one of kiosk, web, zalo_mini_app");
        }
        Lang lang = Lang.of(HttpJson.text(body, "locale").orElse("vi"));
        String wardId = publicWard.map(wards -> wards.of(req, channel)).orElse(this.wardId);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Optional<String> zaloToken = HttpJson.text(body, "zaloAccessToken");
        if (zaloToken.isPresent() && !MINI_APP_TOKEN.matcher(zaloToken.get()).matches()) {
            throw new ApiProblem(Status.BAD_REQUEST_400, "bad_request",
                                 "'zaloAccessToken' must be 1 to 2048 token characters (letters, digits, - _ . ~ + / =)");
        }
        String id;
        if (zaloToken.isPresent() && "zalo_mini_app".equals(channel)) {
            // Without a token the Mini App works anonymously like the kiosk; a token that fails verification is refused.
            String userHash = miniAppUsers.verifiedUserHash(zaloToken.get())
                    .orElseThrow(() -> new ApiProblem(Status.UNAUTHORIZED_401, "unauthorized",
                                                            "the Zalo access token could not be verified"));
            id = engine.openForUser(new ConversationRef.ByChannelUser(channel, userHash, "", wardId), lang,
                                    ConsentLog.sha256(token));
        } else {
            id = engine.open(channel, wardId, lang, ConsentLog.sha256(token));
        }
        Outcome outcome = engine.process(new InboundEvent(new ConversationRef.ById(id), channel, null,
                                                          new Input.Started(), lang.tag(), null));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("token", token);
        out.put("wardId", wardId);
        out.put("state", outcome.state());
        out.put("replies", replies(outcome.handled().replies()));
        HttpJson.send(res, Status.CREATED_201, out);
    }

    private void message(ServerRequest req, ServerResponse res) {
        limits.messagesPerClient.take(limits.clients.of(req));
        String id = authorized(req);
        limits.messagesPerConversation.take(id);
        JsonNode body = HttpJson.object(req);
        Optional<String> text = HttpJson.text(body, "text");
        Optional<String> action = HttpJson.text(body, "action");
        Optional<String> eventId = HttpJson.text(body, "eventId");
        Optional<String> locale = HttpJson.text(body, "locale");
        if (text.isPresent() == action.isPresent()) {
            throw new ApiProblem(Status.BAD_REQUEST_400, "bad_request", "send exactly one of 'text' or 'action'");
        }
        if (text.isPresent() && text.get().length() > ConversationEngine.MAX_TEXT) {
            throw new ApiProblem(Status.BAD_REQUEST_400, "text_too_long",
                                       "'text' is longer than " + ConversationEngine.MAX_TEXT + " characters");
        }
        if (text.isPresent() && text.get().isBlank()) {
            throw new ApiProblem(Status.BAD_REQUEST_400, "bad_request", "'text' is empty");
        }
        if (action.isPresent() && (action.get().isBlank() || action.get().length() > MAX_ACTION)) {
            throw new ApiProblem(Status.BAD_REQUEST_400, "bad_request", "'action' must be 1 to 64 characters");
        }
        if (eventId.isPresent() && (eventId.get().isBlank() || eventId.get().length() > MAX_EVENT_ID)) {
            throw new ApiProblem(Status.BAD_REQUEST_400, "bad_request", "'eventId' must be 1 to 128 characters");
        }
        if (locale.isPresent() && !Set.of("vi", "en").contains(locale.get())) {
            throw new ApiProblem(Status.BAD_REQUEST_400, "bad_request", "'locale' must be vi or en");
        }
        Input input = text.<Input>map(Input.Text::new).orElseGet(() -> new Input.Action(action.get()));
        Outcome outcome;
        try {
            // Without a client event id every request is new; with one, a retry is recognised as a replay.
            outcome = engine.process(new InboundEvent(new ConversationRef.ById(id), "web",
                                                      eventId.map(e -> id + ":" + e).orElse(id + ":" + UUID.randomUUID()),
                                                      input, locale.orElse(null), null));
        } catch (UnknownConversation e) {
            throw new ApiProblem(Status.NOT_FOUND_404, "not_found", "no such conversation");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("conversationId", id);
        out.put("state", outcome.state());
        out.put("duplicate", outcome.handled().duplicate());
        out.put("replies", replies(outcome.handled().replies()));
        out.put("expecting", outcome.expecting().map(WebConversationApi::expecting).orElse(null));
        out.put("caseCode", outcome.caseCode().orElse(null));
        // For the slip: the case page link (its QR code) and the 4-digit check printed beside the code.
        out.put("casePageUrl", outcome.caseCode().map(caseLinks::url).orElse(null));
        out.put("caseCheck", outcome.caseCode().map(caseLinks::codeCheck).orElse(null));
        HttpJson.send(res, Status.OK_200, out);
    }

    private void messages(ServerRequest req, ServerResponse res) {
        String id = authorized(req);
        long after;
        try {
            after = req.query().first("after").asOptional().map(Long::parseLong).orElse(0L);
        } catch (NumberFormatException e) {
            throw new ApiProblem(Status.BAD_REQUEST_400, "bad_request", "'after' must be a number");
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (Logged m : engine.messagesAfter(id, after, 200)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("seq", m.seq());
            item.put("direction", m.direction());
            item.put("origin", m.origin());
            item.put("text", m.text().orElse(null));
            item.put("action", m.action().orElse(null));
            item.put("at", m.at().toString());
            list.add(item);
        }
        HttpJson.send(res, Status.OK_200, Map.of("messages", list));
    }

    private void end(ServerRequest req, ServerResponse res) {
        String id = authorized(req);
        engine.end(id);
        res.status(Status.NO_CONTENT_204).send();
    }

    private void receipt(ServerRequest req, ServerResponse res) {
        String id = authorized(req);
        String ward = engine.wardOf(id).orElse(wardId);
        Catalog.OfficeInfo office = catalogs.forWard(ward).orElse(catalog).office();
        Optional<Map<String, Object>> receipt = Jdbc.withConnection(dataSource, c -> ConsentReceipt.of(
                c, id, office, publicBaseUrl + "/api/v1/privacy-notice?ward=" + ward));
        if (receipt.isEmpty()) {
            throw new ApiProblem(Status.NOT_FOUND_404, "no_consent", "this conversation has no consent record");
        }
        boolean html = req.headers().first(HeaderNames.ACCEPT).map(a -> a.contains("text/html")).orElse(false);
        if (html) {
            ZoneId zone = office.zone();
            res.status(Status.OK_200).header(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8")
                    .send(ConsentReceipt.html(receipt.get(), zone, texts.of(ward, "vi"), texts.of(ward, "en")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } else {
            HttpJson.send(res, Status.OK_200, receipt.get());
        }
    }

    /** The conversation id when it exists (404) and the bearer token is its own (401). */
    private String authorized(ServerRequest req) {
        String id = req.path().pathParameters().get("id");
        Optional<String> stored = id.length() > 36 ? Optional.empty() : engine.tokenHash(id);
        if (stored.isEmpty()) {
            throw new ApiProblem(Status.NOT_FOUND_404, "not_found", "no such conversation");
        }
        Optional<String> token = HttpJson.bearer(req);
        if (token.isEmpty() || !HttpJson.same(ConsentLog.sha256(token.get()), stored.get())) {
            throw new ApiProblem(Status.UNAUTHORIZED_401, "unauthorized",
                                       "the conversation's bearer token is missing or wrong");
        }
        return id;
    }

    static List<Map<String, Object>> replies(List<Reply> replies) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Reply reply : replies) {
            List<Map<String, String>> buttons = new ArrayList<>();
            for (Button b : reply.buttons()) {
                buttons.add(Map.of("label", b.label(), "action", b.action()));
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("text", reply.text());
            item.put("buttons", buttons);
            item.put("kind", reply.kind().wire());
            reply.procedure().ifPresent(p -> item.put("procedure", p));
            reply.aspect().ifPresent(a -> item.put("aspect", a));
            reply.field().ifPresent(f -> item.put("field", f));
            out.add(item);
        }
        return out;
    }

    private static Map<String, Object> expecting(Outcome.Expecting e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("field", e.field());
        out.put("type", e.type());
        out.put("question", e.question());
        out.put("purpose", e.purpose());
        out.put("required", e.required());
        List<Map<String, String>> choices = new ArrayList<>();
        e.choices().forEach(c -> choices.add(Map.of("value", c.value(), "label", c.label())));
        out.put("choices", choices);
        e.error().ifPresent(err -> out.put("error", err));
        return out;
    }
}
