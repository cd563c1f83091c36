package dev.accelgen.pe.vector;

import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.UInt;
import dev.accelgen.pe.vector.arith.RecipArith;

/** Pieces of {@link RecipArith} in RTL: normalization and the seed table. */
public final class RecipRtl {
    private RecipRtl() {
    }

    /** floor(log2 s) of a non-zero s, as a priority encoder ({@code bits} wide result). */
    public static UInt log2(ModuleBuilder b, String name, UInt s, int bits) {
        UInt e = b.wire(name, UInt.lit(0, bits));
        for (int i = 1; i < s.width(); i++) {
            int ii = i;
            b.when(s.bit(i), () -> e.set(UInt.lit(ii, bits)));
        }
        return e;
    }

    /** The seed R[u[30:23]] for u in [2^31, 2^32) (an asynchronous 256-entry table). */
    public static UInt seed(ModuleBuilder b, String name, UInt u) {
        UInt out = b.wire(name, UInt.lit(0, 16));
        var sw = b.switchOn(u.slice(30, 23));
        for (int j = 0; j < RecipArith.SEEDS; j++) {
            int v = RecipArith.seed(j);
            sw = sw.is(j, () -> out.set(UInt.lit(v, 16)));
        }
        return out;
    }

    /** p = roundShift((u >> 15) * r0, 16). */
    public static UInt newtonP(UInt u, UInt r0) {
        return u.slice(31, 15).mul(r0).add(UInt.lit(32768, 16)).shr(16).resize(18);
    }

    /** r1 = roundShift(r0 * (2^17 - p), 16). */
    public static UInt newtonR1(UInt r0, UInt p) {
        return r0.mul(UInt.lit(131072, 18).subWrap(p)).add(UInt.lit(32768, 16)).shr(16).resize(17);
    }
}
