package vn.warddesk.bot.cases;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import vn.warddesk.bot.catalog.Catalog;
import vn.warddesk.bot.catalog.Lang;
import vn.warddesk.bot.http.ApiProblem;
import vn.warddesk.bot.http.ClientAddress;
import vn.warddesk.bot.http.EdgeSettings;
import vn.warddesk.bot.http.HttpJson;
import vn.warddesk.bot.http.QrSvg;
import vn.warddesk.bot.http.RequestLimit;

/**
 * Public case lookups: status only (never personal data), the citizen's case page data (code plus check, see
 * {@link CasePage}), and a QR code of the case page URL for the appointment slip. Every look-up passes one rate limit
 * per client address so codes cannot be enumerated.
 */
public final class CaseStatusApi implements HttpService {
    private final Cases cases;
    private final CaseCatalogs catalogs;
    private final CasePage page;
    private final java.time.Clock clock;
    private final RequestLimit lookups;
    private final ClientAddress clients;

    public CaseStatusApi(Cases cases, Catalog catalog, CasePage page, EdgeSettings edge) {
        this(cases, CaseCatalogs.single(catalog), page, edge, java.time.Clock.systemUTC());
    }

    /** @param catalogs each case is answered with its own ward's content (procedure name, fee, office) */
    public CaseStatusApi(Cases cases, CaseCatalogs catalogs, CasePage page, EdgeSettings edge, java.time.Clock clock) {
        this.cases = cases;
        this.catalogs = catalogs;
        this.clock = clock;
        this.page = page;
        this.lookups = RequestLimit.perKey("case look-ups from this address", edge.limits().statusLookupsPerClient(),
                                           edge.limits());
        this.clients = ClientAddress.of(edge);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{code}/status", this::status)
                .get("/{code}/page", this::page)
                .get("/{code}/qr.svg", this::qr);
    }

    /** The case page's data: 404 alike for an unknown code and a wrong check. */
    private void page(ServerRequest req, ServerResponse res) {
        String code = code(req);
        Lang lang = Lang.of(req.query().first("locale").asOptional().orElse("vi"));
        String check = req.query().first("check").asOptional().orElse("");
        Map<String, Object> view = page.view(code, check, lang).orElseThrow(() -> new ApiProblem(
                Status.NOT_FOUND_404, "not_found", "no case with this code and check"));
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.header(HeaderNames.create("Referrer-Policy"), "no-referrer");
        HttpJson.send(res, Status.OK_200, view);
    }

    private void status(ServerRequest req, ServerResponse res) {
        String code = code(req);
        Cases.Case k = cases.byCode(code).orElseThrow(
                () -> new ApiProblem(Status.NOT_FOUND_404, "not_found", "no case with this code"));
        Lang lang = Lang.of(req.query().first("locale").asOptional().orElse("vi"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", k.code());
        out.put("status", k.status());
        out.put("procedure", k.procedure().orElse(null));
        Catalog catalog = catalogs.of(k.wardId());
        out.put("procedureName", k.procedure().flatMap(p -> CasePage.procedureName(catalog, p, lang)).orElse(null));
        out.put("updatedAt", k.updatedAt().toString());
        out.putAll(CasePage.wardContent(catalog, k, lang, clock));
        HttpJson.send(res, Status.OK_200, out);
    }

    /**
     * The slip's QR code. With a check that opens the case (the kiosk got the code check with the case) it holds the
     * full link, check included; without one only the page address, so this public endpoint never hands out checks.
     */
    private void qr(ServerRequest req, ServerResponse res) {
        String code = code(req);
        String check = req.query().first("check").asOptional().orElse("");
        res.status(Status.OK_200).header(HeaderNames.CONTENT_TYPE, "image/svg+xml")
                .send(svg(page.qrContent(code, check).orElseThrow(() -> new ApiProblem(
                        Status.NOT_FOUND_404, "not_found", "no case with this code"))).getBytes(StandardCharsets.UTF_8));
    }

    /** The canonical code after the rate limit and format check (400 for a malformed code or wrong check digit). */
    private String code(ServerRequest req) {
        lookups.take(clients.of(req));
        String raw = req.path().pathParameters().get("code");
        return CaseCode.normalize(raw).orElseThrow(() -> new ApiProblem(
                Status.BAD_REQUEST_400, "bad_code", "a case code looks like PH-2026-4821307-5192648"));
    }

    static String svg(String content) {
        return QrSvg.of(content);
    }
}
