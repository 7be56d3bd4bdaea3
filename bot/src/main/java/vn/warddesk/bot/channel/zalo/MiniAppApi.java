package vn.warddesk.bot.channel.zalo;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import vn.warddesk.bot.catalog.Lang;
import vn.warddesk.bot.http.ApiProblem;
import vn.warddesk.bot.http.HttpJson;

/**
 * What only the Zalo Mini App needs, under /api/v1/miniapp (public, CORS like the rest of /api/v1):
 * <ul>
 *   <li>{@code GET /?locale=vi|en} — the app's name (null = use the office's name from GET /api/v1/office), colour
 *       and logo, so the ward changes them without republishing;</li>
 *   <li>{@code POST /phone-number {"zaloAccessToken", "phoneToken"}} — the number behind Zalo's phone permission
 *       (see {@link ZaloPhoneNumbers}); 503 when the App Secret is not configured, 422 when Zalo does not confirm.</li>
 * </ul>
 */
public final class MiniAppApi implements HttpService {
    private static final System.Logger LOGGER = System.getLogger(MiniAppApi.class.getName());

    private final MiniAppSettings settings;
    private final ZaloPhoneNumbers phoneNumbers;

    MiniAppApi(MiniAppSettings settings, ZaloPhoneNumbers phoneNumbers) {
        this.settings = settings;
        this.phoneNumbers = phoneNumbers;
    }

    public static MiniAppApi create(vn.warddesk.bot.channel.ChannelSettings channels) {
        ZaloSettings zalo = channels.zalo();
        return new MiniAppApi(channels.miniApp(),
                              new ZaloPhoneNumbers(zalo, new ZaloHttp(zalo.requestTimeout())));
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::look)
                .post("/phone-number", this::phoneNumber);
    }

    private void look(ServerRequest req, ServerResponse res) {
        Lang lang = Lang.of(req.query().first("locale").orElse("vi"));
        String configured = lang == Lang.EN ? settings.nameEn() : settings.nameVi();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", configured.isEmpty() ? null : configured);
        body.put("colours", Map.of("primary", settings.primaryColour()));
        body.put("logoUrl", settings.logoUrl().isEmpty() ? null : settings.logoUrl());
        HttpJson.send(res, Status.OK_200, body);
    }

    private void phoneNumber(ServerRequest req, ServerResponse res) {
        JsonNode body = HttpJson.object(req);
        String accessToken = HttpJson.text(body, "zaloAccessToken").orElse("");
        String phoneToken = HttpJson.text(body, "phoneToken").orElse("");
        if (accessToken.isBlank() || phoneToken.isBlank()) {
            throw new ApiProblem(Status.BAD_REQUEST_400, "bad_request", "'zaloAccessToken' and 'phoneToken' are required");
        }
        if (!phoneNumbers.available()) {
            throw new ApiProblem(Status.SERVICE_UNAVAILABLE_503, "unavailable",
                                       "this ward has not configured its Zalo app (zalo.app-secret): type the number");
        }
        String number = phoneNumbers.number(accessToken, phoneToken)
                .orElseThrow(() -> new ApiProblem(Status.create(422, "Unprocessable Content"), "not_confirmed",
                                                        "Zalo did not confirm a phone number for these tokens"));
        LOGGER.log(System.Logger.Level.DEBUG, "Mini App phone number exchanged"); // never the number
        HttpJson.send(res, Status.OK_200, Map.of("number", number));
    }
}
