package vn.warddesk.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** crossval's per-intent table of accented lines as written vs stripped of their diacritics. */
class StrippedGapTableTest {

    @Test
    void the_intent_that_loses_most_when_stripped_comes_first_with_its_gap_in_points() {
        Map<String, int[]> counts = new TreeMap<>();
        counts.put("affirm", new int[] {20, 20, 19});          // 1 line lost: 5 points
        counts.put("birth_registration", new int[] {50, 45, 47}); // stripped better: -4 points
        counts.put("deny", new int[] {10, 10, 7});             // 3 lines lost: 30 points
        List<String> table = Cli.strippedGapTable(counts);
        assertEquals(3, table.size());
        assertTrue(table.get(0).startsWith("deny") && table.get(0).endsWith("gap +30.0"), table.get(0));
        assertTrue(table.get(1).startsWith("affirm") && table.get(1).endsWith("gap +5.0"), table.get(1));
        assertTrue(table.get(2).startsWith("birth_registration") && table.get(2).endsWith("gap -4.0"), table.get(2));
    }
}
