package vn.warddesk.bot.message;

/**
 * A button under a reply. {@code action} is what comes back when it is pressed (≤ 64 bytes so it fits Telegram's
 * callback_data): {@code ask:<procedure>:<aspect>}, {@code start:<procedure>}, {@code staff}, {@code consent:agree},
 * {@code consent:decline}, {@code consent:full}, {@code confirm}, {@code edit:<field>}, {@code restart}, {@code receipt},
 * {@code hours}, {@code location}, {@code choice:<value>}, {@code erase:confirm}, {@code erase:cancel}; also
 * {@code skip} (optional intake field), {@code status} (my case), {@code mydata}, {@code erase} (ask to erase) and
 * {@code intent:<dialogue intent>} (an option of "Did you mean A or B?").
 */
public record Button(String label, String action) {
}
