package dev.accelgen.pe.vector.eltwise;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.Mem;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.RamStyle;
import dev.accelgen.hdl.SInt;
import dev.accelgen.hdl.UInt;
import dev.accelgen.pe.accel.isa.Opcode;
import dev.accelgen.pe.vector.VecEngineConfig;
import dev.accelgen.pe.vector.VecEngineRtl;
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
 * VBINARY, VAFFINE and VCOPY ({@link dev.accelgen.pe.vector.arith.EltwiseArith}) on one datapath: per lane one
 * 32x32 multiplier (VBINARY mul, VAFFINE) and one adder. A word read in cycle t is written in t+3 (x stage,
 * product/sum stage, rounding/saturation into the write registers). A tensor-b VBINARY reads a's word then
 * b's, so it writes one word every two cycles; a broadcast b ({@code bStride 0}) is read once into a local
 * row buffer first.
 */
public record EltwiseEngine() implements EngineGen<VecEngineConfig> {
    public static final Set<Opcode> OPS = EnumSet.of(Opcode.VBINARY, Opcode.VAFFINE, Opcode.VCOPY);
    private static final int COPY = 0;
    private static final int AFFINE = 4;

    @Override
    public String moduleName(VecEngineConfig c) {
        return "vec_eltwise_" + c.suffix();
    }

    @Override
    public Set<Opcode> opcodes(VecEngineConfig c) {
        return OPS;
    }

    @Override
    public List<EngineField> fields(VecEngineConfig c) {
        return EngineField.of(OPS, "op", "rows", "len", "a", "aStride", "b", "bStride", "d", "dStride", "mul", "add");
    }

    @Override
    public EngineGeometry geometry(VecEngineConfig c) {
        return c.geometry();
    }

    @Override
    public void build(ModuleBuilder b, VecEngineConfig c) {
        EngineIo io = EngineIo.declare(b, c.geometry(), fields(c));
        int lanes = c.lanes();
        UInt opcode = io.field(EngineField.OPCODE);
        Bool isBin = b.named("is_bin", opcode.eq(Opcode.VBINARY.code()));
        Bool isAff = b.named("is_aff", opcode.eq(Opcode.VAFFINE.code()));
        UInt bStride = io.field("bStride");
        Bool broadcast = b.named("broadcast", isBin.and(bStride.eq(0)));
        SeqPlanRtl plan = new SeqPlanRtl(io.field("rows"), io.field("len"), io.field("a"), io.field("aStride"),
                io.field("b"), bStride, io.field("d"), io.field("dStride"), isBin.and(broadcast.not()),
                UInt.lit(1, 2), List.of(VecEngineRtl.gap(0), VecEngineRtl.gap(0), VecEngineRtl.gap(0)),
                broadcast.asUInt().resize(2), io.field("b"), UInt.lit(0, 1));
        VecEngineRtl e = new VecEngineRtl(b, c, io, plan);

        UInt op = b.reg("op_q", UInt.type(3), 0);
        Bool dual = b.reg("dual_q", Bool.type(), 0);
        SInt mul = b.reg("mul_q", SInt.type(32), 0);
        SInt add = b.reg("add_q", SInt.type(32), 0);
        UInt binOp = io.field("op");
        b.when(io.go(), () -> {
            op.set(isBin.select(binOp.resize(3).addWrap(1), isAff.select(UInt.lit(AFFINE, 3), UInt.lit(COPY, 3))));
            dual.set(isBin.and(broadcast.not()));
            mul.set(io.<SInt>field("mul"));
            add.set(io.<SInt>field("add"));
        });

        Mem<Bits> local = b.mem("local_b", Bits.type(32 * lanes), 1 << c.localAddrBits(), RamStyle.BLOCK);
        Bits localQ = local.readSync(e.seq.rdEn.and(e.seq.tPro.not()), e.seq.tW.resize(c.localAddrBits()), "local_b_q");
        local.write(e.xValid.and(e.xPro), e.xW.resize(c.localAddrBits()), io.abRdData());

        Bool dataWord = b.named("data_word", e.xValid.and(e.xPro.not()));
        Bool fire = b.named("fire", dataWord.and(dual.not().or(e.xSlot)));
        Bool s1Valid = b.regNext("s1_valid", fire, 0);
        UInt s1Addr = b.reg("s1_addr", UInt.type(c.abufAddrBits()), 0);
        b.when(fire, () -> s1Addr.set(e.xDAddr));
        Bool wrEn = b.regNext("wr_en", s1Valid, 0);
        UInt wrAddr = b.reg("wr_addr", UInt.type(c.abufAddrBits()), 0);
        b.when(s1Valid, () -> wrAddr.set(s1Addr));
        List<SInt> out = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            SInt x = e.lane(i);
            SInt hold = b.reg("hold_" + i, SInt.type(32), 0);
            b.when(dataWord.and(dual).and(e.xSlot.not()), () -> hold.set(x));
            SInt bLocal = localQ.slice(32 * i + 31, 32 * i).asSInt();
            SInt av = b.named("a_" + i, dual.select(hold, x));
            SInt bv = b.named("b_" + i, dual.select(x, bLocal));
            SInt factor = b.named("factor_" + i, op.eq(AFFINE).select(mul, bv));
            SInt prod = b.named("prod_" + i, av.mul(factor));
            SInt sum = av.add(bv).sext(64);
            SInt diff = av.sub(bv).sext(64);
            SInt p = b.named("p_" + i, op.eq(COPY).select(av.sext(64), op.eq(1).select(sum,
                    op.eq(2).select(diff, prod))));
            SInt p1 = b.reg("p1_" + i, SInt.type(64), 0);
            Bool m1 = b.reg("m1_" + i, Bool.type(), 0);
            Bool inRow = b.named("in_row_" + i, e.xLaneValid(i));
            b.when(fire, () -> {
                p1.set(p);
                m1.set(inRow);
            });
            SInt rounded = b.named("rounded_" + i, p1.add(SInt.lit(1 << 15, 17)).shr(16));
            SInt affine = rounded.add(add.sext(49));
            SInt fin = b.named("fin_" + i, op.eq(AFFINE).select(affine.saturate(32), op.eq(3).select(
                    rounded.saturate(32), p1.saturate(32))));
            SInt wr = b.reg("wr_" + i, SInt.type(32), 0);
            b.when(s1Valid, () -> wr.set(m1.select(fin, SInt.lit(0, 32))));
            out.add(wr);
        }
        io.abWrEn().set(wrEn);
        io.abWrAddr().set(wrAddr);
        io.abWrData().set(VecEngineRtl.word(out));
        io.noSbuf(c.sbufAddrBits());
        e.finish(s1Valid.or(wrEn));
    }
}
