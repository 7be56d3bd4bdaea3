package vn.warddesk.bot.catalog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./warddesk content check} on the real demo content and on broken copies of it: what it prints and its exit
 * code (0 nothing to do, 1 something needs action, 2 the catalog cannot be read), with "today" from a fixed clock.
 */
class ContentCheckTest {
    /** 6 December 2026, 10:00 in Vietnam: the day of the content review. */
    private static final Clock REVIEW_DAY = Clock.fixed(Instant.parse("2026-12-06T03:00:00Z"), ZoneOffset.UTC);

    private record Run(int exit, String output) {
    }

    private static Run run(Path dir, Clock clock, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Config catalog = Config.just(ConfigSources.create(Map.of("dir", dir.toString())));
        int exit = ContentCheck.run(CatalogSettings.from(catalog), clock, List.of(args), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
    }

    /** A copy of the catalog folder in {@code <temp>/catalog} (no wards folder beside it: the national layer alone). */
    private static Path copyOfTheSeed(Path temp) throws IOException {
        return copy(CatalogContentTest.SEED_DIR, temp.resolve("catalog"));
    }

    private static Path copy(Path from, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path to = target.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        }
        return target;
    }

    @Test
    void the_demo_content_passes_on_its_review_day_and_lists_the_march_2027_change_over() {
        Run run = run(CatalogContentTest.SEED_DIR, REVIEW_DAY);
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("NEEDS ACTION: nothing"), run.output());
        assertTrue(run.output().contains("60/2014/QH13 ends on 2027-03-01 (in 85 days), replaced by 03/2026/QH16"), run.output());
        assertTrue(run.output().contains("120/2025/NĐ-CP ends on 2027-03-01"), run.output());
        assertTrue(run.output().contains("151/2025/NĐ-CP ends on 2027-03-01"), run.output());
        assertTrue(run.output().contains("03/2026/QH16 comes into force on 2027-03-01"), run.output());
    }

    @Test
    void within_sixty_days_of_the_change_over_the_check_fails_and_says_what_expires() {
        Run run = run(CatalogContentTest.SEED_DIR, REVIEW_DAY, "--today", "2027-01-15");
        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("legal basis expiring: 60/2014/QH13 ends on 2027-03-01 (in 45 days)"), run.output());
        assertFalse(run.output().contains("review overdue"), "40 days after the review nothing is overdue: " + run.output());
    }

    @Test
    void after_the_change_over_every_cited_expired_basis_is_listed_and_reviews_are_overdue() {
        Run run = run(CatalogContentTest.SEED_DIR, REVIEW_DAY, "--today", "2027-03-10");
        assertEquals(1, run.exit());
        assertTrue(run.output().contains("legal basis expired: 60/2014/QH13 no longer in force since 2027-03-01"), run.output());
        assertTrue(run.output().contains("review overdue: last reviewed 2026-12-06, 94 days ago (limit 90)"), run.output());
    }

    @Test
    void a_procedure_left_unreviewed_fails_the_check(@TempDir Path temp) throws IOException {
        Path dir = copyOfTheSeed(temp);
        Path file = dir.resolve("procedures/signature_certification.yaml");
        Files.writeString(file, Files.readString(file).replace("reviewed: 2026-12-06", "reviewed: 2026-06-01"));
        Run run = run(dir, REVIEW_DAY);
        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("signature_certification"), run.output());
        assertTrue(run.output().contains("1 of 15 procedures need action"), run.output());
    }

    @Test
    void a_broken_catalog_is_exit_2_with_the_file_named(@TempDir Path temp) throws IOException {
        Path dir = copyOfTheSeed(temp);
        Path file = dir.resolve("procedures/birth_registration.yaml");
        Files.writeString(file, Files.readString(file).replace("portal_code: \"1.001193\"", "portal_code: \"birth\""));
        Run run = run(dir, REVIEW_DAY);
        assertEquals(2, run.exit());
        assertTrue(run.output().contains("birth_registration.yaml") && run.output().contains("portal_code"), run.output());
    }

    @Test
    void a_malformed_option_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> run(CatalogContentTest.SEED_DIR, REVIEW_DAY, "--today", "soon"));
        assertThrows(IllegalArgumentException.class, () -> run(CatalogContentTest.SEED_DIR, REVIEW_DAY, "--verbose", "yes"));
    }
    // ---- province and ward layers ----

    @Test
    void the_demo_wards_and_provinces_pass_on_the_review_day_and_the_national_findings_are_not_repeated_per_ward() {
        Run run = run(CatalogContentTest.SEED_DIR, REVIEW_DAY, "--today", "2027-01-15");
        String layers = run.output().substring(run.output().indexOf("PROVINCE AND WARD LAYERS"));
        assertTrue(layers.contains("2 ward(s) in 2 province(s)"), layers);
        assertTrue(layers.contains("NEEDS ACTION: nothing"), "the expiring national basis is listed once, above: "
                                                             + layers);
        assertEquals(0, run(CatalogContentTest.SEED_DIR, REVIEW_DAY).exit());
    }

    @Test
    void a_stale_ward_layer_fails_the_check_naming_the_ward_and_its_files(@TempDir Path temp) throws IOException {
        Path catalog = copyOfTheSeed(temp);
        Path wards = copy(CatalogContentTest.SEED_DIR.resolveSibling("wards"), temp.resolve("wards"));
        copy(CatalogContentTest.SEED_DIR.resolveSibling("provinces"), temp.resolve("provinces"));
        Path override = wards.resolve("demo-an-cuu/procedures/marital_status_certificate.yaml");
        Files.writeString(override, Files.readString(override) + "\nreviewed: 2026-06-01\n");
        Path office = wards.resolve("demo-an-cuu/office.yaml");
        Files.writeString(office, String.join("\n", Files.readString(office).lines()
                .filter(line -> !line.contains("date: 2027-")).toList()) + "\n");
        Files.delete(wards.resolve("demo-an-cuu/privacy-notice.yaml"));

        Run run = run(temp.resolve("elsewhere"), REVIEW_DAY, "--dir", catalog.toString());
        assertEquals(1, run.exit(), run.output());
        String layers = run.output().substring(run.output().indexOf("PROVINCE AND WARD LAYERS"));
        String needsAction = layers.substring(0, layers.indexOf("LISTED, NOT FAILURES"));
        assertTrue(needsAction.contains("NEEDS ACTION: 3 finding(s)"), needsAction);
        assertTrue(needsAction.matches("(?s).*\\n  demo-an-cuu +marital_status_certificate +review overdue \\(review\\): "
                                       + "last reviewed 2026-06-01.*"), needsAction);
        assertTrue(needsAction.contains("in " + wards.resolve("demo-an-cuu/procedures/marital_status_certificate.yaml")),
                   needsAction);
        assertTrue(needsAction.contains("holiday calendar ends on 2026-") && needsAction.contains("in " + office),
                   needsAction);
        assertTrue(needsAction.contains("privacy notice") && needsAction.contains("controller is Ủy ban nhân dân phường "
                                                                                  + "Hòa An"), needsAction);
        assertFalse(needsAction.contains("demo-hoa-an"), "the other ward is fine: " + needsAction);
        assertTrue(run.output().contains("NEEDS ACTION: nothing"), "the national layer itself is fine: " + run.output());
    }

    @Test
    void a_broken_ward_layer_is_exit_2_with_the_file_named(@TempDir Path temp) throws IOException {
        Path catalog = copyOfTheSeed(temp);
        Path wards = copy(CatalogContentTest.SEED_DIR.resolveSibling("wards"), temp.resolve("wards"));
        copy(CatalogContentTest.SEED_DIR.resolveSibling("provinces"), temp.resolve("provinces"));
        Path ward = wards.resolve("demo-an-cuu/ward.yaml");
        Files.writeString(ward, Files.readString(ward).replace("province: demo-hue", "province: demo-nowhere"));
        Run run = run(catalog, REVIEW_DAY);
        assertEquals(2, run.exit(), run.output());
        assertTrue(run.output().contains("demo-an-cuu") && run.output().contains("demo-nowhere"), run.output());
    }
}
