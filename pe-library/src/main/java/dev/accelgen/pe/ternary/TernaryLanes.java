package dev.accelgen.pe.ternary;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.Instance;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.SInt;
import dev.accelgen.pe.rtl.AdderTree;
import dev.accelgen.pe.rtl.CarryChain;
import dev.accelgen.pe.rtl.XilinxPrimitives;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ternary lanes and their adder tree in one of the three {@link LaneForm}s. Code bit 0 is
 * "non-zero", bit 1 "negative" ({@link TernaryCodec}). No multiplier anywhere: a lane is at most an
 * XOR and a gate, and negation's +1 rides on a carry-in.
 */
final class TernaryLanes {
    private TernaryLanes() {
    }

    /**
     * LUT6_2 INIT for one bit of a lane pair (i, j): inputs I0 = a_i[k], I1 = nz_i, I2 = neg_i,
     * I3 = a_j[k], I4 = neg_j, I5 = nz_j. O6 = x ^ y (carry-chain propagate), O5 = x (generate),
     * with x = nz_i & (a_i[k] ^ neg_i) and y = nz_j & (a_j[k] ^ neg_j). Putting nz_j on I5 is what
     * makes one LUT enough: with I5 = 0, y = 0 and O6 = x = O5, exactly the LUT6_2 constraint.
     */
    static final long PAIR_INIT = pairInit();

    private static long pairInit() {
        long init = 0;
        for (int idx = 0; idx < 64; idx++) {
            int i0 = idx & 1;
            int nzI = (idx >> 1) & 1;
            int negI = (idx >> 2) & 1;
            int i3 = (idx >> 3) & 1;
            int negJ = (idx >> 4) & 1;
            int nzJ = (idx >> 5) & 1;
            int x = nzI & (i0 ^ negI);
            int y = nzJ & (i3 ^ negJ);
            if ((x ^ y) == 1) {
                init |= 1L << idx;
            }
        }
        return init;
    }

    /** The tree sum of {@code sum_i w_i * a_i} minus the carries still to be added by the caller. */
    static AdderTree.Result build(ModuleBuilder b, LaneForm form, List<Bits> a, List<Bits> codes) {
        int lanes = a.size();
        List<SInt> terms = new ArrayList<>();
        List<Bool> carries = new ArrayList<>();
        switch (form) {
            case NAIVE -> {
                for (int i = 0; i < lanes; i++) {
                    SInt ai = a.get(i).asSInt();
                    SInt neg = ai.neg();
                    SInt val = codes.get(i).bit(1).select(neg, ai.sext(neg.width()));
                    terms.add(b.named("lane_" + i, codes.get(i).bit(0).select(val, SInt.lit(0, neg.width()))));
                }
            }
            case CARRY_IN -> {
                for (int i = 0; i < lanes; i++) {
                    terms.add(carryInLane(b, i, a.get(i), codes.get(i)));
                    carries.add(negative(b, i, codes.get(i)));
                }
            }
            case LUT6_2 -> {
                for (int i = 0; i + 1 < lanes; i += 2) {
                    terms.add(pair(b, i, a.get(i), codes.get(i), a.get(i + 1), codes.get(i + 1)));
                    carries.add(negative(b, i + 1, codes.get(i + 1)));
                }
                if (lanes % 2 == 1) {
                    int i = lanes - 1;
                    terms.add(carryInLane(b, i, a.get(i), codes.get(i)));
                    carries.add(negative(b, i, codes.get(i)));
                }
            }
            default -> throw new IllegalStateException("unknown lane form " + form);
        }
        return AdderTree.sum(b, "tree", terms, carries);
    }

    /** {@code c[0] ? a ^ {W{c[1]}} : 0}: the one's complement; the +1 goes into a carry-in. */
    private static SInt carryInLane(ModuleBuilder b, int i, Bits a, Bits code) {
        Bits flipped = a.xor(Bits.replicate(code.bit(1), a.width()));
        return b.named("lane_" + i, code.bit(0).select(flipped, Bits.lit(0, a.width())).asSInt());
    }

    private static Bool negative(ModuleBuilder b, int i, Bits code) {
        return b.named("neg_" + i, code.bit(0).and(code.bit(1)));
    }

    /** Lanes i and j summed by hand-mapped LUT6_2 + CARRY4 (carry-in: lane i's +1). */
    private static SInt pair(ModuleBuilder b, int i, Bits ai, Bits ci, Bits aj, Bits cj) {
        int w = ai.width();
        String p = "pair_" + i;
        List<Bool> prop = new ArrayList<>();
        List<Bool> gen = new ArrayList<>();
        Map<String, String> params = Map.of("INIT", String.format("64'h%016x", PAIR_INIT));
        for (int k = 0; k < w; k++) {
            Instance lut = b.blackBox(XilinxPrimitives.LUT6_2, p + "_lut_" + k, params);
            lut.<Bool>port("I0").set(ai.bit(k));
            lut.<Bool>port("I1").set(ci.bit(0));
            lut.<Bool>port("I2").set(ci.bit(1));
            lut.<Bool>port("I3").set(aj.bit(k));
            lut.<Bool>port("I4").set(cj.bit(1));
            lut.<Bool>port("I5").set(cj.bit(0));
            prop.add(lut.port("O6"));
            gen.add(lut.port("O5"));
        }
        return CarryChain.sum(b, p, prop, gen, ci.bit(0).and(ci.bit(1)));
    }
}
