package vn.warddesk.nlu;

/**
 * An entity found in the text.
 *
 * @param text  the text as written
 * @param value normalised: phone "0912345678", date ISO "2026-12-01", time "14:30", case code upper-case "PH-2026-1234567",
 *              citizen ID 12 digits, e-mail lower-case
 * @param start offset of the first char in the (NFC) text
 * @param end   offset after the last char
 */
public record Entity(EntityType type, String text, String value, int start, int end) {
}
