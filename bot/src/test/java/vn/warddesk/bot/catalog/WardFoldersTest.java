package vn.warddesk.bot.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The repository's ward and province folders, and the errors a broken folder gives (no database). */
class WardFoldersTest {
    private static final Path CONFIG = Path.of("..", "config");

    private static WardFolders.Loaded load(Path config) {
        return WardFolders.load(Seed.source(config.resolve("catalog")), config.resolve("wards"),
                                config.resolve("provinces"));
    }

    private static WardFolders.WardEntry ward(WardFolders.Loaded loaded, String id) {
        return loaded.wards().stream().filter(w -> w.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void the_two_demo_wards_get_their_provinces_fees_and_say_where_each_field_came_from() {
        WardFolders.Loaded loaded = load(CONFIG);
        WardFolders.WardEntry hoaAn = ward(loaded, "demo-hoa-an");
        WardFolders.WardEntry anCuu = ward(loaded, "demo-an-cuu");

        assertEquals(3000L, hoaAn.seed().procedures().get("marital_status_certificate").fee().amountVnd());
        assertEquals(5000L, anCuu.seed().procedures().get("marital_status_certificate").fee().amountVnd());
        assertEquals("province:demo-da-nang", hoaAn.provenance().get("marital_status_certificate").get("fee.amount_vnd"));
        assertEquals("province:demo-hue", anCuu.provenance().get("marital_status_certificate").get("fee.amount_vnd"));
        assertEquals("ward:demo-an-cuu", anCuu.provenance().get("marital_status_certificate").get("online.channels"));
        assertEquals("national", anCuu.provenance().get("marital_status_certificate").get("documents"));
        assertTrue(anCuu.seed().procedures().get("marital_status_certificate").online().channels().contains("post"));
        assertEquals("demo-an-cuu", anCuu.seed().office().wardId());
        assertNotEquals(hoaAn.seed().notice().controller(), anCuu.seed().notice().controller());
    }

    @Test
    void procedures_without_province_values_or_overrides_are_one_shared_object() {
        WardFolders.Loaded loaded = load(CONFIG);
        assertSame(ward(loaded, "demo-hoa-an").seed().procedures().get("birth_registration"),
                   ward(loaded, "demo-an-cuu").seed().procedures().get("birth_registration"));
    }

    @Test
    void a_province_setting_a_national_field_is_refused_naming_its_file(@TempDir Path dir) throws IOException {
        copy(CONFIG, dir);
        Files.writeString(dir.resolve("provinces/demo-hue/province.yaml"), """
                demo: true
                name: {vi: "Huế", en: "Hue"}
                procedures:
                  marital_status_certificate:
                    documents: []
                """);
        CatalogException error = assertThrows(CatalogException.class, () -> load(dir));
        assertTrue(error.getMessage().contains("province.yaml") && error.getMessage().contains("documents"),
                   error.getMessage());
    }

    @Test
    void a_ward_override_that_breaks_a_rule_is_refused_naming_the_override_file(@TempDir Path dir) throws IOException {
        copy(CONFIG, dir);
        Files.writeString(dir.resolve("wards/demo-an-cuu/procedures/marital_status_certificate.yaml"),
                          "fee: {amount_vnd: -5}\n");
        CatalogException error = assertThrows(CatalogException.class, () -> load(dir));
        assertTrue(error.getMessage().contains("demo-an-cuu/procedures/marital_status_certificate.yaml")
                   && error.getMessage().contains("fee"), error.getMessage());
    }

    @Test
    void a_ward_of_an_unknown_province_or_with_another_wards_office_is_refused(@TempDir Path dir) throws IOException {
        copy(CONFIG, dir);
        Files.writeString(dir.resolve("wards/demo-an-cuu/ward.yaml"),
                          "demo: true\nprovince: nowhere\nname: {vi: \"An Cựu\", en: \"An Cuu\"}\n");
        assertTrue(assertThrows(CatalogException.class, () -> load(dir)).getMessage().contains("nowhere"));

        Files.writeString(dir.resolve("wards/demo-an-cuu/ward.yaml"),
                          "demo: true\nprovince: demo-hue\nname: {vi: \"An Cựu\", en: \"An Cuu\"}\n");
        Files.delete(dir.resolve("wards/demo-an-cuu/office.yaml")); // falls back to the catalog's: demo-hoa-an's
        CatalogException office = assertThrows(CatalogException.class, () -> load(dir));
        assertTrue(office.getMessage().contains("ward_id") && office.getMessage().contains("demo-an-cuu"),
                   office.getMessage());
    }

    static void copy(Path from, Path to) throws IOException {
        for (String part : new String[] {"catalog", "wards", "provinces"}) {
            try (Stream<Path> files = Files.walk(from.resolve(part))) {
                for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                    Path target = to.resolve(from.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
        }
    }
}
