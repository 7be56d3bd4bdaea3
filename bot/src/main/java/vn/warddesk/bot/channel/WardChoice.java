package vn.warddesk.bot.channel;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import vn.warddesk.bot.conversation.Input;
import vn.warddesk.bot.message.Button;
import vn.warddesk.bot.message.Reply;
import vn.warddesk.bot.store.Jdbc;
import vn.warddesk.bot.ward.Ward;
import vn.warddesk.bot.ward.WardStore;

/**
 * For a province-wide bot/OA: the ward each platform user talks to (table channel_ward_choice, keyed by the user's
 * keyed hash), asked for at the first message and matched against the enabled wards' names. "/ward" (or "/phuong")
 * forgets the choice and asks again. A ward disabled since it was chosen is asked for again.
 */
public final class WardChoice {
    /** The callback action of a candidate button: "ward:" + ward id. */
    public static final String ACTION = "ward:";

    private static final String SELECT = "SELECT ward_id FROM channel_ward_choice WHERE channel = ? AND user_hash = ?";
    private static final String UPSERT = """
            INSERT INTO channel_ward_choice (channel, user_hash, ward_id, chosen_at) VALUES (?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE ward_id = VALUES(ward_id), chosen_at = VALUES(chosen_at)""";
    private static final String DELETE = "DELETE FROM channel_ward_choice WHERE channel = ? AND user_hash = ?";

    private final DataSource dataSource;
    private final WardStore wards;
    private final Clock clock;
    private final WardChoiceTexts texts;

    /** @param texts the bot's texts; a province-wide bot speaks with the default ward's wording */
    public WardChoice(DataSource dataSource, WardStore wards, Clock clock, WardChoiceTexts texts) {
        this.dataSource = dataSource;
        this.wards = wards;
        this.clock = clock;
        this.texts = texts;
    }

    /** Where a message goes: to a ward's conversation, or back to the citizen with a question. */
    public sealed interface Outcome {
        /** {@code justChosen}: this message named the ward (the conversation starts now, with a greeting). */
        record Routed(String wardId, boolean justChosen) implements Outcome {
        }

        record Ask(Reply reply) implements Outcome {
        }
    }

    public Outcome route(String channel, String userHash, Input input, String locale) {
        if (input instanceof Input.Text text && isChangeCommand(text.text())) {
            forget(channel, userHash);
            return new Outcome.Ask(Reply.text(texts.which(locale)));
        }
        Optional<String> chosen = chosen(channel, userHash).filter(this::enabled);
        if (chosen.isPresent()) {
            return new Outcome.Routed(chosen.get(), false);
        }
        List<Ward> enabled = wards.list().stream().filter(Ward::enabled).toList();
        return switch (input) {
            case Input.Action action when action.action().startsWith(ACTION) -> {
                String wardId = action.action().substring(ACTION.length());
                yield enabled.stream().anyMatch(w -> w.id().equals(wardId)) ? choose(channel, userHash, wardId)
                        : new Outcome.Ask(Reply.text(texts.which(locale)));
            }
            case Input.Text text -> switch (WardNames.match(text.text(), enabled)) {
                case WardNames.Match.One one -> choose(channel, userHash, one.ward().id());
                case WardNames.Match.Several several -> new Outcome.Ask(new Reply(texts.pick(locale),
                        several.candidates().stream().map(w -> new Button(w.nameVi(), ACTION + w.id())).toList()));
                case WardNames.Match.None none -> new Outcome.Ask(Reply.text(
                        text.text().startsWith("/") ? texts.which(locale) : texts.notFound(locale)));
            };
            default -> new Outcome.Ask(Reply.text(texts.which(locale)));
        };
    }

    private static boolean isChangeCommand(String text) {
        String command = text.strip().toLowerCase(java.util.Locale.ROOT);
        return command.equals("/ward") || command.equals("/phuong") || command.startsWith("/ward@")
               || command.startsWith("/phuong@");
    }

    private boolean enabled(String wardId) {
        return wards.find(wardId).map(Ward::enabled).orElse(false);
    }

    private Outcome choose(String channel, String userHash, String wardId) {
        Jdbc.inTransaction(dataSource, c -> {
            try (PreparedStatement upsert = c.prepareStatement(UPSERT)) {
                upsert.setString(1, channel);
                upsert.setString(2, userHash);
                upsert.setString(3, wardId);
                upsert.setTimestamp(4, Timestamp.from(clock.instant()));
                return upsert.executeUpdate();
            }
        });
        return new Outcome.Routed(wardId, true);
    }

    Optional<String> chosen(String channel, String userHash) {
        return Jdbc.withConnection(dataSource, c -> {
            try (PreparedStatement select = c.prepareStatement(SELECT)) {
                select.setString(1, channel);
                select.setString(2, userHash);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    private void forget(String channel, String userHash) {
        Jdbc.inTransaction(dataSource, c -> {
            try (PreparedStatement delete = c.prepareStatement(DELETE)) {
                delete.setString(1, channel);
                delete.setString(2, userHash);
                return delete.executeUpdate();
            }
        });
    }
}
