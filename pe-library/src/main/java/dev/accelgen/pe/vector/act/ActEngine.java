package dev.accelgen.pe.vector.act;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.Mem;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.RamStyle;
import dev.accelgen.hdl.SInt;
import dev.accelgen.hdl.UInt;
import dev.accelgen.pe.accel.isa.Opcode;
import dev.accelgen.pe.accel.isa.VecInstr.ActFn;
import dev.accelgen.pe.vector.VecEngineConfig;
import dev.accelgen.pe.vector.VecEngineRtl;
import dev.accelgen.pe.vector.arith.ActArith;
import dev.accelgen.pe.vector.engine.EngineField;
import dev.accelgen.pe.vector.engine.EngineGen;
import dev.accelgen.pe.vector.engine.EngineGeometry;
import dev.accelgen.pe.vector.engine.EngineIo;
import dev.accelgen.pe.vector.seq.SeqPlanRtl;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * VACT ({@link ActArith}): per lane one table ROM of the four piecewise-linear functions (2048 x 33 bits),
 * one exp pipeline ({@link ExpPipe}); one word per cycle, a word read in cycle t written in t+5.
 */
public record ActEngine() implements EngineGen<VecEngineConfig> {
    public static final Set<Opcode> OPS = EnumSet.of(Opcode.VACT);
    /** Register stages from the x stage's edge to the write registers, included. */
    public static final int STAGES = 4;

    @Override
    public String moduleName(VecEngineConfig c) {
        return "vec_act_" + c.suffix();
    }

    @Override
    public Set<Opcode> opcodes(VecEngineConfig c) {
        return OPS;
    }

    @Override
    public List<EngineField> fields(VecEngineConfig c) {
        return EngineField.of(OPS, "fn", "rows", "len", "a", "aStride", "d", "dStride");
    }

    @Override
    public EngineGeometry geometry(VecEngineConfig c) {
        return c.geometry();
    }

    static List<BigInteger> table() {
        List<BigInteger> words = new ArrayList<>();
        for (ActFn f : ActArith.TABLED) {
            for (int k = 0; k < ActArith.SEGMENTS; k++) {
                words.add(BigInteger.valueOf(ActArith.delta(f, k)).shiftLeft(21).or(BigInteger.valueOf(ActArith.y(f, k))));
            }
        }
        return words;
    }

    @Override
    public void build(ModuleBuilder b, VecEngineConfig c) {
        EngineIo io = EngineIo.declare(b, c.geometry(), fields(c));
        UInt zero = UInt.lit(0, 1);
        SeqPlanRtl plan = new SeqPlanRtl(io.field("rows"), io.field("len"), io.field("a"), io.field("aStride"), zero,
                zero, io.field("d"), io.field("dStride"), Bool.FALSE, UInt.lit(1, 2),
                List.of(VecEngineRtl.gap(0), VecEngineRtl.gap(0), VecEngineRtl.gap(0)), UInt.lit(0, 2), zero, zero);
        VecEngineRtl e = new VecEngineRtl(b, c, io, plan);
        UInt fn = b.reg("fn_q", UInt.type(3), 0);
        b.when(io.go(), () -> fn.set(io.<UInt>field("fn")));
        Bool narrow = b.named("narrow", fn.eq(ActFn.GELU.ordinal()).or(fn.eq(ActFn.TANH.ordinal())));
        Bool symSub = b.named("sym_sigmoid", fn.eq(ActFn.SIGMOID.ordinal()));
        Bool symNeg = b.named("sym_tanh", fn.eq(ActFn.TANH.ordinal()));
        Bool bounded = b.named("bounded", symSub.or(symNeg));
        Bool isExp = b.named("is_exp", fn.eq(ActFn.EXP.ordinal()));
        Bool isRelu = b.named("is_relu", fn.eq(ActFn.RELU.ordinal()));

        Bool aValid = b.regNext("a_valid", e.xValid, 0);
        UInt aAddr = b.regNext("a_addr", e.xDAddr, 0);
        Bool bValid = b.regNext("b_valid", aValid, 0);
        UInt bAddr = b.regNext("b_addr", aAddr, 0);
        Bool cValid = b.regNext("c_valid", bValid, 0);
        UInt cAddr = b.regNext("c_addr", bAddr, 0);
        Bool wrEn = b.regNext("wr_en", cValid, 0);
        UInt wrAddr = b.regNext("wr_addr", cAddr, 0);
        List<BigInteger> rom = table();
        List<SInt> out = new ArrayList<>();
        for (int i = 0; i < c.lanes(); i++) {
            String p = "l" + i;
            SInt x = e.lane(i);
            SInt xa = b.regNext(p + "_xa", x, 0);
            Bool ma = b.regNext(p + "_ma", e.xLaneValid(i), 0);
            UInt ua = b.regNext(p + "_ua", x.isNegative().select(x.neg(), x.sext(33)).asUInt().resize(32), 0);
            UInt idx = b.named(p + "_idx", narrow.select(ua.slice(18, 10), ua.slice(19, 11)));
            Bool inRange = b.named(p + "_in_range", narrow.select(ua.slice(31, 19).eq(0), ua.slice(31, 20).eq(0)));
            Mem<Bits> table = b.mem(p + "_pwl", Bits.type(33), rom.size(), RamStyle.BLOCK).init(rom);
            Bits entry = table.readSync(Bool.TRUE, fn.slice(1, 0).shl(9).resize(11).or(idx.resize(11)), p + "_pwl_q");
            UInt fracB = b.regNext(p + "_frac", narrow.select(ua.slice(9, 0).shl(1), ua.slice(10, 0)), 0);
            Bool inB = b.regNext(p + "_in_b", inRange, 0);
            UInt ub = b.regNext(p + "_ub", ua, 0);
            SInt xb = b.regNext(p + "_xb", xa, 0);
            Bool mb = b.regNext(p + "_mb", ma, 0);
            UInt y = entry.slice(20, 0).asUInt();
            UInt slope = entry.slice(32, 21).asUInt();
            UInt interp = b.named(p + "_interp", y.add(slope.mul(fracB).add(UInt.lit(1024, 11)).shr(11)).resize(32));
            UInt limit = b.named(p + "_limit", bounded.select(UInt.lit(65536, 32), ub));
            UInt t = b.regNext(p + "_t", inB.select(interp, limit), 0);
            SInt xc = b.regNext(p + "_xc", xb, 0);
            Bool mc = b.regNext(p + "_mc", mb, 0);
            UInt exp = ExpPipe.build(b, p + "_exp", x, 16);
            SInt ts = t.toSInt();
            SInt negOut = b.named(p + "_neg_out", symSub.select(SInt.lit(65536, 18).sub(ts).resize(34),
                    symNeg.select(ts.neg().resize(34), xc.add(ts).resize(34))).resize(32));
            SInt table0 = b.named(p + "_table_out", xc.isNegative().select(negOut, ts.resize(32)));
            SInt relu = xc.isNegative().select(SInt.lit(0, 32), xc);
            SInt res = b.named(p + "_res", isExp.select(exp.asSInt(), isRelu.select(relu, table0)));
            out.add(b.regNext(p + "_wr", mc.select(res, SInt.lit(0, 32)), 0));
        }
        io.abWrEn().set(wrEn);
        io.abWrAddr().set(wrAddr);
        io.abWrData().set(VecEngineRtl.word(out));
        io.noSbuf(c.sbufAddrBits());
        e.finish(aValid.or(bValid).or(cValid).or(wrEn));
    }
}
