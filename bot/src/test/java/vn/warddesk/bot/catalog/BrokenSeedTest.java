package vn.warddesk.bot.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A broken seed file stops start-up with one line: the file, the line and the problem. */
class BrokenSeedTest {
    @TempDir
    Path dir;

    private Path copySeed() throws IOException {
        Path source = CatalogContentTest.SEED_DIR;
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = dir.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return dir;
    }

    private Path birth() {
        return dir.resolve("procedures/birth_registration.yaml");
    }

    /** Replaces the first line matching, and returns its 1-based line number. */
    private int replaceLine(Path file, String startsWith, String replacement) throws IOException {
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith(startsWith)) {
                String indent = lines.get(i).substring(0, lines.get(i).indexOf(lines.get(i).strip()));
                lines.set(i, indent + replacement);
                Files.write(file, lines);
                return i + 1;
            }
        }
        throw new AssertionError("no line starting with " + startsWith);
    }

    private CatalogException loadFails() {
        return assertThrows(CatalogException.class, () -> Seed.load(Seed.source(dir)));
    }

    @Test
    void a_negative_fee_names_file_line_and_field() throws IOException {
        copySeed();
        int line = replaceLine(birth(), "amount_vnd:", "amount_vnd: -5000");
        String message = loadFails().getMessage();
        assertTrue(message.contains("birth_registration.yaml"), message);
        assertTrue(message.contains("line " + line + ":"), message + " (expected line " + line + ")");
        assertTrue(message.contains("fee.amount_vnd: must not be negative"), message);
        assertEquals(1, message.lines().count(), "one line");
    }

    @Test
    void a_yaml_syntax_error_names_the_line() throws IOException {
        copySeed();
        int line = replaceLine(birth(), "icon:", "icon: [baby");
        String message = loadFails().getMessage();
        assertTrue(message.contains("birth_registration.yaml"), message);
        assertTrue(message.matches(".*line (" + line + "|" + (line + 1) + "):.*"), message + " (near line " + line + ")");
    }

    @Test
    void a_word_where_a_number_belongs_names_the_field_and_line() throws IOException {
        copySeed();
        int line = replaceLine(birth(), "working_days:", "working_days: three");
        String message = loadFails().getMessage();
        assertTrue(message.contains("line " + line + ": processing_time.working_days: 'three' is not a whole number"), message);
    }

    @Test
    void missing_vietnamese_text_is_rejected() throws IOException {
        copySeed();
        replaceLine(birth(), "name: {vi:", "name: {en: \"Birth registration\"}");
        String message = loadFails().getMessage();
        assertTrue(message.contains("name.vi: Vietnamese text is required"), message);
    }

    @Test
    void a_text_over_the_limit_is_rejected() throws IOException {
        copySeed();
        replaceLine(birth(), "name: {vi:", "name: {vi: \"" + "a".repeat(200) + "\", en: \"Birth\"}");
        assertTrue(loadFails().getMessage().contains("name.vi: must be at most 120 characters"));
    }

    @Test
    void a_file_for_an_unknown_procedure_is_rejected() throws IOException {
        copySeed();
        Files.copy(birth(), dir.resolve("procedures/passport.yaml"));
        String message = loadFails().getMessage();
        assertTrue(message.contains("passport.yaml") && message.contains("not a known procedure id"), message);
    }

    @Test
    void a_missing_procedure_file_is_named() throws IOException {
        copySeed();
        Files.delete(dir.resolve("procedures/land_certificate.yaml"));
        assertTrue(loadFails().getMessage().contains("land_certificate"));
    }

    @Test
    void an_id_that_does_not_match_the_file_name_is_rejected() throws IOException {
        copySeed();
        int line = replaceLine(birth(), "id:", "id: death_registration");
        String message = loadFails().getMessage();
        assertTrue(message.contains("line " + line + ": id: must be 'birth_registration'"), message);
    }

    @Test
    void a_broken_office_file_is_named() throws IOException {
        copySeed();
        replaceLine(dir.resolve("office.yaml"), "timezone:", "timezone: Mars/Olympus");
        String message = loadFails().getMessage();
        assertTrue(message.contains("office.yaml") && message.contains("timezone"), message);
    }

    @Test
    void unknown_extra_keys_are_ignored() throws IOException {
        copySeed();
        Files.writeString(birth(), Files.readString(birth()) + "\nreviewer_comment: \"checked twice\"\n");
        assertEquals("birth_registration", Seed.load(Seed.source(dir)).procedures().get("birth_registration").id());
    }

    @Test
    void an_explicitly_configured_folder_that_does_not_exist_is_an_error() {
        CatalogException error = assertThrows(CatalogException.class, () -> Seed.source(dir.resolve("nope")));
        assertTrue(error.getMessage().contains("nope") && error.getMessage().contains("catalog.dir"));
    }
}
