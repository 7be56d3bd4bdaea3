package vn.warddesk.bot.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one {@code messages_<lang>.properties} file (UTF-8, strictly) and names the placeholders of a text. */
final class Bundle {
    /** A named placeholder: {@code {code}}. Any other brace is literal text. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9_]*)}");

    private Bundle() {
    }

    static Set<String> placeholders(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return Collections.unmodifiableSet(names);
    }

    /** The shipped defaults of a language, from the jar. */
    static Map<String, String> shipped(String lang) {
        String resource = "messages/messages_" + lang + ".properties";
        try (InputStream in = Bundle.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new TextsRefused(resource + " is missing from the application");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)), resource);
        } catch (IOException e) {
            throw new TextsRefused(resource + " cannot be read: " + e.getMessage());
        }
    }

    /** A ward's override file. */
    static Map<String, String> file(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString());
        } catch (CharacterCodingException e) {
            throw new TextsRefused(file + " is not UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            throw new TextsRefused(file + " cannot be read: " + e.getMessage());
        }
    }

    private static Map<String, String> read(Reader in, String origin) throws IOException {
        Properties properties = new Properties();
        try {
            properties.load(in);
        } catch (IllegalArgumentException e) {
            throw new TextsRefused(origin + " is not a valid properties file: " + e.getMessage());
        }
        Map<String, String> texts = new TreeMap<>();
        properties.forEach((key, value) -> texts.put((String) key, (String) value));
        return texts;
    }
}
