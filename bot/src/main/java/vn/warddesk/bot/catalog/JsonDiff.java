package vn.warddesk.bot.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The changed leaves between two versions of a document, as paths like {@code documents[1].text.vi}. */
final class JsonDiff {
    /** One change; a missing side is JSON null. */
    record Change(String path, JsonNode old, JsonNode now) {
        ObjectNode toJson() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("path", path);
            node.set("old", old);
            node.set("new", now);
            return node;
        }
    }

    private JsonDiff() {
    }

    static List<Change> between(JsonNode before, JsonNode after) {
        List<Change> changes = new ArrayList<>();
        walk("", before == null ? NullNode.instance : before, after == null ? NullNode.instance : after, changes);
        return List.copyOf(changes);
    }

    static ArrayNode toJson(List<Change> changes) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        changes.forEach(c -> array.add(c.toJson()));
        return array;
    }

    private static void walk(String path, JsonNode before, JsonNode after, List<Change> changes) {
        if (before.equals(after)) {
            return;
        }
        if (before.isNumber() && after.isNumber() && before.decimalValue().compareTo(after.decimalValue()) == 0) {
            return; // 0 read back from the database (int) equals 0 written from a record (long)
        }
        if (before.isObject() && after.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            before.fieldNames().forEachRemaining(names::add);
            after.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                walk(path.isEmpty() ? name : path + "." + name, orNull(before.get(name)), orNull(after.get(name)), changes);
            }
        } else if (before.isArray() && after.isArray()) {
            int size = Math.max(before.size(), after.size());
            for (int i = 0; i < size; i++) {
                walk(path + "[" + i + "]", orNull(before.get(i)), orNull(after.get(i)), changes);
            }
        } else {
            changes.add(new Change(path.isEmpty() ? "$" : path, before, after));
        }
    }

    private static JsonNode orNull(JsonNode node) {
        return node == null ? NullNode.instance : node;
    }
}
