package dev.accelgen.pe.vector.act;

import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * VACT ({@link ActArith}): per lane one table pipeline of the four piecewise-linear functions ({@link PwlPipe},
 * a ROM of 2048 x 33 bits), one exp pipeline ({@link ExpPipe}); one word per cycle, a word read in cycle t
 * written in t+5.
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

    /** The tabled functions in ROM order: {@code fn}'s low two bits select among them. */
    private static final List<ActFn> TABLED = List.of(ActArith.TABLED);

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
        List<SInt> out = new ArrayList<>();
        for (int i = 0; i < c.lanes(); i++) {
            String p = "l" + i;
            SInt x = e.lane(i);
            Bool mc = b.regNext(p + "_mc", b.regNext(p + "_mb", b.regNext(p + "_ma", e.xLaneValid(i), 0), 0), 0);
            PwlPipe.Out t = PwlPipe.build(b, p, x, TABLED, fn.slice(1, 0));
            UInt exp = ExpPipe.build(b, p + "_exp", x, 16);
            SInt relu = t.x().isNegative().select(SInt.lit(0, 32), t.x());
            SInt res = b.named(p + "_res", isExp.select(exp.asSInt(), isRelu.select(relu, t.value())));
            out.add(b.regNext(p + "_wr", mc.select(res, SInt.lit(0, 32)), 0));
        }
        io.abWrEn().set(wrEn);
        io.abWrAddr().set(wrAddr);
        io.abWrData().set(VecEngineRtl.word(out));
        io.noSbuf(c.sbufAddrBits());
        e.finish(aValid.or(bValid).or(cValid).or(wrEn));
    }
}
