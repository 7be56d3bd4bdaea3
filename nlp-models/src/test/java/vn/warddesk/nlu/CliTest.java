package vn.warddesk.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @TempDir
    Path dir;

    @Test
    void the_trainer_works_for_any_label_set_and_language() throws IOException {
        // A made-up English/German dataset with labels the NLU has never seen.
        StringBuilder data = new StringBuilder("# label<TAB>text\n");
        String[][] lines = {
                {"order_pizza", "I want a pizza"}, {"order_pizza", "one margherita please"}, {"order_pizza", "pizza bestellen"},
                {"order_pizza", "can I order a pizza with cheese"}, {"weather", "will it rain tomorrow"},
                {"weather", "how is the weather"}, {"weather", "wie wird das Wetter"}, {"weather", "is it sunny outside"}};
        for (String[] line : lines) {
            data.append(line[0]).append('\t').append(line[1]).append('\n');
        }
        Path file = dir.resolve("tiny.tsv");
        Files.writeString(file, data, StandardCharsets.UTF_8);
        Path model = dir.resolve("tiny.bin");
        Cli.train(Cli.Options.parse(new String[] {"--data", file.toString(), "--model", model.toString()}));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Cli.classify(Cli.Options.parse(new String[] {"--model", model.toString()}),
                new ByteArrayInputStream("a pizza with cheese please\nwhat is the weather tomorrow\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        List<String> json = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, json.size());
        ObjectMapper mapper = new ObjectMapper();
        JsonNode first = mapper.readTree(json.get(0));
        assertEquals("order_pizza", first.get("intent").asText());
        assertTrue(first.get("aspect").isNull());
        assertTrue(first.get("confidence").asDouble() > 0.5);
        assertEquals("weather", mapper.readTree(json.get(1)).get("intent").asText());
    }

    @Test
    void a_malformed_line_is_rejected_with_its_line_number() {
        String data = "# comment\ngreeting\thello\n\nno tab on this line\n";
        Dataset.FormatException error = assertThrows(Dataset.FormatException.class,
                () -> Dataset.parse(new StringReader(data), "bad.tsv"));
        assertTrue(error.getMessage().startsWith("bad.tsv:4:"), error.getMessage());
    }

    @Test
    void three_column_lines_carry_an_aspect_and_dash_means_none() throws IOException {
        List<Dataset.Example> examples = Dataset.parse(new StringReader(
                "birth_registration\tfee\tkhai sinh bao nhiêu tiền\ngreeting\t-\tchào\nthanks\tcảm ơn\n"), "x");
        assertEquals("fee", examples.get(0).aspect().orElseThrow());
        assertTrue(examples.get(1).aspect().isEmpty());
        assertTrue(examples.get(2).aspect().isEmpty());
        assertEquals(2, examples.get(1).line());
    }

    @Test
    void training_needs_two_labels() {
        assertThrows(IllegalArgumentException.class, () -> Trainer.train(
                List.of(new Trainer.Document("a", "x y")), Trainer.Params.SHIPPED, true, java.util.Map.of()));
    }

    @Test
    void folds_are_stratified_per_label() {
        List<Dataset.Example> examples = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            examples.add(new Dataset.Example(i % 2 == 0 ? "a" : "b", java.util.Optional.empty(), "t" + i, "s", i));
        }
        int[] folds = Cli.stratifiedFolds(examples, 5);
        for (int k = 0; k < 5; k++) {
            int fold = k;
            assertEquals(1, examples.stream().filter(e -> e.label().equals("a") && folds[e.line()] == fold).count());
        }
    }

    @Test
    void another_seed_deals_other_folds_that_stay_stratified_and_the_same_seed_the_same() {
        List<Dataset.Example> examples = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            examples.add(new Dataset.Example(i % 2 == 0 ? "a" : "b", java.util.Optional.empty(), "t" + i, "s", i));
        }
        int[] first = Cli.stratifiedFolds(examples, 5, 1), again = Cli.stratifiedFolds(examples, 5, 1);
        int[] other = Cli.stratifiedFolds(examples, 5, 2), historic = Cli.stratifiedFolds(examples, 5);
        org.junit.jupiter.api.Assertions.assertArrayEquals(first, again);
        org.junit.jupiter.api.Assertions.assertFalse(java.util.Arrays.equals(first, other));
        org.junit.jupiter.api.Assertions.assertFalse(java.util.Arrays.equals(first, historic));
        for (int k = 0; k < 5; k++) {
            int fold = k;
            assertEquals(10, examples.stream().filter(e -> e.label().equals("a") && first[e.line()] == fold).count());
        }
    }

    @Test
    void mean_and_standard_deviation_over_seeds() {
        var result = Cli.meanAndSd(new double[] {0.90, 0.92, 0.94});
        assertEquals(0.92, (double) result.get("mean"), 1e-9);
        assertEquals(0.02, (double) result.get("sd"), 1e-9);
    }
    @Test
    void the_threshold_check_drops_one_percent_or_doubles_two_percent_of_the_lines_each_seed_others() {
        List<Dataset.Example> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            lines.add(new Dataset.Example(i % 2 == 0 ? "a" : "b", java.util.Optional.empty(), "line " + i, "t", i));
        }
        assertEquals(lines, Cli.perturbed(lines, 0));
        List<Dataset.Example> dropped = Cli.perturbed(lines, 1);
        assertEquals(990, dropped.size());
        assertTrue(lines.containsAll(dropped));
        assertEquals(dropped.stream().map(Dataset.Example::line).sorted().toList(),
                dropped.stream().map(Dataset.Example::line).toList(), "the lines left keep their order");
        List<Dataset.Example> doubled = Cli.perturbed(lines, 2);
        assertEquals(1020, doubled.size());
        assertEquals(new java.util.HashSet<>(lines), new java.util.HashSet<>(doubled));
        int twice = 0;
        for (int i = 1; i < doubled.size(); i++) {
            twice += doubled.get(i).equals(doubled.get(i - 1)) ? 1 : 0;
        }
        assertEquals(20, twice, "each doubled line right after itself");
        List<Dataset.Example> otherSeed = Cli.perturbed(lines, 3);
        assertTrue(!otherSeed.equals(dropped) && otherSeed.size() == 990, "another seed drops other lines");
    }
}
