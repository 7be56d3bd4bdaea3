package vn.warddesk.nlu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    private static List<Dataset.Example> sample;

    @BeforeAll
    static void readSample() throws IOException {
        sample = Dataset.read(Path.of(System.getProperty("nlu.dataDir", "data"), "dev-sample.tsv"));
    }

    @Test
    void training_twice_on_the_same_data_gives_the_same_bytes() {
        for (Trainer.Params params : List.of(Trainer.Params.SHIPPED, new Trainer.Params("MAXENT", 50, 1, 0),
                new Trainer.Params("PERCEPTRON", 50, 1, 0))) {
            BuildModels.Models first = BuildModels.train(sample, params);
            BuildModels.Models second = BuildModels.train(sample, params);
            assertArrayEquals(first.intent().toBytes(), second.intent().toBytes(), params.describe());
            assertArrayEquals(first.aspect().toBytes(), second.aspect().toBytes(), params.describe());
        }
    }

    @Test
    void different_data_gives_different_bytes() {
        BuildModels.Models all = BuildModels.train(sample, Trainer.Params.SHIPPED);
        BuildModels.Models fewer = BuildModels.train(sample.subList(0, sample.size() - 4), Trainer.Params.SHIPPED);
        assertTrue(!Arrays.equals(all.intent().toBytes(), fewer.intent().toBytes()));
    }

    @Test
    void a_model_survives_writing_and_reading_unchanged() throws IOException {
        CompiledModel model = BuildModels.train(sample, Trainer.Params.SHIPPED).intent();
        byte[] bytes = model.toBytes();
        CompiledModel read = CompiledModel.read(new ByteArrayInputStream(bytes));
        assertArrayEquals(bytes, read.toBytes());
        assertEquals(model.outcomes(), read.outcomes());
    }

    @Test
    void fast_hashed_evaluation_matches_opennlp_on_the_feature_strings() {
        for (Trainer.Params params : List.of(Trainer.Params.SHIPPED, new Trainer.Params("MAXENT", 50, 1, 0),
                new Trainer.Params("PERCEPTRON", 50, 1, 0))) {
            CompiledModel model = BuildModels.train(sample, params).intent();
            var openNlp = model.toOpenNlp();
            Features.HashBuffer buffer = new Features.HashBuffer();
            List<String> texts = new ArrayList<>(sample.stream().map(Dataset.Example::text).toList());
            texts.addAll(List.of("dk tam tru cho nguoi thue tro", "How do I register my baby's birth?", "x", "ko"));
            for (String text : texts) {
                NormalizedText normalized = TextNormalizer.normalize(text);
                Features.hashes(normalized, buffer);
                double[] ours = model.probabilities(buffer);
                double[] theirs = openNlp.eval(Features.strings(normalized.tokens().toArray(String[]::new)).toArray(String[]::new));
                for (int k = 0; k < ours.length; k++) {
                    assertEquals(theirs[k], ours[k], 1e-5, params.describe() + ": " + text); // weights held as float
                }
            }
        }
    }

    @Test
    void hashes_are_those_of_the_feature_strings() {
        NormalizedText text = TextNormalizer.normalize("Làm giấy khai sinh cần gì? lam giay khai sinh");
        Features.HashBuffer buffer = new Features.HashBuffer();
        Features.hashes(text, buffer);
        long[] fast = Arrays.copyOf(buffer.values, buffer.size);
        long[] slow = Features.strings(text.tokens().toArray(String[]::new)).stream().mapToLong(Features::hash).toArray();
        Arrays.sort(fast);
        Arrays.sort(slow);
        assertArrayEquals(slow, fast);
    }

    @Test
    void one_joint_table_gives_the_same_scores_as_the_intent_and_aspect_models_apart() {
        BuildModels.Models models = BuildModels.train(sample, Trainer.Params.SHIPPED);
        CompiledModel.Joint joint = new CompiledModel.Joint(models.intent(), models.aspect());
        Features.HashBuffer buffer = new Features.HashBuffer();
        double[] intent = new double[models.intent().outcomeCount()], aspect = new double[models.aspect().outcomeCount()];
        for (String text : List.of("lệ phí đăng ký khai sinh bao nhiêu", "mat bao lau", "xin chào", "how much is it")) {
            Features.hashes(TextNormalizer.normalize(text), buffer);
            joint.scores(buffer, intent, aspect);
            // the joint table holds half floats (relative rounding 2^-11 per weight)
            assertArrayEquals(models.intent().scores(buffer), intent, 5e-3, text);
            assertArrayEquals(models.aspect().scores(buffer), aspect, 5e-3, text);
        }
    }

    @Test
    void the_intent_model_carries_its_calibration() {
        CompiledModel intent = BuildModels.train(sample, Trainer.Params.SHIPPED).intent();
        double temperature = Double.parseDouble(intent.metadata().get(Calibration.TEMPERATURE));
        assertTrue(temperature > 0.05 && temperature < 20, "temperature " + temperature);
        NluSettings recommended = NluSettings.recommended(intent.metadata());
        assertTrue(recommended.handoffThreshold() <= recommended.confidenceThreshold());
    }
}
