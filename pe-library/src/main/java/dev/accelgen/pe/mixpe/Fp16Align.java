package dev.accelgen.pe.mixpe;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.SInt;
import dev.accelgen.hdl.UInt;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link Fp16Bfp} alignment of one group in hardware: effective exponents, a max tree, then
 * per lane a right shift of the 11-bit significand by (max - own exponent) (shifts of 11 or more
 * give 0) and the sign applied to the truncated magnitude.
 */
final class Fp16Align {
    private Fp16Align() {
    }

    /** Aligned 12-bit significands of {@code halves}; the shared exponent is appended to {@code exps}. */
    static List<SInt> build(ModuleBuilder b, String name, List<Bits> halves, List<UInt> exps) {
        List<UInt> eff = new ArrayList<>();
        List<UInt> sig = new ArrayList<>();
        for (int k = 0; k < halves.size(); k++) {
            Bits h = halves.get(k);
            UInt e = h.slice(14, 10).asUInt();
            Bool normal = e.ne(0);
            eff.add(b.named(name + "_eff_" + k, normal.select(e, UInt.lit(1, 5))));
            sig.add(b.named(name + "_sig_" + k, Bits.cat(normal, h.slice(9, 0)).asUInt()));
        }
        List<UInt> level = eff;
        int depth = 0;
        while (level.size() > 1) {
            List<UInt> next = new ArrayList<>();
            for (int i = 0; i + 1 < level.size(); i += 2) {
                UInt x = level.get(i);
                UInt y = level.get(i + 1);
                next.add(b.named(name + "_max_" + depth + "_" + (i / 2), x.gt(y).select(x, y)));
            }
            if (level.size() % 2 == 1) {
                next.add(level.get(level.size() - 1));
            }
            level = next;
            depth++;
        }
        UInt shared = b.named(name + "_exp", level.get(0));
        exps.add(shared);
        List<SInt> out = new ArrayList<>();
        for (int k = 0; k < halves.size(); k++) {
            UInt d = shared.subWrap(eff.get(k));
            UInt mag = b.named(name + "_mag_" + k, sig.get(k).shrDyn(d));
            SInt pos = mag.toSInt();
            SInt neg = SInt.lit(0, pos.width()).subWrap(pos);
            out.add(b.named(name + "_act_" + k, halves.get(k).bit(15).select(neg, pos)));
        }
        return out;
    }
}
