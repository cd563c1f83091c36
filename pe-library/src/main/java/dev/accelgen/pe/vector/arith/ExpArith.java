package dev.accelgen.pe.vector.arith;

import dev.accelgen.pe.fixed.Fixed;

/**
 * {@code exp} of an Fx value by a 2^x split, exact integer steps:
 * <ol>
 *   <li>{@code z = roundShift(x * LOG2E, 30)} with {@code LOG2E = round(log2(e) * 2^30)}: x*log2(e) in Fx;</li>
 *   <li>{@code n = z >> 16} (floor), {@code f = z & 0xFFFF}: 2^z = 2^n * 2^(f/2^16);</li>
 *   <li>{@code 2^(f/2^16)} in Q1.30 from a 256-segment table with linear interpolation:
 *       {@code P = P[i] + roundShift(D[i] * (f & 0xFF), 8)}, {@code i = f >> 8},
 *       {@code P[i] = round(2^(i/256) * 2^30)}, {@code D[i] = P[i+1] - P[i]};</li>
 *   <li>result {@code P * 2^(n-14)}: {@code s = 14 - n}; s < 0 saturates to 2^31-1, s >= 32 gives 0,
 *       otherwise {@code roundShift(P, s)} (with {@code frac} fraction bits instead of 16: {@code s = 30 - frac - n}).</li>
 * </ol>
 * exp(0) is exactly 1.0; inputs from about 10.4 saturate; below about -11.8 the result is 0.
 */
public final class ExpArith {
    public static final long LOG2E = Math.round(Math.log(Math.E) / Math.log(2) * (1L << 30));
    public static final int SEGMENTS = 256;
    private static final long[] P = new long[SEGMENTS + 1];

    static {
        for (int i = 0; i <= SEGMENTS; i++) {
            P[i] = Math.round(Math.pow(2, i / (double) SEGMENTS) * (1L << 30));
        }
    }

    private ExpArith() {
    }

    /** Table entry i: 2^(i/256) in Q1.30 (i = 0..256). */
    public static long base(int i) {
        return P[i];
    }

    /** Slope of segment i: base(i+1) - base(i) (below 2^23). */
    public static long delta(int i) {
        return P[i + 1] - P[i];
    }

    public static int exp(int x) {
        return (int) exp(x, 16);
    }

    /**
     * exp(x) with {@code frac} fraction bits (16: Fx; softmax sums in 24): {@code s = 30 - frac - n} in the last
     * step, saturating to 2^31 - 1 when s < 0.
     */
    public static long exp(int x, int frac) {
        long z = Fixed.roundShift((long) x * LOG2E, 30);
        long n = z >> 16;
        int f = (int) (z & 0xFFFF);
        int i = f >> 8;
        long p = P[i] + Fixed.roundShift(delta(i) * (f & 0xFF), 8);
        long s = 30 - frac - n;
        if (s < 0) {
            return Integer.MAX_VALUE;
        }
        return s >= 32 ? 0 : Fixed.roundShift(p, (int) s);
    }
}
