package vn.warddesk.bot.channel.zalo;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import vn.warddesk.bot.channel.ChannelAddress;
import vn.warddesk.bot.channel.WardChoice;
import vn.warddesk.bot.message.Reply;
import vn.warddesk.bot.channel.WebhookSupport;
import vn.warddesk.bot.http.ApiProblem;
import vn.warddesk.bot.http.ErrorEdge;
import vn.warddesk.bot.http.HttpJson;
import vn.warddesk.bot.conversation.ConversationRef;
import vn.warddesk.bot.conversation.InboundEvent;
import vn.warddesk.bot.conversation.Input;
import vn.warddesk.bot.inbox.Accepted;
import vn.warddesk.bot.inbox.DeadLetters;
import vn.warddesk.bot.inbox.Inbox;
import vn.warddesk.bot.privacy.KeyedHash;

/**
 * POST /webhooks/zalo (https://developers.zalo.me/docs/official-account/webhook/tong-quan). Events:
 * user_send_text {"app_id","event_name","sender":{"id"},"recipient":{"id"},"message":{"msg_id","text"},"timestamp"}
 * → text, or a button press when the text is a query-button payload "#action:…" (see {@link ZaloSender});
 * follow {"follower":{"id"}} → started (greeting); unfollow → left. Everything else (images, stickers, seen/received
 * receipts, …) → 200 and nothing. Zalo expects 200 within about 2 seconds and delivers again otherwise: the answer is
 * 200 as soon as the event is committed to the inbox (the inbox workers feed it to the engine); the inbox and then
 * the engine de-duplicate on the event id "zalo:&lt;msg_id&gt;".
 */
final class ZaloWebhook {
    static final HeaderName SIGNATURE = HeaderNames.create("X-ZEvent-Signature");
    private static final System.Logger LOGGER = System.getLogger(ZaloWebhook.class.getName());

    private final ZaloSettings settings;
    private final KeyedHash hash;
    private final String wardId;
    private final Inbox inbox;
    private final Runnable accepted;
    private final Clock clock;
    private final DeadLetters deadLetters;
    private final ZaloOas oas;
    private final WardChoice wardChoice;
    private final BiConsumer<String, Reply> ask;

    /**
     * @param wardChoice for a province-wide OA ({@code zalo.province-wide}): which ward each follower talks to
     * @param ask sends a "which ward?" question to an address at once (not through the outbox: no conversation yet)
     */
    ZaloWebhook(ZaloSettings settings, KeyedHash hash, String wardId, Inbox inbox, Runnable accepted,
                Clock clock, DeadLetters deadLetters, ZaloOas oas, WardChoice wardChoice, BiConsumer<String, Reply> ask) {
        this.wardChoice = wardChoice;
        this.ask = ask;
        this.deadLetters = deadLetters;
        this.settings = settings;
        this.hash = hash;
        this.wardId = wardId;
        this.inbox = inbox;
        this.accepted = accepted;
        this.clock = clock;
        this.oas = oas;
    }

    /** Which ward the events belong to and, for a ward's own OA, that ward (kept in the address for the replies). */
    record Destination(String wardId, Optional<String> ownOa) {
        String address(String userId) {
            return ownOa.map(ward -> ChannelAddress.ofWard(userId, ward)).orElseGet(() -> ChannelAddress.global(userId))
                    .encode();
        }
    }

    /** POST /webhooks/zalo: the configuration's OA, for the default ward. */
    void handle(ServerRequest request, ServerResponse response) {
        if (!settings.oaEnabled()) {
            throw new ApiProblem(Status.NOT_FOUND_404, "channel_disabled", "the Zalo OA channel is not configured (zalo.app-id, zalo.oa-id, zalo.oa-secret-key,"
                                 + " zalo.app-secret)");
        }
        receive(settings.appId(), settings.oaSecretKey(), new Destination(wardId, Optional.empty()), request, response);
    }

    /** POST /webhooks/zalo/{ward}: a ward's own OA, checked with its app id and OA secret key; 404 otherwise. */
    void handleWard(ServerRequest request, ServerResponse response) {
        String ward = request.path().pathParameters().get("ward");
        ZaloOas.Oa oa = oas.ofWard(ward).orElseThrow(() -> new ApiProblem(
                Status.NOT_FOUND_404, "unknown_ward", "no enabled ward with its own Zalo OA at this address"));
        receive(oa.appId(), oa.oaSecretKey(), new Destination(ward, Optional.of(ward)), request, response);
    }

