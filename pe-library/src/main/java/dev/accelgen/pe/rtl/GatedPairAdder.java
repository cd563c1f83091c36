package dev.accelgen.pe.rtl;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.Instance;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.SInt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code (g0 ? a : 0) + ((g1 ? a : 0) << 1)} for a signed {@code a}: two adjacent shift-and-add
 * partial products summed on one carry chain with ONE LUT per bit. Each bit's LUT6_2 computes the
 * propagate {@code (a[k] & g0) ^ (a[k-1] & g1)} on O6 and the generate {@code a[k] & g0} on O5 (I5
 * tied high, so the two outputs are independent functions of I0..I3); behavioural RTL would spend
 * a second LUT per bit on the generate.
 */
public final class GatedPairAdder {
    /** O6 = (I0 & I1) ^ (I2 & I3) for I5 = 1; O5 = I0 & I1. */
    static final long INIT = init();

    private GatedPairAdder() {
    }

    private static long init() {
        long v = 0;
        for (int idx = 0; idx < 64; idx++) {
            int i0 = idx & 1;
            int i1 = (idx >> 1) & 1;
            int i2 = (idx >> 2) & 1;
            int i3 = (idx >> 3) & 1;
            int i5 = (idx >> 5) & 1;
            int bit = i5 == 1 ? (i0 & i1) ^ (i2 & i3) : i0 & i1;
            if (bit == 1) {
                v |= 1L << idx;
            }
        }
        return v;
    }

    /** The sum as a signed value of {@code a.width() + 2} bits. */
    public static SInt build(ModuleBuilder b, String name, SInt a, Bool g0, Bool g1) {
        int w = a.width();
        Map<String, String> params = Map.of("INIT", String.format("64'h%016x", INIT));
        List<Bool> prop = new ArrayList<>();
        List<Bool> gen = new ArrayList<>();
        for (int k = 0; k <= w; k++) {
            Instance lut = b.blackBox(XilinxPrimitives.LUT6_2, name + "_lut_" + k, params);
            lut.<Bool>port("I0").set(a.bit(Math.min(k, w - 1)));
            lut.<Bool>port("I1").set(g0);
            lut.<Bool>port("I2").set(k == 0 ? Bool.FALSE : a.bit(Math.min(k - 1, w - 1)));
            lut.<Bool>port("I3").set(g1);
            lut.<Bool>port("I4").set(Bool.FALSE);
            lut.<Bool>port("I5").set(Bool.TRUE);
            prop.add(lut.port("O6"));
            gen.add(lut.port("O5"));
        }
        return CarryChain.sum(b, name, prop, gen, Bool.FALSE);
    }
}
