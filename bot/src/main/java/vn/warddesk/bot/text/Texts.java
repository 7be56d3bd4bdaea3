package vn.warddesk.bot.text;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * One ward's citizen texts in one language (the ward's overrides over the shipped defaults). Immutable and
 * thread-safe. Placeholders are named, {@code {code}}; {@link #get} takes the values as name/value pairs.
 */
public final class Texts {
    private final String lang;
    private final Map<String, String> texts;

    Texts(String lang, Map<String, String> texts) {
        this.lang = lang;
        this.texts = Map.copyOf(texts);
    }

    /** The language tag these texts are in ("vi", "en"). */
    public String lang() {
        return lang;
    }

    /**
     * The text of a key with its placeholders filled: {@code get("case.resolved", "code", "PX-1234")}.
     * A key that does not exist, or values that do not match the text's placeholders, are programming errors.
     */
    public String get(String key, Object... namesAndValues) {
        String template = texts.get(key);
        if (template == null) {
            throw new IllegalArgumentException("no text '" + key + "' in " + lang);
        }
        if (namesAndValues.length == 0 && template.indexOf('{') < 0) {
            return template; // most texts: nothing to fill
        }
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("text '" + key + "': placeholder values must come as name/value pairs");
        }
        Set<String> wanted = Bundle.placeholders(template);
        if (wanted.size() != namesAndValues.length / 2) {
            throw new IllegalArgumentException("text '" + key + "' needs the placeholders " + wanted);
        }
        if (wanted.isEmpty()) {
            return template;
        }
        Matcher m = Bundle.PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 32);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(key, m.group(1), namesAndValues)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Whether a key exists (for labels of ids that may have none). */
    public boolean has(String key) {
        return texts.containsKey(key);
    }

    /** The keys known here (every shipped key). */
    public Set<String> keys() {
        return texts.keySet();
    }

    /** The text of a key as written, placeholders unfilled (null when there is none). */
    String template(String key) {
        return texts.get(key);
    }

    private static String value(String key, String name, Object[] namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (name.equals(namesAndValues[i])) {
                return String.valueOf(namesAndValues[i + 1]);
            }
        }
        throw new IllegalArgumentException("text '" + key + "': no value for {" + name + "}");
    }
}
