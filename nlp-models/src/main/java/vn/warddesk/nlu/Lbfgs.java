package vn.warddesk.nlu;

import opennlp.tools.ml.maxent.quasinewton.Function;

/**
 * L-BFGS with the usual scaled start (Nocedal &amp; Wright, Numerical Optimization, eq. 7.20): the two-loop recursion
 * starts from H0 = γI with γ = sᵀy / yᵀy of the newest pair, so the step t = 1 is about the right length and the
 * backtracking line search is mostly accepted at its first try. OpenNLP's {@code QNMinimizer} starts from H0 = I: on our
 * objectives its line search halved the step 9–11 times per iteration. Everything else is as in {@code QNMinimizer}
 * (Armijo constant 1e-4, halving, the first step 1/|g|, L2 added as {@code l2 * |x|²}, and its stopping rules: relative
 * value change below {@link #CONVERGE_TOLERANCE}, relative gradient norm below 1e-4, step below 1e-10, the function
 * evaluation budget), so the optimum is the same; the path to it, and so the weights where it stops, differ slightly.
 * Deterministic: one thread, fixed order of every sum.
 */
final class Lbfgs {

    /** Stop when the value fell by less than this fraction in one iteration ({@code QNMinimizer}'s rule). */
    static final double CONVERGE_TOLERANCE = 1e-4;
    private static final double RELATIVE_GRADIENT_TOLERANCE = 1e-4;
    private static final double MIN_STEP = 1e-10;
    /** Armijo's sufficient decrease constant and the backtracking factor, as in OpenNLP's {@code LineSearch}. */
    private static final double ARMIJO = 1e-4;
    private static final double SHRINK = 0.5;

    /** The minimiser's answer and what it took. */
    record Result(double[] x, int iterations, int evaluations) {
    }

    private Lbfgs() {
    }

    /** Minimises {@code f(x) + l2 * |x|²} from x = 0. */
    static Result minimize(Function f, double l2, int maxIterations, int history, int maxEvaluations) {
        int n = f.getDimension();
        double[][] s = new double[history][n];
        double[][] y = new double[history][n];
        double[] rho = new double[history];
        double[] alpha = new double[history];
        int pairs = 0;
        int newest = -1;

        double[] x = new double[n];
        double[] next = new double[n];
        double[] direction = new double[n];
        double value = f.valueAt(x) + l2 * dot(x, x);
        double[] gradient = regularised(f.gradientAt(x), x, l2);
        int evaluations = 1;
        int iteration = 0;
        while (iteration < maxIterations) {
            iteration++;
            // direction = -H g by the two-loop recursion, newest pair first.
            System.arraycopy(gradient, 0, direction, 0, n);
            for (int k = 0; k < pairs; k++) {
                int i = Math.floorMod(newest - k, history);
                alpha[i] = rho[i] * dot(s[i], direction);
                axpy(-alpha[i], y[i], direction);
            }
            double gamma = pairs == 0 ? 1 / Math.sqrt(dot(gradient, gradient)) : dot(s[newest], y[newest]) / dot(y[newest], y[newest]);
            for (int j = 0; j < n; j++) {
                direction[j] *= gamma;
            }
            for (int k = pairs - 1; k >= 0; k--) {
                int i = Math.floorMod(newest - k, history);
                double beta = rho[i] * dot(y[i], direction);
                axpy(alpha[i] - beta, s[i], direction);
            }
            for (int j = 0; j < n; j++) {
                direction[j] = -direction[j];
            }
            double slope = dot(direction, gradient);
            if (!(slope < 0)) {
                break; // not a descent direction: the gradient is (numerically) zero
            }
            double step = 1;
            double nextValue;
            while (true) {
                for (int j = 0; j < n; j++) {
                    next[j] = x[j] + step * direction[j];
                }
                nextValue = f.valueAt(next) + l2 * dot(next, next);
                evaluations++;
                if (nextValue <= value + ARMIJO * step * slope || step < MIN_STEP || evaluations > maxEvaluations) {
                    break;
                }
                step *= SHRINK;
            }
            double[] nextGradient = regularised(f.gradientAt(next), next, l2);
            // The new pair (s, y) replaces the oldest; skipped when the curvature is not positive (cannot happen for a
            // convex objective except by rounding), as the update would no longer be positive definite.
            int slot = (newest + 1) % history;
            double sy = 0;
            for (int j = 0; j < n; j++) {
                s[slot][j] = next[j] - x[j];
                y[slot][j] = nextGradient[j] - gradient[j];
                sy += s[slot][j] * y[slot][j];
            }
            if (sy > 0) {
                rho[slot] = 1 / sy;
                newest = slot;
                pairs = Math.min(history, pairs + 1);
            }
            double changeRate = (value - nextValue) / value;
            double[] swap = x;
            x = next;
            next = swap;
            value = nextValue;
            gradient = nextGradient;
            if (changeRate < CONVERGE_TOLERANCE
                    || Math.sqrt(dot(gradient, gradient)) / Math.max(1, Math.sqrt(dot(x, x))) < RELATIVE_GRADIENT_TOLERANCE
                    || step < MIN_STEP || evaluations > maxEvaluations) {
                break;
            }
        }
        return new Result(x, iteration, evaluations);
    }

    private static double[] regularised(double[] gradient, double[] x, double l2) {
        if (l2 > 0) {
            for (int j = 0; j < x.length; j++) {
                gradient[j] += 2 * l2 * x[j];
            }
        }
        return gradient;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += a[j] * b[j];
        }
        return sum;
    }

    /** b += a * x */
    private static void axpy(double a, double[] x, double[] b) {
        for (int j = 0; j < b.length; j++) {
            b[j] += a * x[j];
        }
    }
}
