package vn.warddesk.bot.catalog;

import java.util.Locale;

/** The two languages citizens are answered in: Vietnamese first, English second. */
public enum Lang {
    VI, EN;

    /** Vietnamese unless the tag or locale is clearly English. */
    public static Lang of(String tag) {
        return tag != null && tag.toLowerCase(Locale.ROOT).startsWith("en") ? EN : VI;
    }

    public static Lang of(Locale locale) {
        return locale == null ? VI : of(locale.getLanguage());
    }

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return this == EN ? Locale.ENGLISH : Locale.forLanguageTag("vi");
    }
}
