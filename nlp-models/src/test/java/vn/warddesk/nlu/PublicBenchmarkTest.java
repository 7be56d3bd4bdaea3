package vn.warddesk.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench-public} on a tiny made-up set in PhoATIS's file layout (never the real benchmark: its licence forbids
 * copying it into the repository).
 */
class PublicBenchmarkTest {

    @TempDir
    Path dir;

    /** Made-up requests of three kinds, and a line that asks for two of them ("a#b" as the benchmark labels it). */
    private static final String[][] TRAIN = {
            {"weather", "thời tiết hôm nay thế nào"}, {"weather", "ngày mai trời có mưa không"},
            {"weather", "nhiệt độ ngoài trời bây giờ"}, {"weather", "cuối tuần này trời nắng hay mưa"},
            {"weather", "dự báo thời tiết ngày mai ở huế"}, {"weather", "trời hôm nay có lạnh không"},
            {"food", "tôi muốn gọi một bát phở bò"}, {"food", "cho tôi hai ly cà phê sữa đá"},
            {"food", "quán có bán bánh mì không"}, {"food", "đặt một phần cơm tấm mang về"},
            {"food", "thực đơn hôm nay có món gì"}, {"food", "gọi thêm một đĩa bún chả"},
            {"music", "mở một bài hát nhạc trịnh"}, {"music", "bật nhạc to lên một chút"},
            {"music", "phát bài hát mới nhất của mỹ tâm"}, {"music", "tắt nhạc đi"},
            {"music", "chuyển sang bài hát tiếp theo"}, {"music", "tôi muốn nghe nhạc không lời"},
            {"food#weather", "trời mưa thì gọi phở bò mang về"}};
    private static final String[][] DEV = {
            {"weather", "chiều nay trời có mưa không"}, {"food", "cho tôi một bát phở gà"}, {"music", "bật bài hát khác đi"}};
    private static final String[][] TEST = {
            {"weather", "hôm nay trời mưa không"}, {"weather", "thời tiết ngày mai ở đà nẵng"},
            {"food", "gọi một ly cà phê đá"}, {"food", "tôi muốn đặt cơm tấm"},
            {"music", "mở bài hát của mỹ tâm"}, {"music", "tắt bài hát này đi"}};

    private Path writeSplits(Path folder) throws IOException {
        write(folder, "train", TRAIN);
        write(folder, "dev", DEV);
        write(folder, "test", TEST);
        return folder;
    }

    private static void write(Path folder, String split, String[][] lines) throws IOException {
        Path splitFolder = Files.createDirectories(folder.resolve(split));
        StringBuilder labels = new StringBuilder();
        StringBuilder texts = new StringBuilder();
        for (String[] line : lines) {
            labels.append(line[0]).append('\n');
            texts.append(line[1]).append('\n');
        }
        Files.writeString(splitFolder.resolve("label"), labels, StandardCharsets.UTF_8);
        Files.writeString(splitFolder.resolve("seq.in"), texts, StandardCharsets.UTF_8);
    }

    @Test
    void trains_on_train_and_scores_the_test_split_as_written_and_stripped() throws IOException {
        writeSplits(dir.resolve("bench"));
        Map<String, Object> report = Cli.benchPublic(Cli.Options.parse(new String[] {
            "--dir", dir.resolve("bench").toString(), "--tsv-dir", dir.resolve("tsv").toString()}));

        assertEquals(TRAIN.length, report.get("trainLines"));
        assertEquals("test", report.get("scored"));
        assertEquals(TEST.length, report.get("scoredLines"));
        assertEquals(4, report.get("labels"), "three kinds and the two-kind line");
        assertEquals("generic", report.get("features"));
        double accuracy = (double) report.get("accuracy");
        double stripped = (double) report.get("accuracyStripped");
        assertTrue(accuracy >= 5 / 6.0, "the made-up test lines share their key words with training: " + report);
        assertEquals(accuracy, stripped, "the generic features are those of the folded text: " + report);
        assertEquals(100 * (accuracy - stripped), (double) report.get("gapPoints"), 0.01);
        double ece = (double) report.get("eceCalibrated");
        assertTrue(ece >= 0 && ece <= 1, report.toString());
        assertTrue((double) report.get("trainSeconds") > 0);
    }

