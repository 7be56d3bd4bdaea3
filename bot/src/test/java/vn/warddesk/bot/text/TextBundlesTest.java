package vn.warddesk.bot.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped bundles: the same keys and placeholders in both languages, and every key the code asks for exists. */
class TextBundlesTest {
    private static final Path MAIN = Path.of("src/main/java/vn/warddesk/bot");
    private static final List<String> PACKAGES = List.of("conversation", "cases", "consent", "channel");
    /** A key written out in code: t.text("case.status", …), texts.get("field.empty"), words.get(…), both(vi, en, …). */
    private static final Pattern KEY_IN_CODE = Pattern.compile(
            "(?:\\.text\\(|texts\\.get\\(|words\\.get\\(|\\)\\.get\\(|vi\\.get\\(|en\\.get\\(|both\\(vi, en, )"
            + "\"([a-z_]+(?:\\.[a-z_]+)+)\"");

    @Test
    void both_languages_have_the_same_keys() {
        Map<String, String> vi = Bundle.shipped("vi");
        Map<String, String> en = Bundle.shipped("en");
        List<String> onlyVi = vi.keySet().stream().filter(k -> !en.containsKey(k)).toList();
        List<String> onlyEn = en.keySet().stream().filter(k -> !vi.containsKey(k)).toList();
        assertEquals(List.of(), onlyVi, "keys in messages_vi.properties but not in messages_en.properties");
        assertEquals(List.of(), onlyEn, "keys in messages_en.properties but not in messages_vi.properties");
        assertTrue(vi.size() > 100, "the bundles hold the bot's texts, found " + vi.size());
    }

    @Test
    void each_key_has_the_same_placeholders_in_both_languages() {
        Map<String, String> vi = Bundle.shipped("vi");
        Map<String, String> en = Bundle.shipped("en");
        List<String> wrong = new ArrayList<>();
        vi.forEach((key, text) -> {
            if (en.containsKey(key) && !Bundle.placeholders(text).equals(Bundle.placeholders(en.get(key)))) {
                wrong.add(key + ": vi " + Bundle.placeholders(text) + ", en " + Bundle.placeholders(en.get(key)));
            }
        });
        assertEquals(List.of(), wrong, "keys whose placeholders differ between vi and en");
    }

    @Test
    void no_text_is_empty() {
        for (String lang : WardTexts.LANGS) {
            Bundle.shipped(lang).forEach((key, text) -> assertFalse(text.isBlank(), lang + " " + key + " is empty"));
        }
    }

    @Test
    void every_key_the_code_names_is_shipped() throws IOException {
        Map<String, String> vi = Bundle.shipped("vi");
        TreeSet<String> named = new TreeSet<>();
        for (String pkg : PACKAGES) {
            try (Stream<Path> files = Files.walk(MAIN.resolve(pkg))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = KEY_IN_CODE.matcher(Files.readString(file));
                    while (m.find()) {
                        named.add(m.group(1));
                    }
                }
            }
        }
        assertTrue(named.size() > 80, "the scan finds the keys in the code, found " + named.size());
        List<String> missing = named.stream().filter(k -> !vi.containsKey(k)).toList();
        assertEquals(List.of(), missing, "keys used in code but not in messages_vi.properties");
    }

    @Test
    void placeholders_are_filled_by_name_and_a_missing_value_is_an_error() {
        Texts vi = WardTexts.defaults().of("any-ward", "vi");
        assertEquals("Hồ sơ PX-2026-0000001 đã được giải quyết. Cảm ơn bạn!",
                     vi.get("case.resolved", "code", "PX-2026-0000001"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> vi.get("case.resolved"));
        assertTrue(e.getMessage().contains("case.resolved"), e.getMessage());
        assertEquals("Thanks", WardTexts.defaults().of(null, "en").get("label.intent.thanks"));
        assertEquals("vi", WardTexts.defaults().of("any-ward", "fr").lang(), "an unknown language falls back to vi");
    }
}
