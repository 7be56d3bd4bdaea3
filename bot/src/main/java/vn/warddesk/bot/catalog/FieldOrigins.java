package vn.warddesk.bot.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where each field of a ward's live procedure comes from: the national text, the province's current values, or
 * the ward itself (an override file or an editor's edit) — what differs from national ← province is the ward's.
 */
final class FieldOrigins {
    private final ProvinceLayer province;
    private final Map<String, JsonNode> nationalTrees;

    FieldOrigins(ProvinceLayer province, Map<String, JsonNode> nationalTrees) {
        this.province = province;
        this.nationalTrees = nationalTrees;
    }

    /** Field path → "national", "province:&lt;id&gt;" or "ward:&lt;id&gt;"; empty when the ward has no province layer. */
    Map<String, String> of(String wardId, String procedureId, Procedure live) {
        String provinceId = province.provinceOf(wardId).orElse(null);
        JsonNode national = nationalTrees.get(procedureId);
        if (provinceId == null || national == null || live == null) {
            return Map.of();
        }
        JsonNode values = province.currentValues(provinceId, procedureId);
        JsonNode base = province.base(provinceId, procedureId, values);
        JsonNode liveTree = CatalogStore.readTree(Json.CONTENT.valueToTree(live).toString());
        ObjectNode own = JsonNodeFactory.instance.objectNode();
        ProvinceTrees.difference(base, liveTree, own);
        List<Layering.Layer> layers = new ArrayList<>(ProvinceTrees.layers(provinceId, values));
        layers.add(new Layering.Layer("ward:" + wardId, own));
        return Layering.merge(national, layers).provenance();
    }
}
