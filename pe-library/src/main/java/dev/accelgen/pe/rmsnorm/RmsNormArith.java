package dev.accelgen.pe.rmsnorm;

import dev.accelgen.pe.fixed.Fixed;

/**
 * RMSNorm in fixed point: {@code y_i = x_i / sqrt(mean(x^2) + eps)}. The learned gain is not
 * applied here; it folds into the following BitLinear's per-tensor scale.
 *
 * <p>Input: signed 16-bit integers of any common scale (RMSNorm is scale-invariant; eps is in
 * units of the squared input). Vector length N = 2^log2n, 1 <= log2n <= 9. Steps, all exact
 * integer operations:
 * <ol>
 *   <li>{@code ss = sum x_i^2} (at most 2^39), {@code m = (ss >> log2n) + eps} (floor mean;
 *       eps in 1..65535 keeps m >= 1; m < 2^31).</li>
 *   <li>Normalize: {@code e = floor(log2 m)}, {@code k = e >> 1} (0..15),
 *       {@code t = m << (30 - 2k)}, so {@code t / 2^30} is in [1, 4) and
 *       {@code rsqrt(m) = rsqrt(t / 2^30) * 2^-k}.</li>
 *   <li>Table: {@code idx = (t >> 25) - 32} (96 entries over [1, 4) in steps of 1/32),
 *       {@code y0 = round(2^16 / sqrt((idx + 32.5) / 32))} (unsigned Q0.16).</li>
 *   <li>One Newton step in Q16 (all roundShift = round half up):
 *       {@code ys = roundShift(y0*y0, 16)}, {@code mt = t >> 14},
 *       {@code p = roundShift(mt*ys, 16)}, {@code y1 = roundShift(y0 * (3*2^16 - p), 17)}.</li>
 *   <li>Output, signed Q4.11 (value = raw / 2048) saturated to 16 bits:
 *       {@code y_i = saturate(roundShift(x_i * y1, 5 + k), 16)}.</li>
 * </ol>
 * The relative error of y1 against 1/sqrt(m) is below 2^-13 (table seed 0.78%, squared by the Newton step).
 */
public final class RmsNormArith {
    public static final int OUT_FRAC = 11;
    public static final int TABLE_SIZE = 96;
    public static final int MAX_LOG2N = 9;
    private static final int[] TABLE = buildTable();

    private RmsNormArith() {
    }

    private static int[] buildTable() {
        int[] t = new int[TABLE_SIZE];
        for (int i = 0; i < TABLE_SIZE; i++) {
            t[i] = (int) Math.round(65536.0 / Math.sqrt((i + 32.5) / 32.0));
        }
        return t;
    }

    /** The rsqrt seed table (Q0.16), entry i for mantissa interval [(32+i)/32, (33+i)/32). */
    public static int tableEntry(int idx) {
        return TABLE[idx];
    }

    public static long sumSquares(int[] x) {
        long s = 0;
        for (int v : x) {
            s += (long) v * v;
        }
        return s;
    }

    public static long meanSquare(long ss, int log2n, int eps) {
        return (ss >> log2n) + eps;
    }

    /** rsqrt(m) = y1 / 2^16 * 2^-k. */
    public record Rsqrt(int y1, int k) {
    }

    public static Rsqrt rsqrt(long m) {
        if (m < 1 || m >= (1L << 31)) {
            throw new IllegalArgumentException("m must be in 1..2^31-1 (got " + m + ")");
        }
        int e = 63 - Long.numberOfLeadingZeros(m);
        int k = e >> 1;
        long t = m << (30 - 2 * k);
        int y0 = TABLE[(int) (t >> 25) - 32];
        long ys = Fixed.roundShift((long) y0 * y0, 16);
        long mt = t >> 14;
        long p = Fixed.roundShift(mt * ys, 16);
        long y1 = Fixed.roundShift(y0 * (3L * 65536 - p), 17);
        return new Rsqrt((int) y1, k);
    }

    public static int scale(int x, Rsqrt r) {
        return (int) Fixed.saturate(Fixed.roundShift((long) x * r.y1(), 5 + r.k()), 16);
    }

    public static int[] normalize(int[] x, int log2n, int eps) {
        if (x.length != 1 << log2n) {
            throw new IllegalArgumentException("vector length " + x.length + " is not 2^" + log2n);
        }
        Rsqrt r = rsqrt(meanSquare(sumSquares(x), log2n, eps));
        int[] y = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = scale(x[i], r);
        }
        return y;
    }
}
