package vn.warddesk.nlu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** {@link Nlu#topIndices}: the alternatives' order, ties included, as a stable sort by descending value gives it. */
class TopIndicesTest {

    @Test
    void the_largest_values_first_and_ties_keep_the_lower_index_first() {
        Random random = new Random(20);
        for (int trial = 0; trial < 5_000; trial++) {
            int length = 1 + random.nextInt(40);
            double[] values = new double[length];
            for (int i = 0; i < length; i++) {
                // Few distinct values, so that ties (also at the top) are frequent.
                values[i] = random.nextInt(trial % 2 == 0 ? 4 : 1_000) / 10.0;
            }
            int count = 1 + random.nextInt(Math.min(length, 5));
            int[] expected = IntStream.range(0, length).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> -values[i]))
                    .limit(count).mapToInt(Integer::intValue).toArray();
            assertArrayEquals(expected, Nlu.topIndices(values, count), () -> java.util.Arrays.toString(values) + " top " + count);
        }
    }
}
