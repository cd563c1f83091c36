package dev.accelgen.pe.vector.arith;

import dev.accelgen.pe.accel.isa.VecInstr.ActFn;
import dev.accelgen.pe.fixed.Fixed;

/**
 * The activation functions of VACT on Fx values ({@link ActFn}).
 *
 * <p>GELU (with erf), SiLU, sigmoid and tanh use one uniform piecewise-linear table each over {@code u = |x|}
 * in [0, R): 512 segments, entry k holding {@code y[k] = round(f(k*h) * 2^16)} and
 * {@code D[k] = y[k+1] - y[k]} ({@code y[512] = round(f(R) * 2^16)}); R = 8 (h = 2^-6, 10 fraction bits of u
 * per segment) for GELU and tanh, R = 16 (h = 2^-5, 11 bits) for SiLU and sigmoid:
 * {@code T(u) = y[k] + roundShift(D[k] * (u mod 2^b), b)} with {@code k = u >> b}; past the range
 * {@code T(u)} is the limit (1.0 for sigmoid and tanh, u for GELU and SiLU). Negative inputs by symmetry:
 * sigmoid {@code 1 - T(u)}, tanh {@code -T(u)}, GELU and SiLU {@code x + T(u)} (as f(x) - f(-x) = x).
 * {@code exp} is {@link ExpArith}; ReLU is {@code max(x, 0)}.
 */
public final class ActArith {
    public static final int SEGMENTS = 512;
    /** Tabulated functions, in table order (the ROM index is {@code fn * 512 + k}). */
    public static final ActFn[] TABLED = {ActFn.GELU, ActFn.SILU, ActFn.SIGMOID, ActFn.TANH};
    private static final int[][] Y = new int[TABLED.length][SEGMENTS + 1];

    static {
        for (ActFn f : TABLED) {
            double h = Math.pow(2, fracBits(f) - 16);
            for (int k = 0; k <= SEGMENTS; k++) {
                Y[f.ordinal()][k] = (int) Math.floor(reference(f, k * h) * 65536 + 0.5);
            }
        }
    }

    private ActArith() {
    }

    /** Bits of u below the segment index: 10 for GELU and tanh, 11 for SiLU and sigmoid. */
    public static int fracBits(ActFn f) {
        return f == ActFn.GELU || f == ActFn.TANH ? 10 : 11;
    }

    /** Table entry k of a tabled function (k = 0..512), Fx. */
    public static int y(ActFn f, int k) {
        return Y[f.ordinal()][k];
    }

    public static int delta(ActFn f, int k) {
        return Y[f.ordinal()][k + 1] - Y[f.ordinal()][k];
    }

    public static int apply(ActFn f, int x) {
        return switch (f) {
            case EXP -> ExpArith.exp(x);
            case RELU -> Math.max(x, 0);
            case GELU, SILU, SIGMOID, TANH -> symmetric(f, x);
        };
    }

    private static int symmetric(ActFn f, int x) {
        long u = Math.abs((long) x);
        long t = table(f, u);
        if (x >= 0) {
            return (int) t;
        }
        return (int) switch (f) {
            case SIGMOID -> 65536 - t;
            case TANH -> -t;
            default -> x + t;
        };
    }

    /** T(u) for u = |x| (0..2^31). */
    static long table(ActFn f, long u) {
        int b = fracBits(f);
        long k = u >> b;
        if (k >= SEGMENTS) {
            return f == ActFn.SIGMOID || f == ActFn.TANH ? 65536 : u;
        }
        int kk = (int) k;
        return y(f, kk) + Fixed.roundShift((long) delta(f, kk) * (u & ((1 << b) - 1)), b);
    }

    /** The tabled functions in double precision (GELU with erf), used to build the tables. */
    static double reference(ActFn f, double x) {
        return switch (f) {
            case GELU -> 0.5 * x * (1 + Erf.erf(x / Math.sqrt(2)));
            case SILU -> x / (1 + Math.exp(-x));
            case SIGMOID -> 1 / (1 + Math.exp(-x));
            case TANH -> Math.tanh(x);
            default -> throw new IllegalArgumentException(f + " is not tabled");
        };
    }
}
