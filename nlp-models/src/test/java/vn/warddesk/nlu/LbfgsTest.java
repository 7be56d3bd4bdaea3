package vn.warddesk.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import opennlp.tools.ml.maxent.quasinewton.Function;
import opennlp.tools.ml.maxent.quasinewton.QNMinimizer;
import org.junit.jupiter.api.Test;

/** Our L-BFGS finds the known minimum of an ill-conditioned quadratic, with far fewer line-search tries than QNMinimizer. */
class LbfgsTest {

    /**
     * f(x) = Σ a_i (x_i − c_i)² − m, curvatures a_i from 1 to 1,000 (condition number 1,000), m chosen so that f + l2·|x|²
     * has its minimum 0 (at x_i = a_i c_i / (a_i + l2)): the relative-change stopping rule then does not stop early. Counts
     * its values.
     */
    static final class Quadratic implements Function {
        final double[] a, c;
        final double m;
        int values;

        Quadratic(int n) {
            this(n, 0);
        }

        Quadratic(int n, double l2) {
            a = new double[n];
            c = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = Math.pow(1000, i / (double) (n - 1));
                c[i] = Math.sin(i + 1) * 3;
            }
            double min = 0;
            for (int i = 0; i < n; i++) {
                min += a[i] * l2 * c[i] * c[i] / (a[i] + l2);
            }
            m = min;
        }

        @Override
        public int getDimension() {
            return a.length;
        }

        @Override
        public double valueAt(double[] x) {
            values++;
            double sum = -m;
            for (int i = 0; i < x.length; i++) {
                sum += a[i] * (x[i] - c[i]) * (x[i] - c[i]);
            }
            return sum;
        }

        @Override
        public double[] gradientAt(double[] x) {
            double[] g = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                g[i] = 2 * a[i] * (x[i] - c[i]);
            }
            return g;
        }
    }

    @Test
    void finds_the_minimum_of_a_quadratic_with_and_without_l2() {
        for (double l2 : new double[] {0, 0.5}) {
            Quadratic f = new Quadratic(40, l2);
            double[] x = Lbfgs.minimize(f, l2, 500, 5, 30_000).x();
            for (int i = 0; i < x.length; i++) {
                // d/dx [a (x − c)² + l2 x²] = 0  ⇔  x = a c / (a + l2)
                double expected = f.a[i] * f.c[i] / (f.a[i] + l2);
                assertEquals(expected, x[i], 0.02, "coordinate " + i + " with l2 " + l2);
            }
        }
    }

    @Test
    void the_scaled_start_needs_about_one_try_per_iteration_where_qnminimizer_backtracks() {
        Quadratic ours = new Quadratic(40);
        Lbfgs.Result result = Lbfgs.minimize(ours, 0, 500, 5, 30_000);
        Quadratic theirs = new Quadratic(40);
        double[] reference = new QNMinimizer(0, 0, 500, 5, 30_000).minimize(theirs);
        double ourValue = new Quadratic(40).valueAt(result.x());
        double theirValue = new Quadratic(40).valueAt(reference);
        assertTrue(ourValue <= theirValue + 1e-3, "ours " + ourValue + " vs QNMinimizer " + theirValue);
        assertTrue(result.evaluations() <= 1.5 * (result.iterations() + 1),
                result.evaluations() + " values for " + result.iterations() + " iterations");
        assertTrue(ours.values * 2 < theirs.values, "ours " + ours.values + " values, QNMinimizer " + theirs.values);
    }
}
