package dev.accelgen.pe.vector.arith;

import dev.accelgen.pe.fixed.Fixed;

/**
 * Softmax of one Fx row in three passes: {@code m = max x}; {@code e_i = exp(sat32(x_i - m))} with
 * {@value #EXP_FRAC} fraction bits ({@link ExpArith}, at most 2^24, so that the many tiny terms of a long row
 * still count) and {@code s = sum e_i} (below 2^40); {@code (r1, e) = recip(s)} ({@link RecipArith});
 * {@code y_i = roundShift(e_i * r1, e)} = e_i / s in Fx.
 */
public final class SoftmaxArith {
    public static final int EXP_FRAC = 24;

    private SoftmaxArith() {
    }

    public static int[] row(int[] x, int len) {
        int m = Integer.MIN_VALUE;
        for (int i = 0; i < len; i++) {
            m = Math.max(m, x[i]);
        }
        long[] e = new long[len];
        long s = 0;
        for (int i = 0; i < len; i++) {
            e[i] = expShifted(x[i], m);
            s += e[i];
        }
        RecipArith.Result r = RecipArith.recip(s);
        int[] y = new int[len];
        for (int i = 0; i < len; i++) {
            y[i] = scale(e[i], r);
        }
        return y;
    }

    public static long expShifted(int x, int max) {
        return ExpArith.exp((int) Fixed.saturate((long) x - max, 32), EXP_FRAC);
    }

    public static int scale(long e, RecipArith.Result r) {
        return (int) Fixed.roundShift(e * r.r1(), r.e());
    }
}