    private void receive(String expectedAppId, String oaSecretKey, Destination to, ServerRequest request,
                         ServerResponse response) {
        byte[] body = HttpJson.bytes(request, settings.maxEventBytes());
        JsonNode event;
        try {
            event = ZaloHttp.JSON.readTree(body);
        } catch (IOException e) {
            event = null;
        }
        if (event == null || !event.isObject()) {
            // Without the body's app_id and timestamp the signature cannot be checked either.
            throw new ApiProblem(Status.BAD_REQUEST_400, "malformed_json", "the body is not a JSON object");
        }
        String appId = event.path("app_id").asText("");
        String timestamp = event.path("timestamp").asText("");
        if (!appId.equals(expectedAppId)
            || !ZaloSignature.matches(request.headers().first(SIGNATURE).orElse(null), appId, body, timestamp,
                                      oaSecretKey)) {
            throw new ApiProblem(Status.UNAUTHORIZED_401, "bad_signature", "missing or wrong X-ZEvent-Signature");
        }
        Optional<String> poison = poison(event);
        if (poison.isPresent()) {
            // Signed by Zalo but impossible to handle: acknowledged (no endless retries), kept for admins.
            deadLetters.store("zalo", event.path("message").path("msg_id").asText("")
                                      + "|" + event.path("event_name").asText("") + "|" + timestamp, poison.get());
            WebhookSupport.ok(response);
            return;
        }
        Optional<InboundEvent> inbound = translate(event, to);
        if (inbound.isPresent() && settings.provinceWide() && to.ownOa().isEmpty()) {
            inbound = route(inbound.get());
        }
        if (inbound.isPresent()) {
            try {
                inbox.accept(new Accepted(inbound.get(), Optional.empty()));
                accepted.run();
            } catch (RuntimeException e) {
                LOGGER.log(System.Logger.Level.WARNING, "zalo event " + event.path("event_name").asText()
                                                        + " not accepted, Zalo will retry: " + e.getClass().getSimpleName());
                throw e instanceof vn.warddesk.bot.store.StoreException store ? store
                    : ApiProblem.unavailable(ErrorEdge.STORE_RETRY_AFTER_SECONDS);
            }
        }
        WebhookSupport.ok(response);
    }

    /**
     * For the province-wide OA: the event in the conversation of the ward the follower named, or nothing while the OA
     * still asks which ward (the message that names it starts that ward's conversation with its greeting). An
     * unfollow before any ward was named is dropped: there is no conversation to leave and no one to ask.
     */
    private Optional<InboundEvent> route(InboundEvent event) {
        if (!(event.conversation() instanceof ConversationRef.ByChannelUser user)) {
            return Optional.of(event);
        }
        return switch (wardChoice.route("zalo", user.userHash(), event.input(), event.locale())) {
            case WardChoice.Outcome.Routed routed -> {
                Input input = routed.justChosen() && !(event.input() instanceof Input.Left) ? new Input.Started()
                        : event.input();
                var ref = new ConversationRef.ByChannelUser(user.channel(), user.userHash(), user.address(), routed.wardId());
                yield Optional.of(new InboundEvent(ref, event.channel(), event.eventId(), input, event.locale(), event.at()));
            }
            case WardChoice.Outcome.Ask question -> {
                if (!(event.input() instanceof Input.Left)) {
                    ask.accept(user.address(), question.reply());
                }
                yield Optional.empty();
            }
        };
    }

    /** Zalo user and message ids are short tokens of letters and digits; longer or odder ones cannot be stored. */
    private static final java.util.regex.Pattern ZALO_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** Why a signed event can never be handled, if it cannot. */
    Optional<String> poison(JsonNode event) {
        for (JsonNode id : List.of(event.path("sender").path("id"), event.path("follower").path("id"),
                                   event.path("message").path("msg_id"))) {
            if (!id.isMissingNode() && !id.isNull() && !ZALO_ID.matcher(id.asText()).matches()) {
                return Optional.of("an id that is not a Zalo id (length or characters)");
            }
        }
        JsonNode text = event.path("message").path("text");
        if (text.isTextual() && (text.asText().length() > settings.maxTextChars() || !HttpJson.clean(text.asText()))) {
            return Optional.of("message text too long or with control characters");
        }
        return Optional.empty();
    }

    Optional<InboundEvent> translate(JsonNode event, Destination to) {
        String name = event.path("event_name").asText("");
        Instant at = timestamp(event.path("timestamp").asText(""));
        switch (name) {
            case "user_send_text" -> {
                String userId = event.path("sender").path("id").asText("");
                String msgId = event.path("message").path("msg_id").asText("");
                if (userId.isEmpty() || msgId.isEmpty()) {
                    return Optional.empty();
                }
                String text = event.path("message").path("text").asText("");
                Input input = text.startsWith(ZaloSender.ACTION_PREFIX)
                        ? new Input.Action(text.substring(ZaloSender.ACTION_PREFIX.length()))
                        : new Input.Text(text);
                return Optional.of(event(to, userId, "zalo:" + msgId, input, at));
            }
            case "follow", "unfollow" -> {
                String userId = event.path("follower").path("id").asText("");
                if (userId.isEmpty()) {
                    return Optional.empty();
                }
                // No msg_id on follow events: the user and Zalo's timestamp identify a redelivery (the user by its
                // keyed hash: event ids are kept in the ledger longer than the address).
                String eventId = "zalo:" + name + ":" + hash.hash(userId) + ":" + event.path("timestamp").asText("");
                return Optional.of(event(to, userId, eventId, name.equals("follow") ? new Input.Started() : new Input.Left(), at));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private InboundEvent event(Destination to, String userId, String eventId, Input input, Instant at) {
        // Zalo sends no language: Vietnamese (the engine switches when the citizen asks).
        return new InboundEvent(new ConversationRef.ByChannelUser("zalo", hash.hash(userId), to.address(userId),
                                                                  to.wardId()), "zalo",
                                eventId, input, "vi", at);
    }

    private Instant timestamp(String millis) {
        try {
            return Instant.ofEpochMilli(Long.parseLong(millis));
        } catch (NumberFormatException e) {
            return clock.instant();
        }
    }
}
