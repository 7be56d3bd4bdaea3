package vn.warddesk.bot.cases;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import vn.warddesk.bot.catalog.Catalog;
import vn.warddesk.bot.catalog.Lang;
import vn.warddesk.bot.http.HttpJson;

/**
 * Public case lookups: status only (never personal data), the citizen's case page data (code plus check, see
 * {@link CasePage}), and a QR code of the case page URL for the appointment slip. Every look-up passes one rate limit
 * per client address so codes cannot be enumerated.
 */
public final class CaseStatusApi implements HttpService {
    private final Cases cases;
    private final Catalog catalog;
    private final CasePage page;
    private final RateLimit limit;

    public CaseStatusApi(Cases cases, Catalog catalog, CasePage page, int perMinute, Clock clock) {
        this.cases = cases;
        this.catalog = catalog;
        this.page = page;
        this.limit = new RateLimit(perMinute, clock);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{code}/status", (req, res) -> HttpJson.guarded(res, () -> status(req, res)))
                .get("/{code}/page", (req, res) -> HttpJson.guarded(res, () -> page(req, res)))
                .get("/{code}/qr.svg", (req, res) -> HttpJson.guarded(res, () -> qr(req, res)));
    }

    /** The case page's data: 404 alike for an unknown code and a wrong check. */
    private void page(ServerRequest req, ServerResponse res) {
        String code = code(req);
        Lang lang = Lang.of(req.query().first("locale").asOptional().orElse("vi"));
        String check = req.query().first("check").asOptional().orElse("");
        Map<String, Object> view = page.view(code, check, lang).orElseThrow(() -> new HttpJson.Problem(
                Status.NOT_FOUND_404, "not_found", "no case with this code and check"));
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.header(HeaderNames.create("Referrer-Policy"), "no-referrer");
        HttpJson.send(res, Status.OK_200, view);
    }

    private void status(ServerRequest req, ServerResponse res) {
        String code = code(req);
        Cases.Case k = cases.byCode(code).orElseThrow(
                () -> new HttpJson.Problem(Status.NOT_FOUND_404, "not_found", "no case with this code"));
        Lang lang = Lang.of(req.query().first("locale").asOptional().orElse("vi"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", k.code());
        out.put("status", k.status());
        out.put("procedure", k.procedure().orElse(null));
        out.put("procedureName", k.procedure().flatMap(p -> name(p, lang)).orElse(null));
        out.put("updatedAt", k.updatedAt().toString());
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
                .send(svg(page.qrContent(code, check).orElseThrow(() -> new HttpJson.Problem(
                        Status.NOT_FOUND_404, "not_found", "no case with this code"))).getBytes(StandardCharsets.UTF_8));
    }

    /** The canonical code after the rate limit and format check (400 for a malformed code or wrong check digit). */
    private String code(ServerRequest req) {
        if (!limit.allow(client(req))) {
            throw new HttpJson.Problem(Status.TOO_MANY_REQUESTS_429, "rate_limited", "too many lookups, try again later");
        }
        String raw = req.path().pathParameters().get("code");
        return CaseCode.normalize(raw).orElseThrow(() -> new HttpJson.Problem(
                Status.BAD_REQUEST_400, "bad_code", "a case code looks like PH-2026-1234567 (check digit included)"));
    }

    private static String client(ServerRequest req) {
        SocketAddress address = req.remotePeer().address();
        return address instanceof InetSocketAddress inet ? inet.getAddress().getHostAddress() : String.valueOf(address);
    }

    private Optional<String> name(String procedure, Lang lang) {
        return catalog.procedures(lang).stream().filter(p -> p.id().equals(procedure))
                .map(Catalog.ProcedureSummary::name).findFirst();
    }

    static String svg(String content) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                                               Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                                                      EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalStateException("a URL too long for a QR code", e);
        }
        int w = matrix.getWidth();
        int h = matrix.getHeight();
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + w + " " + h
                                              + "\" width=\"" + (w * 8) + "\" height=\"" + (h * 8)
                                              + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\""
                                              + " fill=\"#fff\"/>");
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (matrix.get(x, y)) {
                    svg.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"1\" height=\"1\"/>");
                }
            }
        }
        return svg.append("</svg>").toString();
    }
}
