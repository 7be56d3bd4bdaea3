package vn.warddesk.bot.catalog;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** National text ← province values ← ward overrides, with the origin of every field. */
class LayeringTest {
    private static JsonNode yaml(String text) throws Exception {
        return Json.YAML.readTree(text);
    }

    private static final String NATIONAL = """
            name: {vi: "Xác nhận", en: "Certificate"}
            fee: {uncertain: true, text: {vi: "Tỉnh quy định", en: "Set by the province"}}
            online: {channels: [desk, portal], text: {vi: "Trực tuyến", en: "Online"}}
            """;

    @Test
    void a_province_value_replaces_only_the_fields_it_sets_and_is_named_as_their_origin() throws Exception {
        JsonNode national = yaml(NATIONAL);
        Layering.Merged merged = Layering.merge(national, List.of(new Layering.Layer(
                "province:p", yaml("fee: {amount_vnd: 3000, uncertain: false}"))));

        assertEquals(3000, merged.document().at("/fee/amount_vnd").asInt());
        assertFalse(merged.document().at("/fee/uncertain").asBoolean());
        assertEquals("Tỉnh quy định", merged.document().at("/fee/text/vi").asText(), "unset fields stay national");
        Map<String, String> provenance = merged.provenance();
        assertEquals("national", provenance.get("name"));
        assertEquals("national", provenance.get("fee"), "the rest of fee is national");
        assertEquals("province:p", provenance.get("fee.amount_vnd"));
        assertEquals("province:p", provenance.get("fee.uncertain"));
        assertEquals(null, provenance.get("fee.text"));
        assertFalse(national.at("/fee").has("amount_vnd"), "the national document is not changed");
    }

    @Test
    void a_ward_override_wins_over_the_province_and_replaces_a_list_whole() throws Exception {
        Layering.Merged merged = Layering.merge(yaml(NATIONAL), List.of(
                new Layering.Layer("province:p", yaml("fee: {amount_vnd: 3000, text: {vi: a, en: b}}")),
                new Layering.Layer("ward:w", yaml("fee: {text: {vi: c, en: d}}\nonline: {channels: [post]}"))));

        assertEquals("c", merged.document().at("/fee/text/vi").asText());
        assertEquals(3000, merged.document().at("/fee/amount_vnd").asInt());
        assertEquals(1, merged.document().at("/online/channels").size(), "lists are replaced, not appended to");
        assertEquals("Online", merged.document().at("/online/text/en").asText());
        Map<String, String> provenance = merged.provenance();
        assertEquals("ward:w", provenance.get("fee.text.vi"));
        assertEquals("province:p", provenance.get("fee.amount_vnd"));
        assertEquals("ward:w", provenance.get("online.channels"));
    }

    @Test
    void a_ward_replacing_a_whole_field_takes_over_what_the_province_set_inside_it() throws Exception {
        Layering.Merged merged = Layering.merge(yaml(NATIONAL), List.of(
                new Layering.Layer("province:p", yaml("fee: {amount_vnd: 3000}")),
                new Layering.Layer("ward:w", yaml("fee: \"free\""))));

        assertEquals("ward:w", merged.provenance().get("fee"));
        assertFalse(merged.provenance().containsKey("fee.amount_vnd"));
    }
}
