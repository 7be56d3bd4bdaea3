package vn.warddesk.bot.channel;

import java.util.Map;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

import vn.warddesk.bot.http.HttpJson;

/** What every webhook answers the same way once an event is stored (failures are thrown to the error edge). */
public final class WebhookSupport {
    private WebhookSupport() {
    }

    public static void ok(ServerResponse response) {
        HttpJson.send(response, Status.OK_200, Map.of("ok", true));
    }
}
