package dev.accelgen.pe.mlgru;

import dev.accelgen.pe.fixed.Fixed;

/**
 * The MLGRU token mixer's element-wise datapath in fixed point.
 *
 * <p>Every value (pre-activations, gates, hidden state, output) is a signed 16-bit Q3.12 number:
 * value = raw / 4096, range [-8, 8). One step for one element:
 * <pre>
 *   f = sigmoid(fPre)      g = sigmoid(gPre)      c = silu(cPre)
 *   h = c + roundShift(f * (hPrev - c), 12)       ( = f*hPrev + (1-f)*c )
 *   o = roundShift(g * h, 12)
 * </pre>
 * {@code roundShift} rounds half toward +infinity. No step saturates: h lies between c and hPrev,
 * |o| <= |h| and |silu(x)| <= |x|, so every result fits Q3.12.
 *
 * <p><b>sigmoid</b> is the PLAN piecewise-linear approximation (slopes 1/4, 1/8, 1/32: shifts only,
 * no multiplier), on |x| with floor shifts, mirrored as 1 - y for x < 0:
 * |x| >= 5: 1; |x| >= 2.375: |x|/32 + 0.84375; |x| >= 1: |x|/8 + 0.625; else |x|/4 + 0.5.
 * Its error against the logistic function is at most 0.0189.
 *
 * <p><b>silu</b>(x) = roundShift(x * sigmoid(x), 12): one multiplier.
 */
public final class MlgruArith {
    public static final int FRAC = 12;
    public static final int ONE = 1 << FRAC;
    public static final int BITS = 16;

    /** PLAN breakpoints and offsets in Q3.12. */
    public static final int BP_SAT = 5 * ONE;        // 20480
    public static final int BP_HIGH = 9728;          // 2.375
    public static final int BP_MID = ONE;            // 1.0
    public static final int OFF_HIGH = 3456;         // 0.84375
    public static final int OFF_MID = 2560;          // 0.625
    public static final int OFF_LOW = 2048;          // 0.5

    private MlgruArith() {
    }

    public static int sigmoid(int x) {
        int ax = Math.abs(x);
        int y;
        if (ax >= BP_SAT) {
            y = ONE;
        } else if (ax >= BP_HIGH) {
            y = (ax >> 5) + OFF_HIGH;
        } else if (ax >= BP_MID) {
            y = (ax >> 3) + OFF_MID;
        } else {
            y = (ax >> 2) + OFF_LOW;
        }
        return x < 0 ? ONE - y : y;
    }

    public static int silu(int x) {
        return (int) Fixed.roundShift((long) x * sigmoid(x), FRAC);
    }

    /** Result of one element step. */
    public record Step(int h, int o) {
    }

    public static Step step(int fPre, int cPre, int gPre, int hPrev) {
        int f = sigmoid(fPre);
        int g = sigmoid(gPre);
        int c = silu(cPre);
        int h = c + (int) Fixed.roundShift((long) f * (hPrev - c), FRAC);
        int o = (int) Fixed.roundShift((long) g * h, FRAC);
        return new Step(h, o);
    }

    /** Nearest Q3.12 value (half up), saturated to 16 bits. */
    public static int toQ(double v) {
        return (int) Fixed.saturate((long) Math.floor(v * ONE + 0.5), BITS);
    }

    public static double fromQ(int raw) {
        return raw / (double) ONE;
    }
}
