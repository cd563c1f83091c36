package dev.accelgen.pe.mixpe;

import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.SInt;
import dev.accelgen.hdl.UInt;
import java.util.ArrayList;
import java.util.List;

/**
 * One lane's product {@code q * a} (q unsigned, a signed) as addends for the group's adder tree.
 * Shift-and-add: weight bit j contributes {@code q[j] ? a << j : 0}; the addends go straight into
 * the group tree, so no lane ever forms its own product. The LUT-multiplier baseline emits one
 * {@code *} per lane instead.
 */
final class LaneProduct {
    private LaneProduct() {
    }

    static List<SInt> terms(ModuleBuilder b, String name, MulForm form, UInt q, SInt a) {
        return switch (form) {
            case SHIFT_ADD -> shiftAdd(b, name, q, a);
            case LUT_MUL -> List.of(b.named(name + "_mul", q.toSInt().mul(a)));
        };
    }

    /** {@code q[j] ? a << j : 0} for every bit j of q, each as wide as the full product. */
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
