package vn.warddesk.bot.conversation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HeardTest {
    @Test
    void english_so_do_i_loses_its_so_and_rare_ing_forms_of_the_procedures_verbs_are_read_as_the_verb() {
        assertEquals("do I need the original legalised?", Heard.forNlu("so do I need the original legalised?"));
        assertEquals("which is faster, certify a copy or certify a signature?",
                     Heard.forNlu("which is faster, certifying a copy or certifying a signature?"));
        assertEquals("certify my diploma", Heard.forNlu("Certifying my diploma"));
        assertEquals("registering a birth", Heard.forNlu("registering a birth"), "a form the training lines know");
        assertEquals("chứng thực bản sao", Heard.forNlu("chứng thực bản sao"));
    }
}
