package vn.warddesk.bot.channel.zalo;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.warddesk.bot.channel.ChannelAddress;
import vn.warddesk.bot.channel.TextSplit;
import vn.warddesk.bot.message.Button;
import vn.warddesk.bot.outbox.ChannelSender;
import vn.warddesk.bot.outbox.Delivery;
import vn.warddesk.bot.outbox.SendResult;
import vn.warddesk.bot.store.StoreException;

/**
 * Sends replies as OA customer-service messages: POST {api-base-url}/v3.0/oa/message/cs, header access_token (not
 * Bearer), body {"recipient":{"user_id"},"message":{"text","attachment"?}}
 * (https://developers.zalo.me/docs/official-account/tin-nhan/tin-tu-van/gui-tin-tu-van-dang-van-ban). Buttons go in
 * a template attachment {"type":"template","payload":{"buttons":[{"title","type":"oa.query.hide","payload"}]}}: a
 * query button makes the citizen's Zalo send the payload back to the OA as a user_send_text event (hide: without
 * showing it in the chat), so an action comes back as text "#action:&lt;action&gt;".
 *
 * <p>Customer-service messages are free only as answers: Zalo rejects them some days after the citizen last wrote
 * (error -230/-232, window configurable as zalo.interaction-window, default 7 days): outside it nothing is sent and
 * the message fails with "outside interaction window".
 */
final class ZaloSender implements ChannelSender {
    static final String ACTION_PREFIX = "#action:";
    static final int MAX_BUTTONS = 5;
    static final int MAX_BUTTON_TITLE = 100;
    /** Access token invalid (-216) or expired (-220, -124): refresh once and resend. */
    private static final Set<Integer> TOKEN_ERRORS = Set.of(-216, -220, -124);
    /** The citizen cannot be reached this way: not a follower (-213), no recent interaction (-230, -232), inactive (-227). */
    private static final Set<Integer> UNREACHABLE = Set.of(-213, -230, -232, -227);

    private final ZaloSettings settings;
    private final ZaloTokens tokens;
    private final ZaloHttp http;
    private final Clock clock;

    private final ZaloOas oas;
    private final ZaloWardTokens wardTokens;

