package vn.warddesk.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Behaviour of the shipped models on a few unmistakable utterances; accuracy is a benchmark (README), not a test. */
class ShippedModelTest {

    private static final Nlu NLU = Nlu.shipped();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            birth_registration               | Đăng ký khai sinh cho con cần những giấy tờ gì?
            birth_registration               | lam giay khai sinh cho con
            death_registration               | thủ tục đăng ký khai tử
            death_registration               | dang ky khai tu cho ba
            marriage_registration            | đăng ký kết hôn cần giấy tờ gì
            marriage_registration            | dk ket hon
            marital_status_certificate       | xin giấy xác nhận tình trạng hôn nhân
            permanent_residence              | đăng ký thường trú
            temporary_residence              | dk tam tru cho nguoi thue tro
            copy_certification               | chứng thực bản sao giấy tờ
            signature_certification          | chứng thực chữ ký
            guardianship_registration        | đăng ký giám hộ
            parent_child_recognition         | đăng ký nhận cha con
            civil_status_correction          | cải chính hộ tịch
            civil_status_extract             | xin bản sao trích lục khai sinh
            household_business_registration  | đăng ký hộ kinh doanh
            social_allowance                 | trợ cấp xã hội hàng tháng cho người cao tuổi
            land_certificate                 | cấp sổ đỏ lần đầu
            greeting                         | xin chào
            thanks                           | cảm ơn
            birth_registration               | how do I register my baby's birth
            marriage_registration            | how much is the fee to register a marriage
            talk_to_staff                    | I want to talk to a staff member
            office_hours                     | what time does the ward office open
            office_location                  | where is the ward office
            goodbye                          | bye
            deny                             | ko
            out_of_scope                     | what is the weather tomorrow
            """)
    void clear_utterances_get_their_intent(String intent, String text) {
        Understanding result = NLU.understand(text, Locale.forLanguageTag("vi"), LocalDate.of(2026, 11, 28));
        assertEquals(intent, result.intent(), text);
    }

    @Test
    void a_procedure_question_gets_an_aspect_and_a_dialogue_act_none() {
        Understanding fee = NLU.understand("Lệ phí đăng ký kết hôn là bao nhiêu?", Locale.ROOT);
        assertEquals("marriage_registration", fee.intent());
        assertEquals(Optional.of("fee"), fee.aspect());
        assertTrue(fee.aspectConfidence() > 0);
        Understanding hello = NLU.understand("xin chào", Locale.ROOT);
        assertTrue(hello.aspect().isEmpty());
        assertEquals(0.0, hello.aspectConfidence());
    }

    @Test
    void alternatives_are_sorted_and_start_with_the_intent() {
        Understanding result = NLU.understand("khai sinh", Locale.ROOT);
        assertTrue(result.alternatives().size() >= 2);
        assertEquals(result.intent(), result.alternatives().get(0).intent());
        assertEquals(result.confidence(), result.alternatives().get(0).probability());
        for (int i = 1; i < result.alternatives().size(); i++) {
            assertTrue(result.alternatives().get(i - 1).probability() >= result.alternatives().get(i).probability());
        }
    }

    @Test
    void clarify_follows_the_threshold_and_margin() {
        String text = "khai sinh hay khai tử";
        Understanding strict = Nlu.shipped(new NluSettings(1.0, 0, NluSettings.DEFAULT_CASE_CODE)).understand(text, Locale.ROOT);
        assertTrue(strict.clarify());
        Understanding lax = Nlu.shipped(new NluSettings(0, 0, NluSettings.DEFAULT_CASE_CODE)).understand(text, Locale.ROOT);
        assertFalse(lax.clarify());
    }

    @Test
    void entities_come_with_the_intent() {
        Understanding result = NLU.understand("hồ sơ PH-2026-1234567 của tôi tới đâu rồi", Locale.ROOT, LocalDate.of(2026, 11, 28));
        assertEquals("PH-2026-1234567", result.entities().get(0).value());
    }

    @Test
    void labels_are_exactly_those_of_the_shared_spec() throws IOException {
        Path spec = Path.of(System.getProperty("nlu.dataDir", "data"), "..", "..", "..", "shared", "spec", "intents.tsv");
        Assumptions.assumeTrue(Files.exists(spec), "shared spec not beside the checkout");
        Set<String> intents = Files.readAllLines(spec, StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("procedure\t") || line.startsWith("dialogue\t"))
                .map(line -> line.split("\t")[1]).collect(Collectors.toCollection(java.util.HashSet::new));
        Set<String> aspects = Files.readAllLines(spec, StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("aspect\t")).map(line -> line.split("\t")[1]).collect(Collectors.toCollection(java.util.HashSet::new));
        intents.add(Understanding.ASPECT_ONLY); // the one documented extension (README, "Aspect-only questions")
        aspects.add(Nlu.NO_ASPECT);             // internal "no aspect" outcome, never reported
        assertTrue(intents.containsAll(NLU.intentModel().outcomes()), () -> "unknown intents in " + NLU.intentModel().outcomes());
        assertTrue(aspects.containsAll(NLU.aspectModel().orElseThrow().outcomes()));
    }

    @Test
    void the_default_thresholds_are_those_the_shipped_calibration_recommends() {
        var metadata = NLU.intentModel().metadata();
        assertTrue(Double.parseDouble(metadata.get(Calibration.TEMPERATURE)) > 0);
        NluSettings defaults = NluSettings.defaults();
        assertEquals(Double.parseDouble(metadata.get(Calibration.CLARIFY)), defaults.confidenceThreshold());
        assertTrue(defaults.handoffThreshold() <= defaults.confidenceThreshold());
        assertEquals(defaults, NLU.settings());
    }
}