    @Test
    void with_dev_the_dev_lines_train_too_and_dev_can_be_scored_instead_of_test() throws IOException {
        writeSplits(dir.resolve("bench"));
        Map<String, Object> withDev = Cli.benchPublic(Cli.Options.parse(new String[] {
            "--dir", dir.resolve("bench").toString(), "--with-dev", "--tsv-dir", dir.resolve("a").toString()}));
        assertEquals(TRAIN.length + DEV.length, withDev.get("trainLines"));
        assertEquals("train+dev", withDev.get("trainedOn"));

        Map<String, Object> onDev = Cli.benchPublic(Cli.Options.parse(new String[] {
            "--dir", dir.resolve("bench").toString(), "--eval", "dev", "--tsv-dir", dir.resolve("b").toString()}));
        assertEquals(TRAIN.length, onDev.get("trainLines"));
        assertEquals(DEV.length, onDev.get("scoredLines"));
        assertThrows(IllegalArgumentException.class, () -> Cli.benchPublic(Cli.Options.parse(new String[] {
            "--dir", dir.resolve("bench").toString(), "--eval", "dev", "--with-dev"})));
    }

    @Test
    void the_shipped_features_can_be_benchmarked_for_comparison() throws IOException {
        writeSplits(dir.resolve("bench"));
        Map<String, Object> generic = Cli.benchPublic(Cli.Options.parse(new String[] {
            "--dir", dir.resolve("bench").toString(), "--tsv-dir", dir.resolve("a").toString()}));
        Map<String, Object> shipped = Cli.benchPublic(Cli.Options.parse(new String[] {
            "--dir", dir.resolve("bench").toString(), "--features", "shipped", "--tsv-dir", dir.resolve("b").toString()}));
        assertEquals("generic", generic.get("features"));
        assertEquals(false, generic.get("unaccentedCopies"));
        assertEquals("shipped", shipped.get("features"));
        assertEquals(true, shipped.get("unaccentedCopies"));
        assertThrows(IllegalArgumentException.class, () -> Cli.benchPublic(Cli.Options.parse(new String[] {
            "--dir", dir.resolve("bench").toString(), "--features", "warddesk"})));

        Path data = dir.resolve("b").resolve("syllable-train.tsv");
        Path model = dir.resolve("shipped.bin");
        Cli.train(Cli.Options.parse(new String[] {"--data", data.toString(), "--model", model.toString(), "--features", "shipped"}));
        try (java.io.InputStream in = Files.newInputStream(model)) {
            assertEquals(Features.Profile.SHIPPED, Features.Profile.of(CompiledModel.read(in).metadata()));
        }
        Cli.train(Cli.Options.parse(new String[] {"--data", data.toString(), "--model", model.toString()}));
        try (java.io.InputStream in = Files.newInputStream(model)) {
            assertEquals(Features.Profile.GENERIC, Features.Profile.of(CompiledModel.read(in).metadata()));
        }
    }