    ZaloSender(ZaloSettings settings, ZaloTokens tokens, ZaloHttp http, Clock clock, ZaloOas oas,
               ZaloWardTokens wardTokens) {
        this.oas = oas;
        this.wardTokens = wardTokens;
        this.settings = settings;
        this.tokens = tokens;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public String channel() {
        return "zalo";
    }

    @Override
    public RateLimits limits() {
        return new RateLimits(settings.perOaPerSecond(), settings.perChatPerSecond());
    }

    @Override
    public boolean needsLastInbound() {
        return true;
    }

    @Override
    public String bot(String address) {
        // "recipient@ward" goes out through that ward's own oa; a plain recipient through the configuration's.
        return ChannelAddress.parse(address).wardBot().orElse("");
    }

    @Override
    public SendResult send(Delivery delivery) {
        boolean inWindow = delivery.lastInboundAt()
                .map(at -> at.plus(settings.interactionWindow()).isAfter(clock.instant()))
                .orElse(false);
        if (!inWindow) {
            return new SendResult.Failed("outside interaction window");
        }
        String text = delivery.reply().text();
        if (text == null || text.isBlank()) {
            return new SendResult.Failed("empty message text");
        }
        ChannelAddress address = ChannelAddress.parse(delivery.address());
        List<String> parts = TextSplit.split(text, settings.maxTextChars());
        SendResult last = SendResult.sent();
        for (int i = 0; i < parts.size(); i++) {
            ObjectNode body = ZaloHttp.JSON.createObjectNode();
            body.putObject("recipient").put("user_id", address.recipient());
            ObjectNode message = body.putObject("message").put("text", parts.get(i));
            if (i == parts.size() - 1 && !delivery.reply().buttons().isEmpty()) {
                message.set("attachment", buttons(delivery.reply().buttons()));
            }
            SendResult result = address.wardBot().isPresent() ? sendForWard(address.wardBot().get(), body)
                    : sendWithToken(body);
            if (!(result instanceof SendResult.Sent)) {
                return result;
            }
            last = result;
        }
        return last;
    }

    private SendResult sendWithToken(ObjectNode body) {
        ZaloTokens.Token token;
        try {
            token = tokens.accessToken();
        } catch (ZaloTokens.Unavailable | StoreException e) {
            return new SendResult.Retry(e.getMessage());
        }
        ZaloHttp.Answer answer = post(body, token.accessToken());
        if (answer.status() == 200 && TOKEN_ERRORS.contains(answer.error())) {
            try {
                token = tokens.refresh(token.version());
            } catch (ZaloTokens.Unavailable | StoreException e) {
                return new SendResult.Retry(e.getMessage());
            }
            answer = post(body, token.accessToken());
        }
        return interpret(answer);
    }

    /**
     * Through a ward's own OA, with its access token: renewed first when it is about to expire, and once more when
     * Zalo refuses it (HTTP 401 or a token error), then resent once. A renewal that fails leaves the message queued for
     * the outbox's retries.
     */
    private SendResult sendForWard(String wardId, ObjectNode body) {
        if (oas.ofWard(wardId).isEmpty()) {
            return new SendResult.Retry("no Zalo OA set for this conversation's ward");
        }
        String token;
        try {
            token = wardTokens.accessToken(wardId);
        } catch (ZaloWardTokens.Unavailable | StoreException e) {
            return new SendResult.Retry(e.getMessage());
        }
        ZaloHttp.Answer answer = post(body, token);
        if (answer.status() == 401 || answer.status() == 200 && TOKEN_ERRORS.contains(answer.error())) {
            try {
                token = wardTokens.refresh(wardId, token);
            } catch (ZaloWardTokens.Unavailable | StoreException e) {
                return new SendResult.Retry(e.getMessage());
            }
            answer = post(body, token);
        }
        return interpret(answer);
    }

    private SendResult interpret(ZaloHttp.Answer answer) {
        if (answer.status() == 0 || answer.status() >= 500) {
            return new SendResult.Retry(answer.status() == 0 ? answer.problem() : "zalo HTTP " + answer.status());
        }
        if (answer.status() != 200) {
            return new SendResult.Failed("zalo HTTP " + answer.status());
        }
        int error = answer.error();
        String reason = "zalo " + error + ": " + answer.message();
        if (error == 0) {
            // Success: {"error": 0, "message": "Success", "data": {"message_id": "…", "user_id": "…"}}.
            var id = answer.body().path("data").path("message_id");
            return SendResult.sent(id.isMissingNode() || id.isNull() ? null : id.asText());
        }
        if (error == -32) {
            return new SendResult.RetryAfter(settings.rateLimitBackoff(), reason); // rate limit
        }
        if (error == -211) {
            return new SendResult.RetryAfter(settings.quotaBackoff(), reason); // quota used up
        }
        if (TOKEN_ERRORS.contains(error)) {
            return new SendResult.Retry(reason + " (after a token refresh)");
        }
        if (UNREACHABLE.contains(error)) {
            return new SendResult.Failed(reason);
        }
        return new SendResult.Failed(reason);
    }

    private ZaloHttp.Answer post(ObjectNode body, String accessToken) {
        return http.send(ZaloHttp.Request.post(settings.apiBase() + "/v3.0/oa/message/cs", "application/json", body.toString())
                                 .header("access_token", accessToken));
    }

    private static ObjectNode buttons(List<Button> buttons) {
        ObjectNode attachment = ZaloHttp.JSON.createObjectNode().put("type", "template");
        ArrayNode list = attachment.putObject("payload").putArray("buttons");
        for (Button button : buttons.subList(0, Math.min(MAX_BUTTONS, buttons.size()))) {
            String title = button.label().isBlank() ? button.action() : button.label();
            list.addObject()
                    .put("title", title.length() > MAX_BUTTON_TITLE ? title.substring(0, MAX_BUTTON_TITLE) : title)
                    .put("type", "oa.query.hide")
                    .put("payload", ACTION_PREFIX + button.action());
        }
        return attachment;
    }
}
