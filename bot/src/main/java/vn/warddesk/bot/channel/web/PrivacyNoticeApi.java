package vn.warddesk.bot.channel.web;

import vn.warddesk.bot.http.ApiProblem;
import vn.warddesk.bot.http.HttpJson;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;

import vn.warddesk.bot.catalog.Catalog;
import vn.warddesk.bot.catalog.Lang;

/**
 * GET /api/v1/privacy-notice?locale=vi|en[&ward=<id>]: the current notice of a ward (each ward's People's Committee
 * is the controller of its own notice), the policy URL that consent receipts point to. Without {@code ward} the
 * default ward's; an unknown or disabled ward answers 404 {@code ward_not_served}, as the catalog API does.
 */
public final class PrivacyNoticeApi implements HttpService {
    private final Catalog defaultWard;
    private final Catalog.ByWard wards;

    public PrivacyNoticeApi(Catalog catalog) {
        this(catalog, ward -> Optional.of(catalog));
    }

    /** @param wards the wards served here (empty for one that is unknown or disabled) */
    public PrivacyNoticeApi(Catalog defaultWard, Catalog.ByWard wards) {
        this.defaultWard = defaultWard;
        this.wards = wards;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", (req, res) -> {
            Lang lang = Lang.of(req.query().first("locale").asOptional().orElse("vi"));
            Catalog.PrivacyNotice notice = ward(req).privacyNotice(lang);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("version", notice.version());
            out.put("short", notice.shortText());
            out.put("full", notice.fullText());
            HttpJson.send(res, Status.OK_200, out);
        });
    }

    private Catalog ward(ServerRequest req) {
        Optional<String> ward = req.query().first("ward").asOptional().filter(w -> !w.isBlank());
        if (ward.isEmpty()) {
            return defaultWard;
        }
        return wards.forWard(ward.get()).orElseThrow(() -> new ApiProblem(Status.NOT_FOUND_404, "ward_not_served",
                "this ward is not served here / xã, phường này không được phục vụ tại đây"));
    }
}
