package vn.warddesk.bot.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every ward's citizen texts: the defaults shipped in the jar ({@code messages/messages_vi.properties},
 * {@code messages_en.properties}), with a ward's own {@code <wards-dir>/<ward-id>/messages_<lang>.properties} over
 * them, key by key. Overrides are checked once at start: an unknown key, a changed set of placeholders or an empty
 * text refuses the start rather than showing a citizen a broken text. Immutable and thread-safe.
 */
public final class WardTexts {
    /** The languages texts exist in; the first is the fallback for an unknown language. */
    public static final List<String> LANGS = List.of("vi", "en");
    private static final WardTexts DEFAULTS = new WardTexts(shippedTexts(), Map.of());

    private final Map<String, Texts> defaults;
    private final Map<String, Map<String, Texts>> wards;

    private WardTexts(Map<String, Texts> defaults, Map<String, Map<String, Texts>> wards) {
        this.defaults = defaults;
        this.wards = wards;
    }

    /** The shipped texts only, for every ward. */
    public static WardTexts defaults() {
        return DEFAULTS;
    }

    /** The shipped texts with the overrides found under {@code wardsDir} (a missing folder means none). */
    public static WardTexts load(Path wardsDir) {
        Map<String, Map<String, Texts>> wards = new HashMap<>();
        if (!Files.isDirectory(wardsDir)) {
            return DEFAULTS;
        }
        try (Stream<Path> dirs = Files.list(wardsDir)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                Map<String, Texts> ward = overrides(dir);
                if (!ward.isEmpty()) {
                    Map<String, Texts> all = new HashMap<>(DEFAULTS.defaults);
                    all.putAll(ward);
                    wards.put(dir.getFileName().toString(), Map.copyOf(all));
                }
            }
        } catch (IOException e) {
            throw new TextsRefused(wardsDir + " cannot be listed: " + e.getMessage());
        }
        return new WardTexts(DEFAULTS.defaults, Map.copyOf(wards));
    }

    /** The texts of a ward in a language ("vi", "en"); an unknown ward gets the defaults, an unknown language vi. */
    public Texts of(String wardId, String lang) {
        Map<String, Texts> ward = wardId == null ? defaults : wards.getOrDefault(wardId, defaults);
        Texts texts = lang == null ? null : ward.get(lang);
        return texts != null ? texts : ward.get(LANGS.get(0));
    }

    /** The wards that change at least one text. */
    public Set<String> wardsWithOverrides() {
        return wards.keySet();
    }

    private static Map<String, Texts> shippedTexts() {
        Map<String, Texts> texts = new HashMap<>();
        for (String lang : LANGS) {
            texts.put(lang, new Texts(lang, Bundle.shipped(lang)));
        }
        return Map.copyOf(texts);
    }

    private static Map<String, Texts> overrides(Path wardDir) throws IOException {
        Map<String, Texts> ward = new HashMap<>();
        try (Stream<Path> files = Files.list(wardDir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.startsWith("messages") || !name.endsWith(".properties")) {
                    continue; // office.yaml and the like belong to the ward registry
                }
                String lang = name.substring("messages".length(), name.length() - ".properties".length())
                        .replaceFirst("^_", "");
                if (!LANGS.contains(lang)) {
                    throw new TextsRefused(file + ": texts exist in " + LANGS + " only (messages_vi.properties,"
                                           + " messages_en.properties)");
                }
                ward.put(lang, merged(file, DEFAULTS.defaults.get(lang), Bundle.file(file)));
            }
        }
        return ward;
    }

    private static Texts merged(Path file, Texts shipped, Map<String, String> changes) {
        Map<String, String> texts = new HashMap<>();
        for (String key : shipped.keys()) {
            texts.put(key, shipped.template(key));
        }
        changes.forEach((key, text) -> {
            if (!texts.containsKey(key)) {
                throw new TextsRefused(file + ": key '" + key + "' is not a WardDesk text (misspelt? the shipped keys"
                                       + " are in messages/messages_" + shipped.lang() + ".properties)");
            }
            if (text.isBlank()) {
                throw new TextsRefused(file + ": key '" + key + "' is empty; remove the line to keep the default");
            }
            Set<String> expected = Bundle.placeholders(texts.get(key));
            Set<String> found = Bundle.placeholders(text);
            if (!expected.equals(found)) {
                throw new TextsRefused(file + ": key '" + key + "' must use the placeholders " + braces(expected)
                                       + ", found " + braces(found));
            }
            texts.put(key, text);
        });
        return new Texts(shipped.lang(), texts);
    }

    private static String braces(Set<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names.stream().map(n -> "{" + n + "}").toList());
    }
}
