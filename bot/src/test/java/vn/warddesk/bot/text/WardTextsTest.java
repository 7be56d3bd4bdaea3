package vn.warddesk.bot.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A ward's overrides: used key by key over the defaults, and refused at start when they would break a text. */
class WardTextsTest {
    @TempDir
    Path wards;

    private void write(String ward, String file, String content) throws IOException {
        Files.createDirectories(wards.resolve(ward));
        Files.writeString(wards.resolve(ward).resolve(file), content, StandardCharsets.UTF_8);
    }

    @Test
    void a_ward_override_replaces_only_its_keys_and_only_for_that_ward() throws IOException {
        write("phuong-a", "messages_vi.properties", "answer.goodbye=Chào tạm biệt, hẹn gặp lại tại phường A!\n"
                                                  + "case.resolved=Xong hồ sơ {code} rồi nhé.\n");
        WardTexts texts = WardTexts.load(wards);
        assertEquals("Chào tạm biệt, hẹn gặp lại tại phường A!", texts.of("phuong-a", "vi").get("answer.goodbye"));
        assertEquals("Xong hồ sơ PX-1 rồi nhé.", texts.of("phuong-a", "vi").get("case.resolved", "code", "PX-1"));
        assertEquals("Mình bắt đầu lại nhé.", texts.of("phuong-a", "vi").get("dialogue.restart"), "other keys: default");
        assertEquals("Goodbye! Have a good day.", texts.of("phuong-a", "en").get("answer.goodbye"),
                     "the English text is untouched without messages_en.properties");
        assertEquals("Tạm biệt! Chúc bạn một ngày tốt lành.", texts.of("phuong-b", "vi").get("answer.goodbye"),
                     "another ward keeps the default");
    }

    @Test
    void a_missing_folder_means_no_overrides() {
        WardTexts texts = WardTexts.load(wards.resolve("nowhere"));
        assertTrue(texts.wardsWithOverrides().isEmpty());
        assertEquals("Goodbye! Have a good day.", texts.of("phuong-a", "en").get("answer.goodbye"));
    }

    @Test
    void other_files_of_the_ward_folder_are_left_to_the_ward_registry() throws IOException {
        write("phuong-a", "office.yaml", "name: anything\n");
        assertTrue(WardTexts.load(wards).wardsWithOverrides().isEmpty());
    }

    @Test
    void an_unknown_key_is_refused_naming_file_and_key() throws IOException {
        write("phuong-a", "messages_en.properties", "answer.goodbye=Bye!\nanswer.good_bye=Bye bye!\n");
        TextsRefused e = assertThrows(TextsRefused.class, () -> WardTexts.load(wards));
        assertTrue(e.getMessage().contains("phuong-a") && e.getMessage().contains("messages_en.properties"), e.getMessage());
        assertTrue(e.getMessage().contains("'answer.good_bye' is not a WardDesk text"), e.getMessage());
    }

    @Test
    void different_placeholders_are_refused_naming_what_is_expected() throws IOException {
        write("phuong-a", "messages_vi.properties", "case.resolved=Hồ sơ {ma} đã xong.\n");
        TextsRefused e = assertThrows(TextsRefused.class, () -> WardTexts.load(wards));
        assertTrue(e.getMessage().contains("'case.resolved' must use the placeholders {code}, found {ma}"),
                   e.getMessage());
    }

    @Test
    void a_dropped_placeholder_is_refused_too() throws IOException {
        write("phuong-a", "messages_vi.properties", "case.resolved=Hồ sơ đã xong.\n");
        TextsRefused e = assertThrows(TextsRefused.class, () -> WardTexts.load(wards));
        assertTrue(e.getMessage().contains("found none"), e.getMessage());
    }

    @Test
    void an_empty_text_a_foreign_language_and_non_utf8_are_refused() throws IOException {
        write("phuong-a", "messages_vi.properties", "answer.goodbye=\n");
        assertTrue(assertThrows(TextsRefused.class, () -> WardTexts.load(wards)).getMessage()
                           .contains("'answer.goodbye' is empty"));
        Files.delete(wards.resolve("phuong-a/messages_vi.properties"));
        write("phuong-a", "messages_fr.properties", "answer.goodbye=Au revoir\n");
        assertTrue(assertThrows(TextsRefused.class, () -> WardTexts.load(wards)).getMessage()
                           .contains("messages_fr.properties"));
        Files.delete(wards.resolve("phuong-a/messages_fr.properties"));
        // "Chào" saved as Latin-1 by an editor: 0xE0 is not valid UTF-8.
        Files.write(wards.resolve("phuong-a/messages_vi.properties"),
                    "answer.goodbye=Ch\u00E0o".getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(assertThrows(TextsRefused.class, () -> WardTexts.load(wards)).getMessage().contains("UTF-8"));
    }
}
