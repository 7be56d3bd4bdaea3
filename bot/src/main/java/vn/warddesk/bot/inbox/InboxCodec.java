package vn.warddesk.bot.inbox;

import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.warddesk.bot.conversation.ConversationRef;
import vn.warddesk.bot.conversation.InboundEvent;
import vn.warddesk.bot.conversation.Input;

/** The stored form of an accepted event: a small, explicit JSON document (no polymorphic Jackson typing). */
final class InboxCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private InboxCodec() {
    }

    static String encode(Accepted accepted) {
        InboundEvent event = accepted.event();
        ObjectNode root = JSON.createObjectNode();
        switch (event.conversation()) {
            case ConversationRef.ById byId -> root.put("conversationId", byId.conversationId());
            case ConversationRef.ByChannelUser user -> root.putObject("user")
                    .put("channel", user.channel()).put("userHash", user.userHash())
                    .put("address", user.address()).put("wardId", user.wardId());
        }
        root.put("channel", event.channel());
        root.put("eventId", event.eventId());
        root.put("locale", event.locale());
        root.put("at", event.at().toEpochMilli());
        ObjectNode input = root.putObject("input");
        switch (event.input()) {
            case Input.Text text -> input.put("kind", "text").put("value", text.text());
            case Input.Action action -> input.put("kind", "action").put("value", action.action());
            case Input.Started ignored -> input.put("kind", "started");
            case Input.Left ignored -> input.put("kind", "left");
        }
        accepted.followUp().ifPresent(followUp -> root.put("followUp", followUp));
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Empty when the stored document is not one this version understands (the row is then marked failed). */
    static Optional<Accepted> decode(String payload) {
        try {
            JsonNode root = JSON.readTree(payload);
            ConversationRef ref;
            if (root.has("user")) {
                JsonNode user = root.get("user");
                ref = new ConversationRef.ByChannelUser(user.path("channel").asText(), user.path("userHash").asText(),
                                                        user.path("address").asText(), user.path("wardId").asText());
            } else if (root.hasNonNull("conversationId")) {
                ref = new ConversationRef.ById(root.get("conversationId").asText());
            } else {
                return Optional.empty();
            }
            JsonNode input = root.path("input");
            Input decoded = switch (input.path("kind").asText("")) {
                case "text" -> new Input.Text(input.path("value").asText(""));
                case "action" -> new Input.Action(input.path("value").asText(""));
                case "started" -> new Input.Started();
                case "left" -> new Input.Left();
                default -> null;
            };
            if (decoded == null) {
                return Optional.empty();
            }
            InboundEvent event = new InboundEvent(ref, root.path("channel").asText(), root.path("eventId").asText(),
                                                  decoded, root.path("locale").asText("vi"),
                                                  Instant.ofEpochMilli(root.path("at").asLong()));
            Optional<String> followUp = root.hasNonNull("followUp") ? Optional.of(root.get("followUp").asText())
                    : Optional.empty();
            return Optional.of(new Accepted(event, followUp));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
