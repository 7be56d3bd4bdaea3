package vn.warddesk.bot.catalog;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ward's real seed content (config/catalog) loads and answers every aspect in both languages. */
class CatalogContentTest {
    static final Path SEED_DIR = Path.of("..", "config", "catalog");
    private static Seed seed;

    @BeforeAll
    static void load() {
        seed = Seed.load(Seed.source(SEED_DIR));
    }

    @Test
    void every_procedure_of_intents_tsv_has_a_valid_file() {
        assertEquals(15, seed.procedures().size());
        for (String id : ProcedureIds.ALL) {
            Procedure p = seed.procedures().get(id);
            assertEquals(id, p.id());
            assertTrue(Validation.procedure(p, id).isEmpty(), id);
            assertFalse(p.sources().isEmpty(), id + " has sources");
            assertFalse(p.intake().isEmpty(), id + " has intake fields");
        }
    }

    @Test
    void every_aspect_of_every_procedure_answers_in_both_languages_within_700_characters() {
        for (Procedure p : seed.procedures().values()) {
            for (Lang lang : Lang.values()) {
                for (String aspect : Catalog.ASPECTS) {
                    Catalog.Answer answer = Answers.answer(p, aspect, lang, seed.office());
                    String where = p.id() + "/" + aspect + "/" + lang;
                    assertFalse(answer.text().isBlank(), where);
                    int length = Answers.length(answer);
                    assertTrue(length <= 700, where + " is " + length + " characters");
                    assertFalse(answer.followUps().isEmpty(), where);
                    assertTrue(answer.followUps().stream().anyMatch(f -> f.action().equals("start:" + p.id())), where);
                    assertTrue(answer.followUps().stream().anyMatch(f -> f.action().equals("staff")), where);
                    assertTrue(answer.followUps().stream().noneMatch(f -> f.action().equals("ask:" + p.id() + ":" + aspect)),
                               where + " does not offer itself");
                }
            }
        }
    }

    @Test
    void documents_answer_lists_every_paper() {
        for (Procedure p : seed.procedures().values()) {
            Catalog.Answer answer = Answers.answer(p, "documents", Lang.VI, seed.office());
            assertEquals(p.documents().size(), answer.items().size(), p.id());
            for (int i = 0; i < p.documents().size(); i++) {
                assertTrue(answer.items().get(i).startsWith(p.documents().get(i).text().vi()), p.id());
            }
        }
    }

    @Test
    void an_uncertain_fee_sends_the_citizen_to_the_desk_instead_of_a_figure() {
        Procedure p = seed.procedures().values().stream().filter(x -> Boolean.TRUE.equals(x.fee().uncertain()))
                .findFirst().orElseThrow();
        String vi = Answers.answer(p, "fee", Lang.VI, seed.office()).text().toLowerCase();
        String en = Answers.answer(p, "fee", Lang.EN, seed.office()).text().toLowerCase();
        assertTrue(Validation.sendsToDesk(vi, Lang.VI), vi);
        assertTrue(Validation.sendsToDesk(en, Lang.EN), en);
        assertFalse(vi.startsWith("lệ phí:"), "no headline figure: " + vi);
    }

    @Test
    void uncertain_figures_get_the_desk_phrase_even_when_the_editor_forgot_it() {
        Procedure p = seed.procedures().get("birth_registration");
        Procedure unsure = new Procedure(p.id(), p.reviewed(), p.icon(), p.authority(), p.portalCode(),
                p.portalCodeUncertain(), p.name(), p.summary(), p.eligibility(), p.documents(),
                new Procedure.Fee(null, true, new Procedure.Text("Lệ phí theo quy định của tỉnh.", "Fee set by the province."), null),
                new Procedure.ProcessingTime(null, true, new Procedure.Text("Tùy hồ sơ.", "Depends on the case.")),
                p.online(), p.legalBasis(), p.sources(), p.editorNotes(), p.intake(), p.eligibilityUncertain());
        assertTrue(Answers.answer(unsure, "fee", Lang.VI, seed.office()).text().contains(Answers.CONFIRM_VI));
        assertTrue(Answers.answer(unsure, "fee", Lang.EN, seed.office()).text().contains(Answers.CONFIRM_EN));
        assertTrue(Answers.answer(unsure, "processing_time", Lang.VI, seed.office()).text().contains(Answers.CONFIRM_VI));
        assertTrue(Answers.answer(unsure, "processing_time", Lang.EN, seed.office()).text().contains(Answers.CONFIRM_EN));
    }

    @Test
    void a_certain_fee_is_stated_as_a_figure() {
        Procedure p = seed.procedures().values().stream()
                .filter(x -> !Boolean.TRUE.equals(x.fee().uncertain()) && x.fee().amountVnd() != null && x.fee().amountVnd() > 0)
                .findFirst().orElseThrow();
        String en = Answers.answer(p, "fee", Lang.EN, seed.office()).text();
        assertTrue(en.startsWith("Fee: " + String.format(java.util.Locale.ENGLISH, "%,d", p.fee().amountVnd()) + " VND"), en);
    }

    @Test
    void apply_offers_to_start_the_request_first() {
        for (Procedure p : seed.procedures().values()) {
            List<Catalog.FollowUp> buttons = Answers.answer(p, "apply", Lang.VI, seed.office()).followUps();
            assertEquals("start:" + p.id(), buttons.get(0).action());
            assertEquals("Bắt đầu nộp yêu cầu", buttons.get(0).label());
            assertEquals("Start a request", Answers.answer(p, "apply", Lang.EN, seed.office()).followUps().get(0).label());
        }
    }

    @Test
    void office_and_privacy_notice_load() {
        assertTrue(seed.office().wardId() != null && !seed.office().wardId().isBlank());
        assertFalse(seed.notice().version().isBlank());
        assertTrue(seed.notice().shortText().vi().length() <= 600);
    }
}
