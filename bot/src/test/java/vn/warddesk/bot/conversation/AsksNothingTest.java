package vn.warddesk.bot.conversation;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AsksNothingTest {
    @Test
    void keyboard_mash_runs_along_one_row_and_is_no_word() {
        for (String mash : List.of("asdfgh", "qwertyuiop", "sdfghjkl", "jkjkjkjk", "asdfg hjkl")) {
            assertTrue(AsksNothing.mash(Folding.fold(mash)), mash);
        }
        for (String word : List.of("hjhj", "cai do", "hello", "were", "phí bao nhiêu", "are you a robot lol", "")) {
            assertFalse(AsksNothing.mash(Folding.fold(word)), word);
        }
    }

    @Test
    void a_farewell_beside_thanks() {
        assertTrue(AsksNothing.farewell(Folding.fold("thanks, bye")));
        assertTrue(AsksNothing.farewell(Folding.fold("cảm ơn, chào nhé")));
        assertFalse(AsksNothing.farewell(Folding.fold("cảm ơn ad")));
    }
}
