package vn.warddesk.bot.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ward controls every text the citizen sees, so no Vietnamese text is written into the code of the packages that
 * talk to citizens: a string literal with a Vietnamese letter there belongs in messages_vi.properties. Comments are
 * not scanned. The allow-list holds literals that are no citizen text, each with its reason.
 */
class NoCitizenTextInCodeTest {
    private static final Path MAIN = Path.of("src/main/java/vn/warddesk/bot");
    private static final List<String> PACKAGES = List.of("conversation", "cases", "consent");
    /** "File.java: literal" → why it may stay in code. */
    private static final Map<String, String> ALLOWED = Map.of(
            "DialogueTopic.java: giờ làm việc, địa chỉ phường",
            "understanding: words added to a follow-up before it is classified again, never shown",
            "DialogueTopic.java: bảo vệ dữ liệu cá nhân của tôi",
            "understanding: words added to a follow-up before it is classified again, never shown",
            "ValueFrame.java: (?iu)(?<![\\\\p{L}\\\\p{N}])(là|la|thành|thanh|is|to|should be|must be)(?![\\\\p{L}\\\\p{N}])|:",
            "understanding: the words before a corrected value (\"sai tên rồi, là …\"), matched, never shown",
            "DialogueTopic.java: phường",
            "understanding: the office named before an office follow-up is classified again, never shown",
            "FieldCheck.java: thứ $1", "understanding: chat shorthand for a weekday spelled out for the date extractor",
            "FieldCheck.java: chủ nhật", "understanding: chat shorthand for Sunday spelled out for the date extractor",
            "ConsentReceipt.java: Type \\\"tôi rút lại sự đồng ý\\\" / \\\"withdraw my consent\\\" in the conversation, or ask at",
            "a field of the stored consent receipt record (Kantara CR), quoting the phrase the bot understands",
            "Clauses.java: \\\\s+(và|va|and|với lại|voi lai|còn)\\\\s+",
            "understanding: the words that join two questions in one line, matched to cut it, never shown",
            "Clauses.java: ^(và|va|and|với lại|voi lai|còn)\\\\s+",
            "understanding: a joining word left at the start of a cut clause, matched, never shown",
            "Clauses.java: (?<=\\\\s)(thì|thi)\\\\s+",
            "understanding: \"X thì Y\" (topic then question), matched to read the question, never shown");

    @Test
    void no_vietnamese_string_literal_is_left_in_the_citizen_facing_packages() throws IOException {
        List<String> found = new ArrayList<>();
        int files = 0;
        for (String pkg : PACKAGES) {
            try (Stream<Path> paths = Files.walk(MAIN.resolve(pkg))) {
                for (Path file : paths.filter(p -> p.toString().endsWith(".java")).toList()) {
                    files++;
                    for (String literal : literals(Files.readString(file))) {
                        String entry = file.getFileName() + ": " + literal;
                        if (vietnamese(literal) && !ALLOWED.containsKey(entry)) {
                            found.add(pkg + "/" + entry);
                        }
                    }
                }
            }
        }
        assertTrue(files > 30, "the scan reads the packages, read " + files + " files");
        assertEquals(List.of(), found, "move these texts to messages_vi.properties / messages_en.properties"
                                       + " (or allow-list them here with a reason if no citizen sees them)");
    }

    @Test
    void the_scan_sees_literals_and_skips_comments() {
        String code = "// \"bỏ qua\"\n/* \"bỏ qua\" */ String a = \"Xin chào\" + 'đ' + \"\\\"trích\\\"\"; var b = \"\"\"\n  khối\n\"\"\";";
        assertEquals(List.of("Xin chào", "\\\"trích\\\"", "\n  khối\n"), literals(code));
        assertTrue(vietnamese("Xin chào") && !vietnamese("Hello") && vietnamese("Đ"));
    }

    private static boolean vietnamese(String literal) {
        return literal.codePoints().anyMatch(cp -> cp > 0x7f && Character.isLetter(cp));
    }

    /** The string literals and text blocks of Java source, raw (escapes as written), comments and chars skipped. */
    static List<String> literals(String src) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (src.startsWith("//", i)) {
                int lineEnd = src.indexOf('\n', i);
                i = lineEnd < 0 ? src.length() : lineEnd + 1;
            } else if (src.startsWith("/*", i)) {
                i = src.indexOf("*/", i + 2) + 2;
            } else if (src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                out.add(src.substring(src.indexOf('\n', i), end));
                i = end + 3;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (src.charAt(j) != c) {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                if (c == '"') {
                    out.add(src.substring(i + 1, j));
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return out;
    }
}
