package vn.warddesk.bot.catalog;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.warddesk.bot.store.StoreException;

/** Tree arithmetic of a province's values over procedure documents: layering, three-way following, differences. */
final class ProvinceTrees {
    private ProvinceTrees() {
    }

    /**
     * Three-way update of one field of a ward's document: where the ward still has what the old province values
     * gave it, it takes the new ones; where it differs, the ward set its own value and keeps it. Objects are followed
     * key by key. Returns whether the ward kept a value of its own somewhere in the field.
     */
    static boolean follow(ObjectNode ward, String key, JsonNode oldBase, JsonNode newBase) {
        JsonNode mine = ward.get(key);
        if (same(mine, oldBase)) {
            if (newBase == null || newBase.isNull()) {
                ward.remove(key);
            } else {
                ward.set(key, newBase.deepCopy());
            }
            return false;
        }
        if (mine != null && mine.isObject() && oldBase != null && oldBase.isObject() && newBase != null
            && newBase.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            oldBase.fieldNames().forEachRemaining(names::add);
            newBase.fieldNames().forEachRemaining(names::add);
            boolean own = false;
            for (String name : names) {
                own |= follow((ObjectNode) mine, name, oldBase.get(name), newBase.get(name));
            }
            return own;
        }
        return !same(mine, newBase);
    }

    static boolean same(JsonNode a, JsonNode b) {
        boolean aMissing = a == null || a.isNull();
        boolean bMissing = b == null || b.isNull();
        if (aMissing || bMissing) {
            return aMissing && bMissing;
        }
        return JsonDiff.between(a, b).isEmpty();
    }

    static List<Layering.Layer> layers(String provinceId, JsonNode values) {
        return values == null || values.size() == 0 ? List.of()
                : List.of(new Layering.Layer("province:" + provinceId, values));
    }

    /** A merged document as the catalog stores it (bound and written back), so comparisons see the same shapes. */
    static JsonNode normalized(JsonNode document) {
        try {
            Procedure procedure = Json.YAML.treeToValue(document, Procedure.class);
            return CatalogStore.readTree(Json.CONTENT.valueToTree(procedure).toString());
        } catch (JacksonException e) {
            throw new StoreException("catalog: a province layer does not bind: " + Json.describe(e).problem(), e);
        }
    }

    static List<Validation.Problem> problems(JsonNode document, String procedureId) {
        Procedure procedure;
        try {
            procedure = Json.YAML.treeToValue(document, Procedure.class);
        } catch (JacksonException e) {
            Json.ReadProblem problem = Json.describe(e);
            return List.of(new Validation.Problem(problem.field(), problem.problem()));
        }
        return Validation.procedure(procedure, procedureId);
    }

    /** The parts of {@code live} that differ from {@code base}, objects compared key by key. */
    static void difference(JsonNode base, JsonNode live, ObjectNode out) {
        for (Iterator<String> names = live.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            JsonNode mine = live.get(name);
            JsonNode theirs = base.get(name);
            if (same(mine, theirs)) {
                continue;
            }
            if (mine.isObject() && theirs != null && theirs.isObject()) {
                ObjectNode inner = out.putObject(name);
                difference(theirs, mine, inner);
            } else {
                out.set(name, mine);
            }
        }
    }
}
