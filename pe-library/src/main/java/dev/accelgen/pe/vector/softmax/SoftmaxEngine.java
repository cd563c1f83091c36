package dev.accelgen.pe.vector.softmax;

import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.SInt;
import dev.accelgen.hdl.UInt;
import dev.accelgen.pe.accel.isa.Opcode;
import dev.accelgen.pe.fixed.Fixed;
import dev.accelgen.pe.vector.RecipRtl;
import dev.accelgen.pe.vector.VecEngineConfig;
import dev.accelgen.pe.vector.VecEngineRtl;
import dev.accelgen.pe.vector.act.ExpPipe;
import dev.accelgen.pe.vector.arith.SoftmaxArith;
import dev.accelgen.pe.vector.engine.EngineField;
import dev.accelgen.pe.vector.engine.EngineGen;
import dev.accelgen.pe.vector.engine.EngineGeometry;
import dev.accelgen.pe.vector.engine.EngineIo;
import dev.accelgen.pe.vector.seq.SeqPlanRtl;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * VSOFTMAX ({@link SoftmaxArith}) in three passes per row: the max (a lane tree, then across words), the exponentials'
 * sum (one {@link ExpPipe} per lane, {@value #MAX_GAP} idle cycle after the max pass), and, {@value #SUM_GAP} idle
 * cycles after it (the reciprocal of the sum), the exponentials again times the reciprocal; a scale-pass word is
 * written {@value #SCALE_STAGES} cycles after its x stage. A sum of 0 (possible only when a row is overwritten
 * between its passes) counts as 1.
 */
public record SoftmaxEngine() implements EngineGen<VecEngineConfig> {
    public static final Set<Opcode> OPS = Set.of(Opcode.VSOFTMAX);
    /** Idle cycles after the max pass (the max's two stages) and after the sum pass (exp, sum and reciprocal). */
    public static final int MAX_GAP = 1;
    public static final int SUM_GAP = 4;
    /** Register stages from a scale-pass word's x stage to the write registers, included. */
    public static final int SCALE_STAGES = 5;

    @Override
    public String moduleName(VecEngineConfig c) {
        return "vec_softmax_" + c.suffix();
    }

    @Override
    public Set<Opcode> opcodes(VecEngineConfig c) {
        return OPS;
    }

    @Override
    public List<EngineField> fields(VecEngineConfig c) {
        return EngineField.of(OPS, "rows", "len", "a", "aStride", "d", "dStride");
    }

    @Override
    public EngineGeometry geometry(VecEngineConfig c) {
        return c.geometry();
    }

    @Override
    public void build(ModuleBuilder b, VecEngineConfig c) {
        EngineIo io = EngineIo.declare(b, geometry(c), fields(c));
        UInt zero = UInt.lit(0, 1);
        SeqPlanRtl plan = new SeqPlanRtl(io.field("rows"), io.field("len"), io.field("a"), io.field("aStride"), zero,
                zero, io.field("d"), io.field("dStride"), Bool.FALSE, UInt.lit(3, 2),
                List.of(VecEngineRtl.gap(MAX_GAP), VecEngineRtl.gap(SUM_GAP), VecEngineRtl.gap(0)), UInt.lit(0, 2), zero,
                zero);
        VecEngineRtl e = new VecEngineRtl(b, c, io, plan);
        int lanes = c.lanes();
        int frac = SoftmaxArith.EXP_FRAC;
        // exponentials are at most 2^24 when a row is read unchanged by all three passes, but a row overwritten
        // in between (overlapping rows) gives the exp pipeline's full 32 bits, which the model follows
        int sumBits = 32 + Fixed.ceilLog2(c.maxRowElems());
        Bool rowWord = b.named("row_word", e.xValid.and(e.xPro.not()));

        // max pass: A the word's max over lanes within the row, then across words
        SInt wordMax = null;
        for (int i = 0; i < lanes; i++) {
            SInt v = e.xLaneValid(i).select(e.lane(i), SInt.lit(Integer.MIN_VALUE, 32));
            wordMax = wordMax == null ? v : b.named("max_" + i, v.gt(wordMax).select(v, wordMax));
        }
        Bool aMax = b.regNext("a_max", rowWord.and(e.xPass.eq(0)), 0);
        Bool aFirst = b.regNext("a_first", e.xW.eq(0), 0);
        SInt aWordMax = b.regNext("a_word_max", wordMax, 0);
        SInt max = b.reg("row_max", SInt.type(32), 0);
        b.when(aMax, () -> max.set(aFirst.or(aWordMax.gt(max)).select(aWordMax, max)));

        // exp pipelines (sum and scale passes): tags travel along the three stages
        Bool sum1 = b.regNext("s1_valid", rowWord.and(e.xPass.eq(1)), 0);
        Bool scale1 = b.regNext("c1_valid", rowWord.and(e.xPass.eq(2)), 0);
        Bool first1 = b.regNext("s1_first", e.xW.eq(0), 0);
        UInt addr1 = b.regNext("c1_addr", e.xDAddr, 0);
        Bool sum3 = b.regNext("s3_valid", b.regNext("s2_valid", sum1, 0), 0);
        Bool first3 = b.regNext("s3_first", b.regNext("s2_first", first1, 0), 0);
        Bool scale2 = b.regNext("c2_valid", scale1, 0);
        Bool scale3 = b.regNext("c3_valid", scale2, 0);
        UInt addr3 = b.regNext("c3_addr", b.regNext("c2_addr", addr1, 0), 0);
        List<UInt> exps = new ArrayList<>();
        List<Bool> in3 = new ArrayList<>();
        UInt wordSum = null;
        for (int i = 0; i < lanes; i++) {
            String p = "l" + i;
            UInt ex = ExpPipe.build(b, p + "_exp", e.lane(i).sub(max).saturate(32), frac);
            Bool in = b.regNext(p + "_in3", b.regNext(p + "_in2", b.regNext(p + "_in1", e.xLaneValid(i), 0), 0), 0);
            UInt term = in.select(ex, UInt.lit(0, 32)).resize(sumBits);
            wordSum = wordSum == null ? term : b.named("sum_" + i, wordSum.addWrap(term));
            exps.add(ex);
            in3.add(in);
        }
        UInt sum = b.reg("row_sum", UInt.type(sumBits), 0);
        UInt ws = wordSum;
        b.when(sum3, () -> sum.set(first3.select(ws, sum.addWrap(ws))));

        // reciprocal of the sum (0, only with overlapping rows, counts as 1): normalize to [2^31, 2^32), seed, two
        // Newton products (free-running stages)
        UInt nz = b.named("sum_nz", sum.eq(0).select(UInt.lit(1, sumBits), sum));
        UInt e1 = RecipRtl.log2(b, "sum_log2", nz, 6);
        UInt up = nz.resize(32).shlDyn(UInt.lit(31, 6).subWrap(e1).resize(5));
        UInt down = nz.shrDyn(e1.subWrap(31)).resize(32);
        UInt u1 = b.regNext("r1_u", e1.gt(UInt.lit(31, 6)).select(down, up), 0);
        UInt ex1 = b.regNext("r1_e", e1, 0);
        UInt r0 = b.regNext("r2_r0", RecipRtl.seed(b, "seed", u1), 0);
        UInt u2 = b.regNext("r2_u", u1, 0);
        UInt ex2 = b.regNext("r2_e", ex1, 0);
        UInt pn = b.regNext("r3_p", RecipRtl.newtonP(u2, r0), 0);
        UInt r0b = b.regNext("r3_r0", r0, 0);
        UInt ex3 = b.regNext("r3_e", ex2, 0);
        UInt r1 = b.regNext("r4_r1", RecipRtl.newtonR1(r0b, pn), 0);
        UInt ex4 = b.regNext("r4_e", ex3, 0);

        // scale pass: product with r1, then the rounding shift into the write registers
        Bool scale4 = b.regNext("c4_valid", scale3, 0);
        UInt addr4 = b.regNext("c4_addr", addr3, 0);
        Bool wrEn = b.regNext("wr_en", scale4, 0);
        UInt wrAddr = b.regNext("wr_addr", addr4, 0);
        UInt half = b.named("scale_half", UInt.lit(1, 50).shlDyn(ex4).shr(1).resize(50));
        List<SInt> out = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            UInt prod = b.regNext("l" + i + "_prod", exps.get(i).mul(r1), 0);
            Bool in4 = b.regNext("l" + i + "_in4", in3.get(i), 0);
            UInt y = prod.resize(50).addWrap(half).shrDyn(ex4).resize(32);
            out.add(b.regNext("l" + i + "_wr", in4.select(y.asSInt(), SInt.lit(0, 32)), 0));
        }
        io.abWrEn().set(wrEn);
        io.abWrAddr().set(wrAddr);
        io.abWrData().set(VecEngineRtl.word(out));
        io.noSbuf(c.sbufAddrBits());
        e.finish(scale1.or(scale2).or(scale3).or(scale4).or(wrEn));
    }
}
