package dev.accelgen.pe.vector.act;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.Mem;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.RamStyle;
import dev.accelgen.hdl.SInt;
import dev.accelgen.hdl.UInt;
import dev.accelgen.pe.accel.isa.VecInstr.ActFn;
import dev.accelgen.pe.vector.arith.ActArith;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link ActArith}'s tabled functions for one lane in RTL, three register stages: {@code |x|} and the table
 * address; the entry (a ROM of 512 entries per function, {@code delta << 21 | y}) with the fraction; the
 * interpolation or the limit. The result, symmetry for x < 0 applied, is combinational three cycles after
 * {@code x}; {@code sel} (an index into the functions, at the time of {@code x}) travels along, so it may change
 * every cycle.
 */
public final class PwlPipe {
    public static final int STAGES = 3;

    private PwlPipe() {
    }

    /** The result and {@code x} delayed to it (a register). */
    public record Out(SInt value, SInt x) {
    }

    /** ROM words of the functions, function i at {@code i * 512 + k}. */
    static List<BigInteger> table(List<ActFn> fns) {
        List<BigInteger> words = new ArrayList<>();
        for (ActFn f : fns) {
            for (int k = 0; k < ActArith.SEGMENTS; k++) {
                words.add(BigInteger.valueOf(ActArith.delta(f, k)).shiftLeft(21).or(BigInteger.valueOf(ActArith.y(f, k))));
            }
        }
        return words;
    }

    /** Whether the function selected by {@code sel} is one of {@code set}. */
    private static Bool is(ModuleBuilder b, String name, UInt sel, List<ActFn> fns, ActFn... set) {
        Bool r = Bool.FALSE;
        for (ActFn f : set) {
            int i = fns.indexOf(f);
            if (i >= 0) {
                r = r.or(sel.eq(i));
            }
        }
        return b.named(name, r);
    }

    public static Out build(ModuleBuilder b, String p, SInt x, List<ActFn> fns, UInt sel) {
        int selBits = sel.width();
        int romBits = selBits + 9;
        SInt xa = b.regNext(p + "_xa", x, 0);
        UInt selA = b.regNext(p + "_sel_a", sel, 0);
        UInt ua = b.regNext(p + "_ua", x.isNegative().select(x.neg(), x.sext(33)).asUInt().resize(32), 0);
        Bool narrow = is(b, p + "_narrow", selA, fns, ActFn.GELU, ActFn.TANH);
        UInt idx = b.named(p + "_idx", narrow.select(ua.slice(18, 10), ua.slice(19, 11)));
        Bool inRange = b.named(p + "_in_range", narrow.select(ua.slice(31, 19).eq(0), ua.slice(31, 20).eq(0)));
        Mem<Bits> rom = b.mem(p + "_pwl", Bits.type(33), fns.size() * ActArith.SEGMENTS, RamStyle.BLOCK).init(table(fns));
        UInt addr = selA.resize(romBits).shl(9).resize(romBits).or(idx.resize(romBits));
        Bits entry = rom.readSync(Bool.TRUE, addr, p + "_pwl_q");
        UInt fracB = b.regNext(p + "_frac", narrow.select(ua.slice(9, 0).shl(1), ua.slice(10, 0)), 0);
        Bool inB = b.regNext(p + "_in_b", inRange, 0);
        UInt ub = b.regNext(p + "_ub", ua, 0);
        SInt xb = b.regNext(p + "_xb", xa, 0);
        UInt selB = b.regNext(p + "_sel_b", selA, 0);
        UInt y = entry.slice(20, 0).asUInt();
        UInt slope = entry.slice(32, 21).asUInt();
        UInt interp = b.named(p + "_interp", y.add(slope.mul(fracB).add(UInt.lit(1024, 11)).shr(11)).resize(32));
        Bool bounded = is(b, p + "_bounded", selB, fns, ActFn.SIGMOID, ActFn.TANH);
        UInt limit = b.named(p + "_limit", bounded.select(UInt.lit(65536, 32), ub));
        UInt t = b.regNext(p + "_t", inB.select(interp, limit), 0);
        SInt xc = b.regNext(p + "_xc", xb, 0);
        UInt selC = b.regNext(p + "_sel_c", selB, 0);
        Bool symSub = is(b, p + "_sym_sigmoid", selC, fns, ActFn.SIGMOID);
        Bool symNeg = is(b, p + "_sym_tanh", selC, fns, ActFn.TANH);
        SInt ts = t.toSInt();
        SInt negOut = b.named(p + "_neg_out", symSub.select(SInt.lit(65536, 18).sub(ts).resize(34),
                symNeg.select(ts.neg().resize(34), xc.add(ts).resize(34))).resize(32));
        return new Out(b.named(p + "_table_out", xc.isNegative().select(negOut, ts.resize(32))), xc);
    }
}
