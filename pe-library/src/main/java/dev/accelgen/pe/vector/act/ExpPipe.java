package dev.accelgen.pe.vector.act;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.Mem;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.RamStyle;
import dev.accelgen.hdl.SInt;
import dev.accelgen.hdl.UInt;
import dev.accelgen.pe.vector.arith.ExpArith;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link ExpArith} for one lane in RTL, three free-running register stages: the input of cycle c gives the
 * (combinational) result in cycle c+3 (product with log2(e); table read; interpolation; then the shift with
 * rounding and saturation, which the caller registers).
 */
public final class ExpPipe {
    public static final int STAGES = 3;

    private ExpPipe() {
    }

    /** Table words: {@code delta << 31 | base}. */
    static List<BigInteger> table() {
        List<BigInteger> words = new ArrayList<>();
        for (int i = 0; i < ExpArith.SEGMENTS; i++) {
            words.add(BigInteger.valueOf(ExpArith.delta(i)).shiftLeft(31).or(BigInteger.valueOf(ExpArith.base(i))));
        }
        return words;
    }

    /** exp(x) with {@code frac} fraction bits, unsigned 32 bits, three cycles after {@code x}. */
    public static UInt build(ModuleBuilder b, String p, SInt x, int frac) {
        SInt prod = b.regNoReset(p + "_prod", SInt.type(64));
        prod.set(x.mul(SInt.lit(ExpArith.LOG2E, 32)));
        SInt z = b.named(p + "_z", prod.add(SInt.lit(1L << 29, 31)).shr(30));
        Mem<Bits> rom = b.mem(p + "_rom", Bits.type(54), ExpArith.SEGMENTS, RamStyle.BLOCK).init(table());
        Bits entry = rom.readSync(Bool.TRUE, z.slice(15, 8).asUInt(), p + "_rom_q");
        SInt n = b.regNoReset(p + "_n", SInt.type(20));
        n.set(z.shr(16).resize(20));
        UInt fr = b.regNoReset(p + "_fr", UInt.type(8));
        fr.set(z.slice(7, 0).asUInt());
        UInt base = entry.slice(30, 0).asUInt();
        UInt delta = entry.slice(53, 31).asUInt();
        UInt pow = b.regNoReset(p + "_pow", UInt.type(32));
        pow.set(base.add(delta.mul(fr).add(UInt.lit(128, 8)).shr(8)).resize(32));
        SInt n2 = b.regNoReset(p + "_n2", SInt.type(20));
        n2.set(n);
        SInt s = b.named(p + "_s", SInt.lit(30 - frac, 6).sub(n2));
        Bool sat = b.named(p + "_sat", s.isNegative());
        Bool zero = b.named(p + "_zero", s.ge(SInt.lit(32, 7)));
        UInt s5 = s.slice(4, 0).asUInt();
        UInt half = b.named(p + "_half", UInt.lit(1, 33).shlDyn(s5).shr(1).resize(33));
        UInt shifted = b.named(p + "_shifted", pow.zext(33).addWrap(half).shrDyn(s5).resize(32));
        return b.named(p + "_out", sat.select(UInt.lit(Integer.MAX_VALUE, 32), zero.select(UInt.lit(0, 32), shifted)));
    }
}
