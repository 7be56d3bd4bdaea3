package vn.warddesk.nlu;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of the data (issue 3) checked on every build, so a data round cannot quietly break them. */
class DataSplitTest {
    private static final Path DATA = Path.of(System.getProperty("nlu.dataDir", "data"));

    @Test
    void the_held_out_split_is_at_least_a_fifth_of_all_lines() throws IOException {
        int train = Dataset.read(DATA.resolve("train")).size();
        int test = heldOut().size();
        assertTrue(test * 5 >= train + test,
                   () -> "held-out " + test + " of " + (train + test) + " lines: add held-out lines before training lines");
    }

    @Test
    void no_held_out_text_is_also_a_training_text() throws IOException {
        Set<String> train = Dataset.read(DATA.resolve("train")).stream().map(e -> key(e.text()))
                .collect(Collectors.toSet());
        List<String> shared = heldOut().stream()
                .filter(e -> train.contains(key(e.text()))).map(e -> e.source() + ":" + e.line()).toList();
        assertTrue(shared.isEmpty(), () -> "held-out lines also in the training data: " + shared);
    }

    @Test
    void no_held_out_text_is_an_unaccented_copy_made_for_training() throws IOException {
        Set<String> copies = Dataset.read(DATA.resolve("train")).stream().map(e -> Augmenter.unaccentedCopy(e.text()))
                .filter(java.util.Objects::nonNull).map(DataSplitTest::key).collect(Collectors.toSet());
        List<String> shared = heldOut().stream().filter(e -> copies.contains(key(e.text())))
                .map(e -> e.source() + ":" + e.line()).toList();
        assertTrue(shared.isEmpty(), () -> "held-out lines equal to an augmented training line: " + shared);
    }

    /**
     * data/validation (when present) is a model-selection set written blind: choices are made on it, so a line it shares
     * with the training data would be scored as seen, and one it shares with the held-out split would let the held-out
     * figures steer choices. The training build reads data/train only (pom: BuildModels data/train, not recursive).
     */
    @Test
    void no_validation_text_is_also_a_training_or_held_out_text_or_an_unaccented_copy() throws IOException {
        java.nio.file.Path validationDir = DATA.resolve("validation");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(validationDir), "no data/validation yet");
        List<Dataset.Example> train = Dataset.read(DATA.resolve("train"));
        Set<String> seen = train.stream().map(e -> key(e.text())).collect(Collectors.toSet());
        train.stream().map(e -> Augmenter.unaccentedCopy(e.text())).filter(java.util.Objects::nonNull)
                .map(DataSplitTest::key).forEach(seen::add);
        heldOut().stream().map(e -> key(e.text())).forEach(seen::add);
        List<Dataset.Example> validation = Dataset.read(validationDir);
        List<String> shared = validation.stream().filter(e -> seen.contains(key(e.text())))
                .map(e -> e.source() + ":" + e.line()).toList();
        assertTrue(!validation.isEmpty(), "data/validation holds no lines");
        assertTrue(shared.isEmpty(), () -> "validation lines also in the training or held-out data: " + shared);
    }

    @Test
    void every_procedure_has_sixty_training_lines_and_every_dialogue_intent_thirty() throws IOException {
        Map<String, Long> perLabel = Dataset.read(DATA.resolve("train")).stream()
                .collect(Collectors.groupingBy(Dataset.Example::label, Collectors.counting()));
        Map<String, Long> procedures = Dataset.read(DATA.resolve("train")).stream()
                .filter(e -> e.aspect().isPresent())
                .collect(Collectors.groupingBy(Dataset.Example::label, Collectors.counting()));
        assertTrue(perLabel.size() >= 28, () -> "labels: " + perLabel.keySet());
        perLabel.forEach((label, count) -> {
            long minimum = procedures.containsKey(label) ? 60 : 30;
            assertTrue(count >= minimum, () -> label + " has " + count + " training lines, needs " + minimum);
        });
    }

    /** data/test and, when present, the aspect-only follow-ups of data/test-followup. */
    private static List<Dataset.Example> heldOut() throws IOException {
        List<Dataset.Example> all = new java.util.ArrayList<>(Dataset.read(DATA.resolve("test")));
        if (java.nio.file.Files.isDirectory(DATA.resolve("test-followup"))) {
            all.addAll(Dataset.read(DATA.resolve("test-followup")));
        }
        return all;
    }

    /** Exact match up to case, Unicode form and spacing: what a reader would call the same line. */
    private static String key(String text) {
        return String.join(" ", Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).trim()
                .split("\\s+"));
    }
}
