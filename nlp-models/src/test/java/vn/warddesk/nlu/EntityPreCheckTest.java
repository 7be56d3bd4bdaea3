package vn.warddesk.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The entity extractor skips a regex when a cheap scan shows that no match is possible (too few digits, no month name
 * next to a digit, no whole-word "mai", ...). This checks that the skipping never changes the answer: on every training
 * line and on entity-rich lines written for this test, the extractor finds exactly what it finds with every regex run.
 */
class EntityPreCheckTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    /** Every entity kind, in the spellings the pre-checks look at: near misses included. */
    private static final List<String> ENTITY_LINES = List.of(
            "gọi em số 0912 345 678 nhé, hoặc +84 912345678",
            "cccd của tôi là 001 203 004 567, sđt 0987654321, số 012345678901 và 0123 4567 8901",
            "mã hồ sơ PH-2026-1234567 đến ngày 5 tháng 3 chưa xong, ma ho so tt 2026 7654321",
            "hen ngay 15/12/2026 luc 9h30 sang nhe, 10:45 hoặc 14h, ngay 3-4, lúc 7 giờ 30 phút sáng ngày 1/1",
            "thứ hai tuần sau 2 giờ chiều em qua được không, thu 6 toi 8g, chu nhat",
            "on 5th of March at 10am or March 7, 2027 at 3 p.m., 1st of december, dec 24th, 25 dec, mar 3 và 3 mar",
            "next monday or this friday, saturday sunday tuesday wednesday thursday",
            "ngày mai hoặc ngày kia, hôm nay thì bận; tomorrow at 9 am, yesterday 7pm, today 11 a.m.",
            "email em la abc.def@gmail.com, sdt 0912.345.678",
            "mùng 5 tết em đi làm khai sinh, mung  10, mong 3",
            "phí 1.000.000 đồng, 2-3 ngày, 12 giờ trưa, 5 day, ở đây",
            "nop ho so 12 may 2026 duoc ko, may 12 thi sao, mấy 12 giờ, 3 máy",
            "chị mai ơi, thương mại, mai tang, mai em qua, maii, mai1",
            "toi sinh ngay 20/10/95, con sinh 3.4.2020, 2026-12-01",
            "8 am, 8am, 8 a.m., 8  pm, lam 8 h, 8\tgio",
            // Where a regex is tried only where its match can start (a run of digits, "(" or "+", a word): starts at the
            // very beginning and end, digits glued to letters, runs of runs, every phone prefix, case codes with and
            // without separators, weekday and month names glued or repeated.
            "0912345678",
            "(+84) 912 345 678 hoặc (+84)912345678 hoặc +84-912-345-678, 84912345678, x0912345678, 10912345678",
            "ab0912345678cd, 0912345678901234, 9h30, 12h, 23:59, 7g sáng, lúc12h",
            "ph-2026-1234567 PH 2026 1234567 PH20261234567 abcd-2026-1234567 abcde-2026-1234567 p-2026-1234567 TT2020 2026-1234567",
            "ma 20202020202020 va PH-2026-12345678 va PH-2026-123456",
            "001203004567 va 001.203.004.567 va 0012 0300 4567 va 1001203004567",
            "1/1 12/12/2026 31-12 3.4.2020 1.2 1/2/3/4 5/13 12/12/12",
            "thứ2 thứ 2thu 2 thứ hai thứhai chủ nhật tuần sau, thứ tư tuần này, thu tu thu nam thu sau thu bay",
            "next next monday, this this friday, mondays, next week on tuesday, tuesday of next week, sunday",
            "ngày5 ngay  5 thang 6 nam 2027, mùng 1, ngay ngay 3, mungg 4, ngàyy 7",
            "5 may, may 5, may5, 5may, 1st of january 2027, march 3rd, 3rd of mar, dec. 24, 12 december, june",
            "9 am 9am 9 pm 11:30 a.m. 12 pm 0 am 13 pm",
            "x".repeat(1990) + " 0912345678 ngày 5 thứ 2 9h",
            "0912345678 ".repeat(200),
            "ngày 5 ".repeat(300) + "thứ 2 ".repeat(100));

    @Test
    void skipping_impossible_regexes_changes_no_entity() throws IOException {
        EntityExtractor fast = new EntityExtractor(NluSettings.DEFAULT_CASE_CODE);
        EntityExtractor every = new EntityExtractor(NluSettings.DEFAULT_CASE_CODE, false);
        List<String> texts = new ArrayList<>(ENTITY_LINES);
        Path data = Path.of(System.getProperty("nlu.dataDir", "data"));
        Dataset.read(data.resolve("train")).forEach(example -> texts.add(example.text()));
        Dataset.read(data.resolve("dev-sample.tsv")).forEach(example -> texts.add(example.text()));
        int withEntities = 0;
        for (String text : texts) {
            List<Entity> expected = every.extract(text, TODAY);
            assertEquals(expected, fast.extract(text, TODAY), text);
            withEntities += expected.isEmpty() ? 0 : 1;
        }
        assertTrue(withEntities >= ENTITY_LINES.size(), "the entity lines must find entities: " + withEntities);
    }
}
