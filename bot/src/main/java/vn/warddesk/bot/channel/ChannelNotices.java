package vn.warddesk.bot.channel;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;

import javax.sql.DataSource;

import vn.warddesk.bot.store.Jdbc;
import vn.warddesk.bot.text.WardTexts;

/**
 * One-off notices to chat users: remembers which were said (table channel_notice), so a notice is said once, replays
 * included, and gives their text in the ward's words.
 */
public final class ChannelNotices {
    private static final String INSERT = """
            INSERT IGNORE INTO channel_notice (channel, user_hash, notice, created_at) VALUES (?, ?, ?, ?)""";

    private final DataSource dataSource;
    private final Clock clock;
    private final WardTexts texts;

    public ChannelNotices(DataSource dataSource, Clock clock, WardTexts texts) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.texts = texts;
    }

    /** True exactly once per (channel, user, notice): the caller then says it. */
    public boolean firstTime(String channel, String userHash, String notice) {
        return Jdbc.inTransaction(dataSource, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setString(1, channel);
                insert.setString(2, userHash);
                insert.setString(3, notice);
                insert.setTimestamp(4, Timestamp.from(clock.instant()));
                return insert.executeUpdate() == 1;
            }
        });
    }

    /** "Only text is understood", in the ward's words and the citizen's language (Vietnamese first). */
    public String onlyText(String wardId, String locale) {
        return texts.of(wardId, "en".equals(locale) ? "en" : "vi").get("channel.only_text");
    }
}
