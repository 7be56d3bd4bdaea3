package vn.warddesk.bot.channel.web;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import vn.warddesk.bot.http.ApiProblem;
import vn.warddesk.bot.http.ClientAddress;
import vn.warddesk.bot.http.EdgeSettings;
import vn.warddesk.bot.http.HttpJson;
import vn.warddesk.bot.http.RequestLimit;
import vn.warddesk.bot.ward.KioskDevices;
import vn.warddesk.bot.ward.Ward;

/**
 * The kiosk's side of pairing, under /api/v1/kiosk: exchange an admin's one-time code for a device token
 * ({@code POST /pair}), and ask which ward this kiosk serves ({@code GET /device}). Pairing attempts are limited per
 * client address like sign-ins: eight digits valid for minutes must not be guessable.
 */
public final class KioskDeviceApi implements HttpService {
    private final PublicWard publicWard;
    private final ClientAddress clients;
    private final RequestLimit attemptsPerClient;
    private final Clock clock;

    public KioskDeviceApi(PublicWard publicWard, EdgeSettings edge, Clock clock) {
        this.publicWard = publicWard;
        this.clients = ClientAddress.of(edge);
        this.attemptsPerClient = RequestLimit.perKey("pairing attempts from this address",
                                                     edge.limits().signInsPerClient(), edge.limits());
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/pair", this::pair)
                .get("/device", this::device);
    }

    private void pair(ServerRequest req, ServerResponse res) {
        attemptsPerClient.take(clients.of(req));
        JsonNode body = HttpJson.object(req, 1024);
        String code = HttpJson.textOrEmpty(body, "code").replace(" ", "").strip();
        KioskDevices.Paired paired = publicWard.devices().pair(code, clock.instant())
                .orElseThrow(() -> new ApiProblem(404, "unknown_code",
                                                  "This pairing code is not valid (wrong, used or expired). Ask the ward admin for a new one."));
        Map<String, Object> json = wardJson(publicWard.ward(paired.wardId()));
        json.put("paired", true);
        json.put("deviceId", paired.deviceId());
        json.put("label", paired.label());
        json.put("token", paired.token());
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        HttpJson.send(res, Status.CREATED_201, json);
    }

    /**
     * With a device token: the paired ward (401 when revoked). Without: whether this kiosk must be paired first, and
     * the ward it would serve unpaired ({@code ?ward=} or the default).
     */
    private void device(ServerRequest req, ServerResponse res) {
        var device = publicWard.device(req);
        Map<String, Object> json;
        if (device.isPresent()) {
            json = wardJson(publicWard.ward(device.get().wardId()));
            json.put("paired", true);
            json.put("label", device.get().label());
        } else {
            json = new LinkedHashMap<>();
            json.put("paired", false);
            json.put("pairingRequired", publicWard.settings().pairingRequired());
            if (!publicWard.settings().pairingRequired()) {
                json.put("wardId", publicWard.of(req, "web"));
            }
        }
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        HttpJson.send(res, Status.OK_200, json);
    }

    /** {@code /kiosk/{ward}/}: the kiosk for that ward (404 for an unknown or disabled one); files pass through. */
    public void wardPage(ServerRequest req, ServerResponse res) {
        String ward = req.path().pathParameters().get("ward");
        if (ward.contains(".")) {
            res.next();
            return;
        }
        String id = publicWard.ward(ward).id();
        res.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, "/kiosk/?ward=" + id).send();
    }

    private static Map<String, Object> wardJson(Ward ward) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("wardId", ward.id());
        json.put("nameVi", ward.nameVi());
        json.put("nameEn", ward.nameEn());
        return json;
    }
}
