package vn.warddesk.bot.catalog;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonDiffTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void changed_added_and_removed_leaves_are_listed_with_their_paths() throws Exception {
        List<JsonDiff.Change> changes = JsonDiff.between(
                json("{\"fee\":{\"amount_vnd\":0,\"text\":{\"vi\":\"a\"}},\"documents\":[{\"kind\":\"copy\"}],\"x\":1}"),
                json("{\"fee\":{\"amount_vnd\":5,\"text\":{\"vi\":\"a\"}},\"documents\":[{\"kind\":\"form\"},{\"kind\":\"copy\"}]}"));
        assertEquals(List.of("fee.amount_vnd", "documents[0].kind", "documents[1]", "x"),
                     changes.stream().map(JsonDiff.Change::path).toList());
        assertEquals(5, changes.get(0).now().asInt());
        assertTrue(changes.get(3).now().isNull(), "removed key has new = null");
    }

    @Test
    void the_same_number_as_int_or_long_is_no_change() {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode asInt = mapper.createObjectNode().put("n", 0);
        JsonNode asLong = mapper.createObjectNode().put("n", 0L);
        assertTrue(JsonDiff.between(asInt, asLong).isEmpty());
    }
}
