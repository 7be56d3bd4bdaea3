package vn.warddesk.bot.catalog;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The freshness rules on small fixture catalogs, as of a fixed day. */
class FreshnessTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    private static final Freshness.Settings DEFAULTS = Freshness.Settings.DEFAULTS;
    private static final Procedure.Source PRIMARY = new Procedure.Source("Luật Hộ tịch", "60/2014/QH13", "Quốc hội", null,
                                                                        TODAY, true);

    private static Procedure.LegalBasis basis(String number, LocalDate from, LocalDate until, String replacedBy) {
        return new Procedure.LegalBasis("Văn bản " + number, number, "Chính phủ", null, from, until, replacedBy, null, null);
    }

    /** Only what the rules read is filled in; the rest of a procedure does not matter to them. */
    private static Procedure procedure(String id, LocalDate reviewed, List<Procedure.LegalBasis> bases, Procedure.Fee fee) {
        return new Procedure(id, reviewed, null, null, "1.001193", false, null, null, null, List.of(), fee, null, null,
                             bases, List.of(PRIMARY), null, List.of(), null);
    }

    private static final Procedure.Fee CERTAIN_FEE = new Procedure.Fee(0L, false, null, null);

    private static Freshness.Report check(Procedure... procedures) {
        Map<String, Procedure> catalog = new LinkedHashMap<>();
        for (Procedure p : procedures) {
            catalog.put(p.id(), p);
        }
        return Freshness.check(catalog, TODAY, DEFAULTS);
    }

    private static List<Freshness.Kind> kinds(Freshness.Report report) {
        return report.findings().stream().map(Freshness.Finding::kind).toList();
    }

    @Test
    void a_fresh_procedure_with_a_basis_in_force_and_certain_facts_has_no_findings() {
        Freshness.Report report = check(procedure("a", TODAY.minusDays(10),
                                                  List.of(basis("1/2020/NĐ-CP", LocalDate.of(2020, 1, 1), null, null)), CERTAIN_FEE));
        assertEquals(List.of(), report.findings());
        assertTrue(report.needingAction().isEmpty());
    }

    @Test
    void a_legal_basis_that_has_ended_is_a_problem_naming_its_replacement() {
        Freshness.Report report = check(procedure("a", TODAY, List.of(
                basis("2/2020/NĐ-CP", LocalDate.of(2020, 1, 1), TODAY, "9/2026/NĐ-CP")), CERTAIN_FEE));
        assertEquals(List.of(Freshness.Kind.BASIS_EXPIRED), kinds(report), "the end day itself is already out of force");
        assertTrue(report.problems().get(0).detail().contains("replaced by 9/2026/NĐ-CP"), report.problems().get(0).detail());
        assertEquals(java.util.Set.of("a"), report.needingAction());
    }

    @Test
    void a_basis_ending_within_sixty_days_is_a_problem_and_one_ending_later_only_a_scheduled_change() {
        Freshness.Report report = check(
                procedure("soon", TODAY, List.of(basis("3/2020/NĐ-CP", LocalDate.of(2020, 1, 1), TODAY.plusDays(60), null)), CERTAIN_FEE),
                procedure("later", TODAY, List.of(basis("4/2020/NĐ-CP", LocalDate.of(2020, 1, 1), TODAY.plusDays(61), null)), CERTAIN_FEE));
        assertEquals(List.of(Freshness.Kind.BASIS_EXPIRING, Freshness.Kind.CHANGE_AHEAD), kinds(report));
        assertEquals(java.util.Set.of("soon"), report.needingAction());
        assertTrue(report.problems().get(0).detail().contains("in 60 days"), report.problems().get(0).detail());
    }

    @Test
    void a_basis_not_yet_in_force_is_listed_as_a_notice() {
        Freshness.Report report = check(procedure("a", TODAY, List.of(
                basis("03/2026/QH16", LocalDate.of(2027, 3, 1), null, null)), CERTAIN_FEE));
        assertEquals(List.of(Freshness.Kind.NOT_YET_IN_FORCE), kinds(report));
        assertTrue(report.problems().isEmpty());
    }

    @Test
    void a_review_older_than_the_allowed_age_is_overdue_and_one_exactly_that_old_is_not() {
        Freshness.Report report = check(procedure("old", TODAY.minusDays(91), List.of(), CERTAIN_FEE),
                                        procedure("edge", TODAY.minusDays(90), List.of(), CERTAIN_FEE));
        assertEquals(List.of(Freshness.Kind.REVIEW_OVERDUE), kinds(report));
        assertEquals("old", report.problems().get(0).procedureId());
        assertTrue(report.problems().get(0).detail().contains("91 days ago (limit 90)"), report.problems().get(0).detail());
    }

    @Test
    void an_uncertain_fee_is_listed_but_is_not_a_problem() {
        Freshness.Report report = check(procedure("a", TODAY, List.of(),
                                                  new Procedure.Fee(null, true, null, null)));
        assertEquals(List.of(Freshness.Kind.UNCERTAIN), kinds(report));
        assertEquals("fee", report.findings().get(0).subject());
        assertTrue(report.needingAction().isEmpty());
        assertEquals(java.util.Set.of("a"), report.withKind(Freshness.Kind.UNCERTAIN));
    }

    @Test
    void a_procedure_without_a_primary_source_read_is_listed_as_uncertain() {
        Procedure p = procedure("a", TODAY, List.of(), CERTAIN_FEE);
        Procedure secondaryOnly = new Procedure(p.id(), p.reviewed(), null, null, p.portalCode(), false, null, null, null,
                List.of(), p.fee(), null, null, List.of(),
                List.of(new Procedure.Source("Tin tức", "1/2025/NĐ-CP", "Báo", null, TODAY, false)), null, List.of(), null);
        Freshness.Report report = check(secondaryOnly);
        assertEquals("no primary source read", report.findings().get(0).subject());
        assertFalse(report.findings().get(0).problem());
    }

    @Test
    void problems_come_before_notices() {
        Freshness.Report report = check(
                procedure("unsure", TODAY, List.of(), new Procedure.Fee(null, true, null, null)),
                procedure("old", TODAY.minusDays(200), List.of(), CERTAIN_FEE));
        assertEquals(List.of(Freshness.Kind.REVIEW_OVERDUE, Freshness.Kind.UNCERTAIN), kinds(report));
    }

    @Test
    void the_limits_come_from_the_catalog_settings_and_bad_values_are_refused() {
        Freshness.Settings settings = Freshness.Settings.from(Config.just(ConfigSources.create(
                Map.of("review-max-age", "P30D", "expiry-warning", "P10D"))));
        assertEquals(new Freshness.Settings(30, 10), settings);
        assertEquals(DEFAULTS, Freshness.Settings.from(Config.empty()));
        Map<String, Procedure> catalog = Map.of("a", procedure("a", TODAY.minusDays(31), List.of(
                basis("5/2020/NĐ-CP", LocalDate.of(2020, 1, 1), TODAY.plusDays(11), null)), CERTAIN_FEE));
        assertEquals(List.of(Freshness.Kind.REVIEW_OVERDUE, Freshness.Kind.CHANGE_AHEAD),
                     kinds(Freshness.check(catalog, TODAY, settings)));
        assertThrows(io.helidon.config.ConfigException.class, () -> Freshness.Settings.from(
                Config.just(ConfigSources.create(Map.of("review-max-age", "ninety days")))));
    }
}
