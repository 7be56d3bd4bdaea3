package vn.warddesk.bot.catalog;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Lays a province's values and a ward's overrides over the national procedure text, remembering which layer each
 * field came from. Objects merge key by key; anything else (texts, numbers, lists) is replaced whole by the upper
 * layer, so a ward that overrides {@code documents} states the complete list. Pure: no files, no database.
 */
final class Layering {
    static final String NATIONAL = "national";

    /** One layer above the national text: its origin ("province:demo-da-nang", "ward:demo-hoa-an") and its fields. */
    record Layer(String origin, JsonNode fields) {
    }

    /**
     * The merged procedure document and, for every field an upper layer set, its origin. Keys are dotted paths of
     * the YAML keys ({@code fee.amount_vnd}); fields not listed come from the national text.
     */
    record Merged(ObjectNode document, Map<String, String> origins) {
        /**
         * Where each top-level field came from, with a more specific path for fields an upper layer set inside it:
         * {@code {"name": "national", "fee": "national", "fee.amount_vnd": "province:demo-da-nang", ...}}.
         */
        Map<String, String> provenance() {
            Map<String, String> view = new LinkedHashMap<>();
            for (Iterator<String> keys = document.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                String whole = origins.get(key);
                view.put(key, whole == null ? NATIONAL : whole);
                origins.forEach((path, origin) -> {
                    if (path.startsWith(key + ".")) {
                        view.put(path, origin);
                    }
                });
            }
            return view;
        }
    }

    private Layering() {
    }

    /** The national document (not changed) with each layer laid over it in order. */
    static Merged merge(JsonNode national, List<Layer> layers) {
        ObjectNode document = national.deepCopy();
        Map<String, String> origins = new LinkedHashMap<>();
        for (Layer layer : layers) {
            if (layer.fields() != null && layer.fields().isObject()) {
                lay(document, (ObjectNode) layer.fields(), "", layer.origin(), origins);
            }
        }
        return new Merged(document, origins);
    }

    private static void lay(ObjectNode target, ObjectNode upper, String prefix, String origin,
                            Map<String, String> origins) {
        List<String> keys = new ArrayList<>();
        upper.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            JsonNode value = upper.get(key);
            String path = prefix + key;
            JsonNode below = target.get(key);
            if (value.isObject() && below != null && below.isObject()) {
                lay((ObjectNode) below, (ObjectNode) value, path + ".", origin, origins);
            } else {
                target.set(key, value.deepCopy());
                // The whole field is this layer's now, including whatever a lower layer had set inside it.
                origins.keySet().removeIf(p -> p.startsWith(path + "."));
                origins.put(path, origin);
            }
        }
    }
}
