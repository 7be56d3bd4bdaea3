package vn.warddesk.bot.conversation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words around a typed value that are not part of it, read on the text as typed: lead-ins ("tên em là", "my name
 * is", "à nhầm"), tails ("sđt", "và", "gõ sai") and the "là" / "is" / "to" before a corrected value.
 */
final class ValueFrame {
    /** What introduces the new value in a correction; read on the typed text, accents and case as typed. */
    private static final Pattern NEW_VALUE = Pattern.compile(
            "(?iu)(?<![\\p{L}\\p{N}])(là|la|thành|thanh|is|to|should be|must be)(?![\\p{L}\\p{N}])|:");
    private static final String PRONOUN = "(toi|em|e|minh|anh|chi|t|tui|mik|chau|con|my)";
    /** Words that say which field a value is, or join two values: "sđt", "số", "phone", "và", "and". */
    private static final String FIELD_NAMING = "(so dien thoai|dien thoai|so dt|sdt|dt|so|phone number|phone|number"
            + "|mobile|tel|va|and|con|ngay hen|hen ngay|ngay|vao|on)( (cua )?" + PRONOUN + ")?( la| is)?";
    /**
     * A remark that the value before was mistyped ("gõ sai", "em ghi nhầm rồi", "sai chính tả", "typo", "my bad"): it
     * says why the line is sent, it is not part of the value. Bare "sai"/"nhầm" are left alone ("Nhâm" is a name).
     */
    private static final String TYPO = "(" + PRONOUN + " )?(go|danh|viet|ghi|nhap|bam|dien) (sai|nham|lon)( roi)?( a)?"
            + "|(sai|nham|loi) chinh ta|(i )?(made a |my )?typo|my bad|(i )?(mistyped|misspelled|misspelt)( it)?";
    /**
     * What may open a value without being part of it: "à nhầm", "sorry", "tên em là", "họ tên:", "my name is", "I'm",
     * "sđt". Pronouns count only inside such a phrase: "Minh Trần" keeps its "Minh".
     */
    private static final Pattern LEAD_IN = Pattern.compile(
            "^((a|oi|uh|um|ah|oh|oops|ok|vang|da|khoan|khoan da|wait|hold on|hang on|a nham|nham|nham roi|sai|sai roi|xin loi|sorry|actually|i meant|i mean|"
            + TYPO + "|(ho va |ho )?ten( day du| that)?( (cua )?" + PRONOUN + ")?( dung)?( la)?|" + PRONOUN + " ten la|"
            + PRONOUN + " la|dung la|dung ra la|(my |the )?(full |real )?name( is| s)?|i m|im|i am|this is|it s|"
            + FIELD_NAMING + ")( |$))+");
    /**
     * The old value named after the new one to set it aside ("Davide Tran, not David", "0987…, chứ không phải 0978…",
     * "ngày 12 chứ ko phải 11"): people correct by contrast; the words after the negation are the wrong value.
     */
    private static final String NOT_THE_OLD = "(not|but not|instead of|rather than|(chu )?(khong|ko|k|kh|hong) phai)"
            + "( [\\p{L}\\p{N}]+){1,5}";
    /** "… mới đúng", "… mới chuẩn", "… is the right one": the new value said to be the right one, after it. */
    private static final String RIGHT_ONE = "moi (dung|chuan|dung a|chuan a)|is (the )?(right|correct)( one)?";
    /** What may close a value without being part of it: "… sđt", "… và", "… nhé", "…, gõ sai", "…, not David". */
    private static final Pattern TAIL = Pattern.compile(
            "(( |^)(" + FIELD_NAMING + "|nhe|nha|please|thanks|a nhe|sorry|oops|xin loi|" + RIGHT_ONE + "|" + TYPO + "|"
            + NOT_THE_OLD
            + "))+$");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");

    private ValueFrame() {
    }

    /**
     * What a correction may carry as the new value: the text after each "là", "thành", "is", "to" or colon, first
     * marker first ("sđt là 0905…", "I want to change my phone to 0987…"); the caller keeps the first valid one.
     */
    static java.util.List<String> newValues(String text) {
        java.util.List<String> values = new java.util.ArrayList<>(2);
        Matcher m = NEW_VALUE.matcher(text);
        while (m.find()) {
            String value = text.substring(m.end()).strip();
            if (!value.isEmpty()) {
                values.add(value);
            }
        }
        return values;
    }

    /**
     * The typed text without what opens or closes a value but is not part of it ("tên em là", "my name is", "I'm",
     * "à nhầm", "sđt", "và"), accents and case as typed: "tên e là Lê Thị Mai, sđt" gives "Lê Thị Mai".
     */
    static String withoutLeadIns(String typed) {
        java.util.List<int[]> spans = new java.util.ArrayList<>();
        java.util.List<String> words = new java.util.ArrayList<>();
        Matcher word = WORD.matcher(typed);
        while (word.find()) {
            spans.add(new int[] {word.start(), word.end()});
            words.add(Folding.fold(word.group()));
        }
        String folded = String.join(" ", words);
        Matcher lead = LEAD_IN.matcher(folded);
        int from = lead.lookingAt() ? Folding.words(folded.substring(0, lead.end()).strip()) : 0;
        Matcher tail = TAIL.matcher(folded);
        int to = tail.find() ? words.size() - Folding.words(tail.group().strip()) : words.size();
        return from >= to ? "" : typed.substring(spans.get(from)[0], spans.get(to - 1)[1]);
    }
}
