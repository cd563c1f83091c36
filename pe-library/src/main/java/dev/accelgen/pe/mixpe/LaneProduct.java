package dev.accelgen.pe.mixpe;

import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.SInt;
import dev.accelgen.hdl.UInt;
import dev.accelgen.pe.rtl.GatedPairAdder;
import java.util.ArrayList;
import java.util.List;

/**
 * One lane's product {@code q * a} (q unsigned, a signed) as addends for the group's adder trees,
 * each tagged with the left shift it carries. Shift-and-add: weight bits j and j+1 contribute
 * {@code (q[j] ? a : 0) + (q[j+1] ? a : 0) * 2} at shift j, formed by a {@link GatedPairAdder}
 * (one LUT per bit); an odd top bit contributes {@code q[j] ? a : 0}. Addends of equal shift from
 * all lanes of a group share one tree, so no lane ever forms its own product and the trees stay
 * narrow. The LUT-multiplier baseline emits one {@code *} per lane at shift 0.
 */
final class LaneProduct {
    /** An addend and the left shift it carries. */
    record Term(int shift, SInt value) {
    }

    private LaneProduct() {
    }

    static List<Term> terms(ModuleBuilder b, String name, MulForm form, UInt q, SInt a) {
        List<Term> out = new ArrayList<>();
        switch (form) {
            case SHIFT_ADD -> {
                for (int j = 0; j < q.width(); j += 2) {
                    if (j + 1 < q.width()) {
                        out.add(new Term(j, GatedPairAdder.build(b, name + "_pp" + j, a, q.bit(j), q.bit(j + 1))));
                    } else {
                        out.add(new Term(j, b.named(name + "_pp" + j, q.bit(j).select(a, SInt.lit(0, a.width())))));
                    }
                }
            }
            case LUT_MUL -> out.add(new Term(0, b.named(name + "_mul", q.toSInt().mul(a))));
            default -> throw new IllegalStateException("unknown multiplier form " + form);
        }
        return out;
    }

    /** {@code q[j] ? a << j : 0} for every bit j of q, each as wide as the full product (for zp * actSum). */
    static List<SInt> shiftAdd(ModuleBuilder b, String name, UInt q, SInt a) {
        int width = a.width() + q.width();
        List<SInt> out = new ArrayList<>();
        for (int j = 0; j < q.width(); j++) {
            SInt shifted = a.shl(j).sext(width);
            out.add(b.named(name + "_pp" + j, q.bit(j).select(shifted, SInt.lit(0, width))));
        }
        return out;
    }
}