    @Test
    void the_checkout_root_and_the_level_folder_both_work() throws IOException {
        writeSplits(dir.resolve("JointIDSF").resolve("PhoATIS").resolve("word-level"));
        Path atRoot = PublicBenchmark.splitsFolder(dir.resolve("JointIDSF"), "word");
        Path atPhoAtis = PublicBenchmark.splitsFolder(dir.resolve("JointIDSF").resolve("PhoATIS"), "word");
        Path direct = PublicBenchmark.splitsFolder(dir.resolve("JointIDSF").resolve("PhoATIS").resolve("word-level"), "word");
        assertEquals(direct, atRoot);
        assertEquals(direct, atPhoAtis);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> PublicBenchmark.splitsFolder(dir.resolve("JointIDSF"), "syllable"));
        assertTrue(missing.getMessage().contains("train/label"), missing.getMessage());
    }

    @Test
    void the_tsv_copies_are_label_tab_text_lines_the_trainer_reads() throws IOException {
        writeSplits(dir.resolve("bench"));
        Cli.benchPublic(Cli.Options.parse(new String[] {
            "--dir", dir.resolve("bench").toString(), "--tsv-dir", dir.resolve("tsv").toString()}));
        List<Dataset.Example> train = Dataset.read(dir.resolve("tsv").resolve("syllable-train.tsv"));
        assertEquals(TRAIN.length, train.size());
        for (int i = 0; i < TRAIN.length; i++) {
            assertEquals(TRAIN[i][0], train.get(i).label());
            assertEquals(TRAIN[i][1], train.get(i).text());
        }
        assertEquals(TEST.length, Dataset.read(dir.resolve("tsv").resolve("syllable-test.tsv")).size());
    }

    @Test
    void files_of_different_lengths_are_refused_and_blank_utterances_skipped() throws IOException {
        Path folder = writeSplits(dir.resolve("bench"));
        Files.writeString(folder.resolve("dev").resolve("seq.in"), "chiều nay trời có mưa không\n", StandardCharsets.UTF_8);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> PublicBenchmark.readSplit(folder, "dev", new int[1]));
        assertTrue(error.getMessage().contains("seq.in"), error.getMessage());

        Files.writeString(folder.resolve("dev").resolve("seq.in"), "chiều nay trời có mưa không\n  \nbật bài hát khác đi\n",
                StandardCharsets.UTF_8);
        int[] skipped = new int[1];
        List<Dataset.Example> dev = PublicBenchmark.readSplit(folder, "dev", skipped);
        assertEquals(2, dev.size());
        assertEquals(1, skipped[0]);
        assertEquals("music", dev.get(1).label(), "the lines stay paired after a blank one");
    }

    @Test
    void stripping_drops_every_diacritic_and_keeps_the_label() {
        List<Dataset.Example> examples = new ArrayList<>();
        for (String[] line : TEST) {
            examples.add(new Dataset.Example(line[0], java.util.Optional.empty(), line[1], "test", 1));
        }
        List<Dataset.Example> stripped = PublicBenchmark.stripped(examples);
        assertEquals("thoi tiet ngay mai o da nang", stripped.get(1).text());
        for (int i = 0; i < examples.size(); i++) {
            assertEquals(examples.get(i).label(), stripped.get(i).label());
            String text = stripped.get(i).text();
            assertFalse(text.chars().anyMatch(c -> c > 127), text);
        }
    }

    @Test
    void a_generic_model_is_scored_with_the_generic_features_and_the_temperature_it_was_trained_with() throws IOException {
        writeSplits(dir.resolve("bench"));
        List<Dataset.Example> train = PublicBenchmark.readSplit(dir.resolve("bench"), "train", new int[1]);
        CompiledModel trained = BuildModels.train(train, BuildModels.Setup.generic(Trainer.Params.SHIPPED, true)).intent();
        assertEquals(Features.Profile.GENERIC, Features.Profile.of(trained.metadata()));
        // Too few lines to fit a temperature here (it stays 1): set one, as a larger data set would get.
        CompiledModel model = trained.withMetadata(Map.of(Calibration.TEMPERATURE, "2.5"));
        Nlu nlu = new Nlu(model, null, NluSettings.recommended(model.metadata()), java.time.Clock.systemUTC());
        String text = "tôi muốn nghe một bài hát mới";
        NormalizedText normalized = TextNormalizer.normalize(text, true);
        List<String> strings = Features.strings(normalized.tokens().toArray(String[]::new), Features.Profile.GENERIC);
        assertTrue(strings.contains("f=bai") && strings.contains("g=bai hat"), "folded words: " + strings);
        assertFalse(strings.stream().anyMatch(f -> f.startsWith("w=") || f.startsWith("b=")), "no accented words: " + strings);
        assertFalse(strings.stream().anyMatch(f -> f.startsWith("k=") || f.startsWith("t=")), "no WardDesk lexicon");
        assertEquals(strings, Features.strings(TextNormalizer.normalize(TextNormalizer.fold(text), true).tokens()
                .toArray(String[]::new), Features.Profile.GENERIC), "a line reads the same without its diacritics");
        Features.HashBuffer buffer = new Features.HashBuffer();
        buffer.ensure(strings.size());
        for (String feature : strings) {
            buffer.values[buffer.size++] = Features.hash(feature);
        }
        double[] expected = model.scores(buffer);
        double temperature = 2.5;
        double[] probabilities = new double[expected.length];
        Calibration.softmax(expected, temperature, probabilities);
        Understanding understood = nlu.understand(text, java.util.Locale.ROOT);
        int top = Nlu.topIndices(probabilities, 1)[0];
        assertEquals(model.outcome(top), understood.intent());
        assertEquals(probabilities[top], understood.confidence(), 1e-9);
        assertEquals("music", understood.intent());
    }
}
