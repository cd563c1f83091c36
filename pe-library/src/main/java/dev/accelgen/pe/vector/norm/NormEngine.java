package dev.accelgen.pe.vector.norm;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.Mem;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.RamStyle;
import dev.accelgen.hdl.SInt;
import dev.accelgen.hdl.UInt;
import dev.accelgen.pe.accel.isa.Opcode;
import dev.accelgen.pe.vector.RecipRtl;
import dev.accelgen.pe.vector.VecEngineConfig;
import dev.accelgen.pe.vector.VecEngineRtl;
import dev.accelgen.pe.vector.arith.NormArith;
import dev.accelgen.pe.vector.arith.RsqrtArith;
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
 * VRMSNORM and VLAYERNORM ({@link NormArith}): gain and bias rows are read once into local buffers, then per
 * row a reduce pass (sums of x and x^2, exact), 9 idle cycles in which the scalar unit forms Q and its rsqrt,
 * and a map pass; a map word read in cycle t is written in t+6.
 */
public record NormEngine() implements EngineGen<VecEngineConfig> {
    public static final Set<Opcode> OPS = EnumSet.of(Opcode.VRMSNORM, Opcode.VLAYERNORM);
    /** Idle cycles between a row's reduce pass and its map pass (the scalar unit's latency). */
    public static final int REDUCE_GAP = 9;
    /** Register stages from a map word's x stage to the write registers, included. */
    public static final int MAP_STAGES = 5;

    @Override
    public String moduleName(VecEngineConfig c) {
        return "vec_norm_" + c.suffix();
    }

    @Override
    public Set<Opcode> opcodes(VecEngineConfig c) {
        return OPS;
    }

    @Override
    public List<EngineField> fields(VecEngineConfig c) {
        return EngineField.of(OPS, "rows", "len", "a", "aStride", "d", "dStride", "hasGain", "gain", "hasBias", "bias",
                "eps");
    }

    @Override
    public EngineGeometry geometry(VecEngineConfig c) {
        return c.geometry();
    }

