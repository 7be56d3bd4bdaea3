package vn.warddesk.bot.channel.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

import vn.warddesk.bot.catalog.Catalog;
import vn.warddesk.bot.catalog.Lang;

/** GET /api/v1/privacy-notice?locale=vi|en: the current notice, the policy URL that consent receipts point to. */
public final class PrivacyNoticeApi implements HttpService {
    private final Catalog catalog;

    public PrivacyNoticeApi(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", (req, res) -> {
            Lang lang = Lang.of(req.query().first("locale").asOptional().orElse("vi"));
            Catalog.PrivacyNotice notice = catalog.privacyNotice(lang);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("version", notice.version());
            out.put("short", notice.shortText());
            out.put("full", notice.fullText());
            HttpJson.send(res, Status.OK_200, out);
        });
    }
}
