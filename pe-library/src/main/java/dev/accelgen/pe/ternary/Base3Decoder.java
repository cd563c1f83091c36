package dev.accelgen.pe.ternary;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.ModuleBuilder;

/**
 * Base-3 byte to five 2-bit codes (digit k in bits [2k+1:2k]) as a 243-entry table; bytes above
 * 242 give zero codes, as in {@link TernaryCodec#unpackBase3}. Synthesis turns the table into
 * ten 8-input functions (a few LUT6 each).
 */
final class Base3Decoder {
    private Base3Decoder() {
    }

    static Bits decode(ModuleBuilder b, String name, Bits packed) {
        Bits codes = b.wire(name, Bits.lit(0, 10));
        var sw = b.switchOn(packed);
        for (int v = 0; v <= TernaryCodec.BASE3_MAX; v++) {
            long value = codesOf(v);
            if (value != 0) {
                sw = sw.is(v, () -> codes.set(Bits.lit(value, 10)));
            }
        }
        return codes;
    }

    static long codesOf(int packed) {
        int[] w = TernaryCodec.unpackBase3(packed);
        long out = 0;
        for (int k = 0; k < w.length; k++) {
            out |= (long) TernaryCodec.encode2(w[k]) << (2 * k);
        }
        return out;
    }
}