    @Override
    public void build(ModuleBuilder b, VecEngineConfig c) {
        EngineIo io = EngineIo.declare(b, c.geometry(), fields(c));
        Bool isLn = b.named("is_ln", io.<UInt>field(EngineField.OPCODE).eq(Opcode.VLAYERNORM.code()));
        Bool gainIn = io.<UInt>field("hasGain").bit(0);
        Bool biasIn = b.named("bias_in", isLn.and(io.<UInt>field("hasBias").bit(0)));
        UInt nPro = b.named("n_pro", gainIn.asUInt().resize(2).addWrap(biasIn.asUInt().resize(2)));
        UInt zero = UInt.lit(0, 1);
        SeqPlanRtl plan = new SeqPlanRtl(io.field("rows"), io.field("len"), io.field("a"), io.field("aStride"), zero,
                zero, io.field("d"), io.field("dStride"), Bool.FALSE, UInt.lit(2, 2),
                List.of(VecEngineRtl.gap(REDUCE_GAP), VecEngineRtl.gap(0), VecEngineRtl.gap(0)), nPro,
                gainIn.select(io.<UInt>field("gain"), io.<UInt>field("bias")), io.field("bias"));
        VecEngineRtl e = new VecEngineRtl(b, c, io, plan);
        Bool centered = b.reg("centered", Bool.type(), 0);
        Bool hasGain = b.reg("has_gain", Bool.type(), 0);
        Bool hasBias = b.reg("has_bias", Bool.type(), 0);
        UInt len = b.reg("len_q", UInt.type(16), 0);
        UInt eps = b.reg("eps_q", UInt.type(32), 0);
        b.when(io.go(), () -> {
            centered.set(isLn);
            hasGain.set(gainIn);
            hasBias.set(biasIn);
            len.set(io.<UInt>field("len"));
            eps.set(io.<UInt>field("eps"));
        });
        UInt lenEps = b.regNext("len_eps", len.mul(len).mul(eps), 0);

        int lb = c.localAddrBits();
        Mem<Bits> gain = b.mem("gain_row", Bits.type(32 * c.lanes()), 1 << lb, RamStyle.BLOCK);
        Mem<Bits> bias = b.mem("bias_row", Bits.type(32 * c.lanes()), 1 << lb, RamStyle.BLOCK);
        Bool toGain = b.named("to_gain", e.xK.eq(0).and(hasGain));
        gain.write(e.xValid.and(e.xPro).and(toGain), e.xW.resize(lb), io.abRdData());
        bias.write(e.xValid.and(e.xPro).and(toGain.not()), e.xW.resize(lb), io.abRdData());
        Bool localRd = b.named("local_rd", e.seq.rdEn.and(e.seq.tPro.not()));
        Bits gainQ = gain.readSync(localRd, e.seq.tW.resize(lb), "gain_q");
        Bits biasQ = bias.readSync(localRd, e.seq.tW.resize(lb), "bias_q");

        // reduce: A squares, B word sums, C row sums
        Bool rowWord = b.named("row_word", e.xValid.and(e.xPro.not()));
        Bool aRed = b.regNext("a_red", rowWord.and(e.xPass.eq(0)), 0);
        Bool aFirst = b.regNext("a_first", e.xW.eq(0), 0);
        Bool aLast = b.regNext("a_last", e.xLast, 0);
        int lanesBits = c.laneBits();
        SInt wordSx = null;
        UInt wordSxx = null;
        for (int i = 0; i < c.lanes(); i++) {
            SInt xm = b.regNext("xm_" + i, e.xLaneValid(i).select(e.lane(i), SInt.lit(0, 32)), 0);
            UInt sq = b.named("sq_" + i, xm.mul(xm).asUInt().resize(63));
            wordSx = wordSx == null ? xm.sext(32 + lanesBits) : wordSx.addWrap(xm.sext(32 + lanesBits));
            wordSxx = wordSxx == null ? sq.resize(63 + lanesBits) : wordSxx.addWrap(sq.resize(63 + lanesBits));
        }
        Bool bRed = b.regNext("b_red", aRed, 0);
        Bool bFirst = b.regNext("b_first", aFirst, 0);
        Bool bLast = b.regNext("b_last", aLast, 0);
        SInt bSx = b.regNext("b_sx", wordSx, 0);
        UInt bSxx = b.regNext("b_sxx", wordSxx, 0);
        SInt sx = b.reg("sum_x", SInt.type(48), 0);
        UInt sxx = b.reg("sum_xx", UInt.type(80), 0);
        b.when(bRed, () -> {
            sx.set(bFirst.select(bSx.sext(48), sx.addWrap(bSx.sext(48))));
            sxx.set(bFirst.select(bSxx.resize(80), sxx.addWrap(bSxx.resize(80))));
        });
        Bool cDone = b.regNext("c_done", bRed.and(bLast), 0);

        // scalar unit: Q, normalize, seed, Newton (S1..S7)
        Bool s1 = b.regNext("s1_valid", cDone, 0);
        UInt qa = b.regNext("s1_qa", len.mul(sxx).resize(96), 0);
        UInt qb = b.regNext("s1_qb", centered.select(sx.mul(sx).asUInt().resize(96), UInt.lit(0, 96)), 0);
        SInt sxHold = b.regNext("s1_sx", centered.select(sx, SInt.lit(0, 48)), 0);
        UInt qSum = b.named("q_sum", qa.addWrap(lenEps.resize(96)).subWrap(qb));
        UInt q = b.regNext("s2_q", qSum.eq(0).select(UInt.lit(1, 96), qSum), 0);
        SInt sx2 = b.regNext("s2_sx", sxHold, 0);
        UInt qe = RecipRtl.log2(b, "q_log2", q, 7);
        UInt k = b.named("q_k", qe.shr(1));
        UInt k2 = b.named("q_2k", k.shl(1).resize(7));
        Bool down = b.named("q_down", k2.ge(30));
        UInt tDown = b.named("t_down", q.shrDyn(k2.subWrap(30)).resize(32));
        UInt tUp = b.named("t_up", q.resize(32).shlDyn(UInt.lit(30, 5).subWrap(k2.resize(5))));
        UInt t = b.regNext("s3_t", down.select(tDown, tUp), 0);
        UInt k3 = b.regNext("s3_k", k, 0);
        SInt sx3 = b.regNext("s3_sx", sx2, 0);
        UInt y0 = b.regNext("s4_y0", seed(b, t), 0);
        UInt mt = b.regNext("s4_mt", t.slice(31, 14), 0);
        UInt k4 = b.regNext("s4_k", k3, 0);
        SInt sx4 = b.regNext("s4_sx", sx3, 0);
        UInt ys = b.regNext("s5_ys", y0.mul(y0).add(UInt.lit(32768, 16)).shr(16).resize(17), 0);
        UInt y05 = b.regNext("s5_y0", y0, 0);
        UInt mt5 = b.regNext("s5_mt", mt, 0);
        UInt k5 = b.regNext("s5_k", k4, 0);
        SInt sx5 = b.regNext("s5_sx", sx4, 0);
        UInt p = b.regNext("s6_p", mt5.mul(ys).add(UInt.lit(32768, 16)).shr(16).resize(19), 0);
        UInt y06 = b.regNext("s6_y0", y05, 0);
        UInt k6 = b.regNext("s6_k", k5, 0);
        SInt sx6 = b.regNext("s6_sx", sx5, 0);
        Bool s6 = b.regNext("s6_valid", b.regNext("s5_valid", b.regNext("s4_valid", b.regNext("s3_valid",
                b.regNext("s2_valid", s1, 0), 0), 0), 0), 0);
        UInt y1 = b.reg("y1_q", UInt.type(17), 0);
        UInt kq = b.reg("k_q", UInt.type(6), 0);
        SInt sxq = b.reg("sx_q", SInt.type(48), 0);
        b.when(s6, () -> {
            y1.set(y06.mul(UInt.lit(3 * 65536, 18).subWrap(p.resize(18))).add(UInt.lit(65536, 17)).shr(17).resize(17));
            kq.set(k6);
            sxq.set(sx6);
        });

        // map: A c = len*x - Sx, B c*y1, C roundShift by k, D gain, E bias
        Bool aMap = b.regNext("a_map", rowWord.and(e.xPass.eq(1)), 0);
        UInt aAddr = b.regNext("a_addr", e.xDAddr, 0);
        Bool bMap = b.regNext("b_map", aMap, 0);
        UInt bAddr = b.regNext("b_addr", aAddr, 0);
        Bool cMap = b.regNext("c_map", bMap, 0);
        UInt cAddr = b.regNext("c_addr", bAddr, 0);
        Bool dMap = b.regNext("d_map", cMap, 0);
        UInt dAddr = b.regNext("d_addr", cAddr, 0);
        Bool wrEn = b.regNext("wr_en", dMap, 0);
        UInt wrAddr = b.regNext("wr_addr", dAddr, 0);
        List<SInt> out = new ArrayList<>();
        for (int i = 0; i < c.lanes(); i++) {
            String n = "l" + i;
            SInt ca = b.regNext(n + "_c", len.toSInt().mul(e.lane(i)).sext(50).subWrap(sxq.sext(50)), 0);
            Bool ma = b.regNext(n + "_ma", e.xLaneValid(i), 0);
            SInt ga = b.regNext(n + "_ga", gainQ.slice(32 * i + 31, 32 * i).asSInt(), 0);
            SInt ba = b.regNext(n + "_ba", biasQ.slice(32 * i + 31, 32 * i).asSInt(), 0);
            SInt pb = b.regNext(n + "_p", ca.mul(y1.toSInt()), 0);
            Bool mb = b.regNext(n + "_mb", ma, 0);
            SInt gb = b.regNext(n + "_gb", ga, 0);
            SInt bb = b.regNext(n + "_bb", ba, 0);
            SInt half = b.named(n + "_half", UInt.lit(1, 68).shlDyn(kq).shr(1).resize(68).asSInt());
            SInt yn = b.regNext(n + "_yn", pb.sext(69).addWrap(half.sext(69)).shrDyn(kq).saturate(32), 0);
            Bool mc = b.regNext(n + "_mc", mb, 0);
            SInt gc = b.regNext(n + "_gc", gb, 0);
            SInt bc = b.regNext(n + "_bc", bb, 0);
            SInt gained = yn.mul(gc).add(SInt.lit(32768, 17)).shr(16).saturate(32);
            SInt yg = b.regNext(n + "_yg", hasGain.select(gained, yn), 0);
            Bool md = b.regNext(n + "_md", mc, 0);
            SInt bd = b.regNext(n + "_bd", bc, 0);
            SInt biased = hasBias.select(yg.add(bd).saturate(32), yg);
            out.add(b.regNext(n + "_wr", md.select(biased, SInt.lit(0, 32)), 0));
        }
        io.abWrEn().set(wrEn);
        io.abWrAddr().set(wrAddr);
        io.abWrData().set(VecEngineRtl.word(out));
        io.noSbuf(c.sbufAddrBits());
        e.finish(aRed.or(bRed).or(cDone).or(s1).or(s6).or(aMap).or(bMap).or(cMap).or(dMap).or(wrEn));
    }

    /** The rsqrt seed S[t[31:24] - 64]. */
    private static UInt seed(ModuleBuilder b, UInt t) {
        UInt out = b.wire("seed", UInt.lit(0, 16));
        var sw = b.switchOn(t.slice(31, 24));
        for (int j = 0; j < RsqrtArith.SEEDS; j++) {
            int v = RsqrtArith.seed(j);
            sw = sw.is(j + 64, () -> out.set(UInt.lit(v, 16)));
        }
        return out;
    }
}
