package vn.warddesk.bot.staff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.warddesk.bot.catalog.Catalog;
import vn.warddesk.bot.catalog.Lang;

/**
 * What the console needs to show a case's fields in people's words: for each intake field of the procedure, in the
 * order it was asked, its type, a label in Vietnamese and English and the labels of its choices. The label is the
 * common name of the field when it is one of the standard intake fields (name, phone, preferred day, notes),
 * otherwise the question the citizen was asked, both taken from the procedure's intake definition.
 */
class IntakeFieldLabels {
    static final IntakeFieldLabels NONE = new IntakeFieldLabels(null);
    private static final Map<String, String[]> COMMON = Map.of(
            "contact_name", new String[] {"Họ tên", "Name"},
            "phone", new String[] {"Số điện thoại", "Phone number"},
            "preferred_day", new String[] {"Ngày muốn đến", "Preferred day"},
            "details", new String[] {"Ghi chú của công dân", "Citizen's notes"});

    private final Catalog catalog;

    IntakeFieldLabels(Catalog catalog) {
        this.catalog = catalog;
    }

    List<Map<String, Object>> describe(String procedure) {
        if (catalog == null || procedure == null || !catalog.knows(procedure)) {
            return List.of();
        }
        List<Catalog.IntakeField> vi = catalog.intakeFields(procedure, Lang.VI);
        List<Catalog.IntakeField> en = catalog.intakeFields(procedure, Lang.EN);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < vi.size(); i++) {
            Catalog.IntakeField v = vi.get(i);
            Catalog.IntakeField e = i < en.size() ? en.get(i) : v;
            String[] common = COMMON.get(v.name());
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("name", v.name());
            field.put("type", v.type().name().toLowerCase(java.util.Locale.ROOT));
            field.put("label", Map.of("vi", common != null ? common[0] : v.question(),
                                      "en", common != null ? common[1] : e.question()));
            Map<String, Object> choices = new LinkedHashMap<>();
            for (int c = 0; c < v.choices().size(); c++) {
                String enLabel = c < e.choices().size() ? e.choices().get(c).label() : v.choices().get(c).label();
                choices.put(v.choices().get(c).value(), Map.of("vi", v.choices().get(c).label(), "en", enLabel));
            }
            field.put("choices", choices);
            out.add(field);
        }
        return out;
    }
}
