package dev.accelgen.pe.ternary;

import dev.accelgen.pe.fixed.Fixed;

/**
 * BitLinear (BitNet b1.58 style, as used by the MatMul-free LM) split into the float steps that
 * happen outside the datapath and the exact integer steps the ternary lanes perform.
 *
 * <ul>
 *   <li>Activations: per-token absmax quantization, {@code gamma = max|x_i|},
 *       {@code a_i = clamp(round(x_i * 127 / gamma), -127, 127)} computed in IEEE double
 *       ({@code (x_i * 127.0) / gamma}), {@code round} = half toward +infinity
 *       ({@link Math#round}). An all-zero token gives gamma = 0 and a = 0.</li>
 *   <li>Weights: per-tensor absmean, {@code beta = mean|W|},
 *       {@code w = clamp(round(W / beta), -1, 1)} (beta = 0 gives all-zero weights).</li>
 *   <li>Datapath: {@code acc = sum w_i * a_i} exactly, in an {@link #ACC_BITS}-bit register that
 *       wraps (it cannot overflow for rows shorter than 2^24 lanes).</li>
 *   <li>After accumulation: {@code y = acc * beta * gamma / 127}. In fixed point
 *       ({@link #scaleToQ}), the combined factor is an unsigned 16-bit mantissa and a right shift:
 *       {@code y_q = roundShift(acc * mant, shift)} with round half up, saturated to 16 bits.</li>
 * </ul>
 */
public final class BitLinearArith {
    public static final int ACT_MAX = 127;
    public static final int ACC_BITS = 32;
    public static final int SCALE_MANT_BITS = 16;

    private BitLinearArith() {
    }

    public record QuantizedActs(int[] a, double gamma) {
        public QuantizedActs {
            a = a.clone();
        }
    }

    public record TernaryWeights(int[][] w, double beta) {
    }

    /** The per-tensor scale in fixed point: factor = mant / 2^shift. */
    public record FixedScale(int mant, int shift) {
        public FixedScale {
            if (mant < 0 || mant >= (1 << SCALE_MANT_BITS)) {
                throw new IllegalArgumentException("mant must be in 0..65535 (got " + mant + ")");
            }
            if (shift < 0 || shift > 62) {
                throw new IllegalArgumentException("shift must be in 0..62 (got " + shift + ")");
            }
        }
    }

    public static QuantizedActs absmaxQuantize(double[] x) {
        double gamma = 0;
        for (double v : x) {
            gamma = Math.max(gamma, Math.abs(v));
        }
        int[] a = new int[x.length];
        if (gamma > 0) {
            for (int i = 0; i < x.length; i++) {
                a[i] = (int) Math.max(-ACT_MAX, Math.min(ACT_MAX, Math.round((x[i] * 127.0) / gamma)));
            }
        }
        return new QuantizedActs(a, gamma);
    }

    public static TernaryWeights ternarize(double[][] weights) {
        double sum = 0;
        long n = 0;
        for (double[] row : weights) {
            for (double v : row) {
                sum += Math.abs(v);
                n++;
            }
        }
        double beta = n == 0 ? 0 : sum / n;
        int[][] w = new int[weights.length][];
        for (int r = 0; r < weights.length; r++) {
            w[r] = new int[weights[r].length];
            for (int c = 0; c < w[r].length; c++) {
                w[r][c] = beta == 0 ? 0 : (int) Math.max(-1, Math.min(1, Math.round(weights[r][c] / beta)));
            }
        }
        return new TernaryWeights(w, beta);
    }

    /** What one beat of ternary lanes adds to the accumulator: {@code sum w_i * a_i}. */
    public static long laneSum(int[] w, int[] a) {
        long s = 0;
        for (int i = 0; i < w.length; i++) {
            s += switch (w[i]) {
                case 0 -> 0;
                case 1 -> a[i];
                case -1 -> -a[i];
                default -> throw new IllegalArgumentException("ternary weight must be -1, 0 or 1 (got " + w[i] + ")");
            };
        }
        return s;
    }

    public static long accumulate(long acc, long laneSum) {
        return Fixed.wrap(acc + laneSum, ACC_BITS);
    }

    public static double dequantize(long acc, double beta, double gamma) {
        return acc * beta * gamma / ACT_MAX;
    }

    /**
     * Fixed-point form of {@code beta * gamma / 127 * 2^frac}: the largest shift that keeps the
     * mantissa below 2^16, mantissa rounded to nearest.
     */
    public static FixedScale scaleToQ(double beta, double gamma, int frac) {
        double f = beta * gamma / ACT_MAX * Math.pow(2, frac);
        if (!(f >= 0) || Double.isInfinite(f)) {
            throw new IllegalArgumentException("scale must be finite and >= 0 (got " + f + ")");
        }
        if (f == 0) {
            return new FixedScale(0, 0);
        }
        int shift = 0;
        while (shift < 62 && Math.round(f * Math.pow(2, shift + 1)) < (1 << SCALE_MANT_BITS)) {
            shift++;
        }
        long mant = Math.round(f * Math.pow(2, shift));
        if (mant >= (1 << SCALE_MANT_BITS)) {
            throw new IllegalArgumentException("scale " + f + " does not fit a 16-bit mantissa");
        }
        return new FixedScale((int) mant, shift);
    }

    /** {@code saturate(roundShift(acc * mant, shift), 16)}: the scaled output in 16-bit fixed point. */
    public static int applyScale(long acc, FixedScale s) {
        return (int) Fixed.saturate(Fixed.roundShift(acc * s.mant(), s.shift()), 16);
    }
}
