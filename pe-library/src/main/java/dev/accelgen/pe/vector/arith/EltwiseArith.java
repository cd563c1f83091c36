package dev.accelgen.pe.vector.arith;

import dev.accelgen.pe.fixed.Fixed;

/**
 * Element-wise Fx arithmetic (Fx: signed 32-bit, 16 fraction bits), exact integer definitions the engines
 * and the quantized interpreter share:
 * <ul>
 *   <li>{@code add(a, b) = sat32(a + b)}, {@code sub(a, b) = sat32(a - b)};</li>
 *   <li>{@code mul(a, b) = sat32(roundShift(a * b, 16))} (the 64-bit product, rounded half up);</li>
 *   <li>{@code affine(x, m, c) = sat32(roundShift(x * m, 16) + c)} (no saturation before the final one).</li>
 * </ul>
 */
public final class EltwiseArith {
    public static final int FRAC = 16;
    public static final int ONE = 1 << FRAC;

    private EltwiseArith() {
    }

    public static int sat32(long x) {
        return (int) Fixed.saturate(x, 32);
    }

    public static int add(int a, int b) {
        return sat32((long) a + b);
    }

    public static int sub(int a, int b) {
        return sat32((long) a - b);
    }

    public static int mul(int a, int b) {
        return sat32(Fixed.roundShift((long) a * b, FRAC));
    }

    public static int affine(int x, int m, int c) {
        return sat32(Fixed.roundShift((long) x * m, FRAC) + c);
    }

    /** Nearest Fx value (half up), saturated. */
    public static int toFx(double v) {
        double r = Math.floor(v * ONE + 0.5);
        return r >= Integer.MAX_VALUE ? Integer.MAX_VALUE : r <= Integer.MIN_VALUE ? Integer.MIN_VALUE : (int) r;
    }

    public static double fromFx(int raw) {
        return raw / (double) ONE;
    }
}
