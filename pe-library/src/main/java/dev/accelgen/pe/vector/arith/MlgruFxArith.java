package dev.accelgen.pe.vector.arith;

import dev.accelgen.pe.accel.isa.VecInstr.ActFn;
import dev.accelgen.pe.fixed.Fixed;

/**
 * The MLGRU token mixer (VMLGRU) on Fx, one element of one token:
 * <pre>
 *   f = sigmoid(fPre)    c = silu(cPre)    g = sigmoid(gPre)         ({@link ActArith} tables)
 *   h = sat32(c + roundShift(f * (hPrev - c), 16))                   ( = f*hPrev + (1-f)*c )
 *   o = mul(g, h) = sat32(roundShift(g * h, 16))
 * </pre>
 * Fx arithmetic rather than a format conversion to {@code dev.accelgen.pe.mlgru.MlgruArith} (Q3.12): that unit's
 * range [-8, 8) would clip pre-activations and the state, its 12 fraction bits would round the state on every
 * token of the recurrence, and its shift-only sigmoid errs by up to 0.019 where the tables err by 2e-5.
 */
public final class MlgruFxArith {
    private MlgruFxArith() {
    }

    /** The new state h and the output o. */
    public record Step(int h, int o) {
    }

    public static Step step(int fPre, int cPre, int gPre, int hPrev) {
        int f = ActArith.apply(ActFn.SIGMOID, fPre);
        int c = ActArith.apply(ActFn.SILU, cPre);
        int g = ActArith.apply(ActFn.SIGMOID, gPre);
        int h = mix(f, c, hPrev);
        return new Step(h, EltwiseArith.mul(g, h));
    }

    /** {@code sat32(c + roundShift(f * (hPrev - c), 16))} for a gate f in [0, 1]. */
    public static int mix(int f, int c, int hPrev) {
        return EltwiseArith.sat32(c + Fixed.roundShift((long) f * ((long) hPrev - c), 16));
    }
}
