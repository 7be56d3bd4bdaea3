package vn.warddesk.bot.staff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import vn.warddesk.bot.observe.LogMask;

/**
 * The one place analytics reads what citizens typed. Rules (issue 18, point 6):
 * <ol>
 *   <li>Only free questions: a citizen's text in a conversation before it ever reached consent or a case. Everything
 *   typed from the first consent decision on (intake answers: names, dates, phone numbers) or after a case was opened
 *   (messages to an officer) is never read here, not even counted as an intent.</li>
 *   <li>Of those, only the ones the bot could not answer (intent {@code out_of_scope} or {@code unclear}) are
 *   candidates for display.</li>
 *   <li>A text is shown only after masking ({@link LogMask}: phone numbers, ID numbers, e-mails) and only when at
 *   least {@link #K} different conversations typed the same masked text (compared case- and space-insensitively);
 *   every other unanswered question is counted, not shown.</li>
 * </ol>
 * The intent is the one the engine stored with the turn (conversation_event {@code user_said}); a "did you mean…?"
 * counts as unclear. Messages handled before events were stored carry no intent and are not counted: nothing is
 * classified again here.
 */
final class UnansweredQuestions {
    /** A text is shown only when at least this many conversations typed it. */
    static final int K = 3;
    private static final int MAX_SHOWN = 50;
    private static final int MAX_TEXT = 300;

    /**
     * Citizen texts of the ward's conversations in the period, excluding everything typed at or after the
     * conversation's first consent decision or its first case.
     */
    static final String CANDIDATES = """
            SELECT m.conversation_id, m.text, e.intent, e.detail FROM message m
            JOIN conversation c ON c.id = m.conversation_id
            JOIN conversation_event e ON e.message_id = m.id AND e.type = 'user_said'
            WHERE c.ward_id = ? AND m.direction = 'in' AND m.created_at >= ? AND m.text IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM consent k WHERE k.conversation_id = m.conversation_id
                              AND k.created_at <= m.created_at)
              AND NOT EXISTS (SELECT 1 FROM case_file f WHERE f.conversation_id = m.conversation_id
                              AND f.created_at <= m.created_at)
            ORDER BY m.id DESC LIMIT ?""";

    private final int maxRead;

    UnansweredQuestions(int maxRead) {
        this.maxRead = maxRead;
    }

    private static String intent(String stored, String detail) {
        // The engine asked "did you mean…?" below its threshold: unclear, not the intent it guessed.
        return "clarify".equals(detail) && !"out_of_scope".equals(stored) ? "unclear" : stored;
    }

    /** A question shown to the ward: masked text, how many conversations typed it, why it went unanswered. */
    record Shown(String kind, String text, long conversations) {
    }

    /**
     * Intent counts over the free questions; the unanswered ones shown (k ≥ K); how many unanswered questions
     * there were and how many of them were withheld (counted, not shown).
     */
    record Result(Map<String, Long> intents, List<Shown> shown, long unanswered, long withheld) {
    }

    Result collect(Connection c, String wardId, Instant since) throws SQLException {
        Map<String, Long> intents = new HashMap<>();
        // masked, normalised text -> kind, first masked form seen, conversations that typed it
        Map<String, String> kinds = new LinkedHashMap<>();
        Map<String, String> forms = new HashMap<>();
        Map<String, Set<String>> who = new HashMap<>();
        Map<String, Long> typed = new HashMap<>();
        long unanswered = 0;
        try (PreparedStatement ps = c.prepareStatement(CANDIDATES)) {
            ps.setString(1, wardId);
            ps.setTimestamp(2, Timestamp.from(since));
            ps.setInt(3, maxRead);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String text = rs.getString(2);
                    if (rs.getString(3) == null) {
                        continue; // handled before intents were stored with the turn
                    }
                    String intent = intent(rs.getString(3), rs.getString(4));
                    intents.merge(intent, 1L, Long::sum);
                    if (!"out_of_scope".equals(intent) && !"unclear".equals(intent)) {
                        continue;
                    }
                    unanswered++;
                    String masked = LogMask.mask(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text);
                    String key = normalised(masked);
                    kinds.putIfAbsent(key, intent);
                    forms.putIfAbsent(key, masked.strip());
                    who.computeIfAbsent(key, k -> new HashSet<>()).add(rs.getString(1));
                    typed.merge(key, 1L, Long::sum);
                }
            }
        }
        List<Shown> shown = new ArrayList<>();
        long withheld = 0;
        for (Map.Entry<String, String> entry : kinds.entrySet()) {
            int conversations = who.get(entry.getKey()).size();
            if (conversations >= K && shown.size() < MAX_SHOWN) {
                shown.add(new Shown(entry.getValue(), forms.get(entry.getKey()), conversations));
            } else {
                withheld += typed.get(entry.getKey());
            }
        }
        shown.sort((a, b) -> Long.compare(b.conversations(), a.conversations()));
        return new Result(intents, shown, unanswered, withheld);
    }

    /** Same question, same key: case, spacing and trailing punctuation do not matter. */
    static String normalised(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("[\\s.?!…]+$", "").strip();
    }
}
