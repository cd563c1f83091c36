package dev.accelgen.compiler.interp;

/** Functions java.lang.Math lacks, accurate to double precision (well past float32, which the graph uses). */
public final class SpecialFunctions {
    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);

    /** Spacing of the erf table: the Taylor step is at most half of it. */
    private static final double STEP = 1.0 / 32;
    /** Beyond this erf is 1 in double precision. */
    private static final double ERF_ONE = 6;
    /** Taylor terms: for |d| <= 1/64 the tenth is below 1e-17 of erf. */
    private static final int TERMS = 10;
    /** erf and exp(-x^2) at k * STEP, k = 0 .. ERF_ONE / STEP. */
    private static final double[] ERF_AT = new double[(int) (ERF_ONE / STEP) + 1];
    private static final double[] GAUSS_AT = new double[ERF_AT.length];
    /** -1 / (n + 1): the Taylor coefficients' ratios. */
    private static final double[] NEG_INV = new double[TERMS];

    static {
        for (int k = 0; k < ERF_AT.length; k++) {
            ERF_AT[k] = erfReference(k * STEP);
            GAUSS_AT[k] = Math.exp(-(k * STEP) * (k * STEP));
        }
        for (int n = 0; n < TERMS; n++) {
            NEG_INV[n] = -1.0 / (n + 1);
        }
    }

    private SpecialFunctions() {
    }

    /**
     * The error function: from the nearest point x0 of a table, its Taylor series in d = x - x0,
     * {@code erf(x0) + 2/sqrt(pi) exp(-x0^2) sum_n (-1)^n H_n(x0) d^(n+1) / (n+1)!} (H_n the Hermite polynomials), ten
     * terms; as accurate as the table ({@link #erfReference}), and a few multiplications per call.
     */
    public static double erf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double ax = Math.abs(x);
        if (ax >= ERF_ONE) {
            return x < 0 ? -1 : 1;
        }
        int k = (int) (ax * (1 / STEP) + 0.5);
        double x0 = k * STEP;
        double d = ax - x0;
        double hPrev = 1;
        double h = 2 * x0;
        double power = d;
        double sum = d;
        for (int n = 1; n < TERMS; n++) {
            power *= d * NEG_INV[n];
            sum += h * power;
            double next = 2 * x0 * h - 2 * n * hPrev;
            hPrev = h;
            h = next;
        }
        double r = ERF_AT[k] + TWO_OVER_SQRT_PI * GAUSS_AT[k] * sum;
        return x < 0 ? -r : r;
    }

    /**
     * The error function from its Maclaurin series for |x| < 3 (terms peak near 170, so about 13 digits survive) and
     * the Laplace continued fraction of erfc beyond, where it converges quickly: slow, used to build the table.
     */
    static double erfReference(double x) {
        double ax = Math.abs(x);
        if (Double.isNaN(x)) {
            return x;
        }
        double r;
        if (ax < 3) {
            double term = ax;
            double sum = ax;
            double x2 = ax * ax;
            for (int n = 1; n < 200; n++) {
                term *= -x2 / n;
                double add = term / (2 * n + 1);
                sum += add;
                if (Math.abs(add) < 1e-17 * Math.abs(sum)) {
                    break;
                }
            }
            r = TWO_OVER_SQRT_PI * sum;
        } else if (ax > ERF_ONE) {
            r = 1.0;
        } else {
            // erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...))))), evaluated bottom-up
            double f = ax;
            for (int k = 80; k >= 1; k--) {
                f = ax + (k / 2.0) / f;
            }
            r = 1.0 - Math.exp(-ax * ax) / Math.sqrt(Math.PI) / f;
        }
        return x < 0 ? -r : r;
    }

    public static double sigmoid(double x) {
        return x >= 0 ? 1.0 / (1.0 + Math.exp(-x)) : Math.exp(x) / (1.0 + Math.exp(x));
    }

    /** Round half to even, as ONNX Round and QuantizeLinear do. */
    public static double roundHalfEven(double x) {
        return Math.rint(x);
    }
}
