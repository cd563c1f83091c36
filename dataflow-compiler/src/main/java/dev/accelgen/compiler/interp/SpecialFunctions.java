package dev.accelgen.compiler.interp;

/** Functions java.lang.Math lacks, accurate to double precision (well past float32, which the graph uses). */
public final class SpecialFunctions {
    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);

    private SpecialFunctions() {
    }

    /**
     * The error function: its Maclaurin series for |x| < 3 (terms peak near 170, so about 13 digits survive)
     * and the Laplace continued fraction of erfc beyond, where it converges quickly.
     */
    public static double erf(double x) {
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
        } else if (ax > 6) {
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
