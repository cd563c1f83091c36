package dev.accelgen.pe.rtl;

import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.SInt;
import dev.accelgen.hdl.UInt;

/**
 * Exact {@code x * u} for signed x and unsigned u, written as an UNSIGNED multiply of x's bit
 * pattern (which synthesis packs into DSP48E2s by the operands' true widths) minus
 * {@code u << width(x)} when x is negative.
 */
public final class SignedUnsignedMul {
    private SignedUnsignedMul() {
    }

    public static SInt mul(ModuleBuilder b, String name, SInt x, UInt u) {
        UInt raw = b.named(name + "_raw", x.asUInt().mul(u));
        Bool neg = x.isNegative();
        UInt high = u.shl(x.width());
        return b.named(name, raw.sub(neg.select(high, UInt.lit(0, high.width()))));
    }
}
