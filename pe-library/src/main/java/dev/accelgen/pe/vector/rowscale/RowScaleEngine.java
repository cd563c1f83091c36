package dev.accelgen.pe.vector.rowscale;

import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.SInt;
import dev.accelgen.hdl.UInt;
import dev.accelgen.pe.accel.isa.Opcode;
import dev.accelgen.pe.vector.RecipRtl;
import dev.accelgen.pe.vector.VecEngineConfig;
import dev.accelgen.pe.vector.VecEngineRtl;
import dev.accelgen.pe.vector.arith.RowScaleArith;
import dev.accelgen.pe.vector.engine.EngineField;
import dev.accelgen.pe.vector.engine.EngineGen;
import dev.accelgen.pe.vector.engine.EngineGeometry;
import dev.accelgen.pe.vector.engine.EngineIo;
import dev.accelgen.pe.vector.seq.SeqPlanRtl;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * VROWSCALE ({@link RowScaleArith}): one pass per row reduces max |x| (one word per cycle, one idle cycle after
 * each row); a pipelined scalar unit (reciprocal seed and Newton step, q and M) writes q to SBUF
 * {@code sbuf + 2m} 8 cycles after the row's last word arrived (the cycle after its read) and M the cycle
 * after.
 */
public record RowScaleEngine() implements EngineGen<VecEngineConfig> {
    public static final Set<Opcode> OPS = EnumSet.of(Opcode.VROWSCALE);
    /** Register stages from the x stage's edge of a row's last word to the q write registers, included. */
    public static final int Q_STAGE = 7;
    /** Idle cycles after each row (so that the two SBUF writes of consecutive rows never meet). */
    public static final int ROW_GAP = 1;

    @Override
    public String moduleName(VecEngineConfig c) {
        return "vec_rowscale_" + c.suffix();
    }

    @Override
    public Set<Opcode> opcodes(VecEngineConfig c) {
        return OPS;
    }

    @Override
    public List<EngineField> fields(VecEngineConfig c) {
        return EngineField.of(OPS, "rows", "len", "a", "aStride", "sbuf", "betaMant", "betaShift");
    }

    @Override
    public EngineGeometry geometry(VecEngineConfig c) {
        return c.geometry();
    }

    @Override
    public void build(ModuleBuilder b, VecEngineConfig c) {
        EngineIo io = EngineIo.declare(b, c.geometry(), fields(c));
        UInt zero = UInt.lit(0, 1);
        SeqPlanRtl plan = new SeqPlanRtl(io.field("rows"), io.field("len"), io.field("a"), io.field("aStride"), zero,
                zero, zero, zero, Bool.FALSE, UInt.lit(1, 2),
                List.of(VecEngineRtl.gap(ROW_GAP), VecEngineRtl.gap(0), VecEngineRtl.gap(0)), UInt.lit(0, 2), zero, zero);
        VecEngineRtl e = new VecEngineRtl(b, c, io, plan);
        int sw = c.sbufAddrBits();
        UInt betaMant = b.reg("beta_mant", UInt.type(24), 0);
        UInt betaShift = b.reg("beta_shift", UInt.type(6), 0);
        UInt nextAddr = b.reg("next_addr", UInt.type(sw), 0);

        // A: |x| of lanes within the row; B: the word's max; C: the row's running max
        Bool aValid = b.regNext("a_valid", e.xValid, 0);
        Bool aFirst = b.regNext("a_first", e.xW.eq(0), 0);
        Bool aLast = b.regNext("a_last", e.xLast, 0);
        UInt wordMax = null;
        for (int i = 0; i < c.lanes(); i++) {
            SInt x = e.lane(i);
            UInt abs = x.isNegative().select(x.neg(), x.sext(33)).asUInt().resize(32);
            UInt ua = b.regNext("abs_" + i, e.xLaneValid(i).select(abs, UInt.lit(0, 32)), 0);
            wordMax = wordMax == null ? ua : b.named("max_" + i, ua.gt(wordMax).select(ua, wordMax));
        }
        Bool bValid = b.regNext("b_valid", aValid, 0);
        Bool bFirst = b.regNext("b_first", aFirst, 0);
        Bool bLast = b.regNext("b_last", aLast, 0);
        UInt bMax = b.regNext("b_max", wordMax, 0);
        UInt acc = b.reg("gamma", UInt.type(32), 0);
        b.when(bValid, () -> acc.set(bFirst.or(bMax.gt(acc)).select(bMax, acc)));
        Bool cDone = b.regNext("c_done", bValid.and(bLast), 0);

        // R1: normalize max(gamma, 1); P = gamma * betaMant; the row's SBUF address
        UInt g1 = b.named("gamma_one", acc.eq(0).select(UInt.lit(1, 32), acc));
        UInt e1 = RecipRtl.log2(b, "gamma_log2", g1, 5);
        Bool r1Valid = b.regNext("r1_valid", cDone, 0);
        UInt u1 = b.regNext("r1_u", g1.shlDyn(UInt.lit(31, 5).subWrap(e1)), 0);
        UInt ex1 = b.regNext("r1_e", e1, 0);
        UInt p1 = b.regNext("r1_p", acc.mul(betaMant), 0);
        UInt addr1 = b.reg("r1_addr", UInt.type(sw), 0);
        b.when(cDone, () -> {
            addr1.set(nextAddr);
            nextAddr.set(nextAddr.addWrap(2));
        });
        b.when(io.go(), () -> {
            betaMant.set(io.<UInt>field("betaMant"));
            betaShift.set(io.<UInt>field("betaShift"));
            nextAddr.set(io.<UInt>field("sbuf").resize(sw));
        });
        // R2: seed and m; M1 = P * C127
        Bool r2Valid = b.regNext("r2_valid", r1Valid, 0);
        UInt r0 = b.regNext("r2_r0", RecipRtl.seed(b, "seed", u1), 0);
        UInt u2 = b.regNext("r2_u", u1, 0);
        UInt ex2 = b.regNext("r2_e", ex1, 0);
        UInt m1 = b.regNext("r2_m", p1.mul(UInt.lit(RowScaleArith.C127, 32)).resize(88), 0);
        UInt addr2 = b.regNext("r2_addr", addr1, 0);
        // R3: Newton product; M = min(2^31 - 1, roundShift(M1, 22 + betaShift))
        Bool r3Valid = b.regNext("r3_valid", r2Valid, 0);
        UInt pN = b.regNext("r3_p", RecipRtl.newtonP(u2, r0), 0);
        UInt r0b = b.regNext("r3_r0", r0, 0);
        UInt ex3 = b.regNext("r3_e", ex2, 0);
        UInt shift = b.named("m_shift", betaShift.zext(7).addWrap(UInt.lit(RowScaleArith.M_SHIFT, 7)));
        UInt half = b.named("m_half", UInt.lit(1, 88).shlDyn(shift).shr(1).resize(88));
        UInt mFull = b.named("m_full", m1.zext(88).addWrap(half).shrDyn(shift));
        UInt mSat = mFull.ge(UInt.lit(Integer.MAX_VALUE, 88)).select(UInt.lit(Integer.MAX_VALUE, 32), mFull.resize(32));
        UInt mOut3 = b.regNext("r3_mq", mSat, 0);
        UInt addr3 = b.regNext("r3_addr", addr2, 0);
        // R4: r1
        Bool r4Valid = b.regNext("r4_valid", r3Valid, 0);
        UInt r1 = b.regNext("r4_r1", RecipRtl.newtonR1(r0b, pN), 0);
        UInt ex4 = b.regNext("r4_e", ex3, 0);
        UInt mOut4 = b.regNext("r4_mq", mOut3, 0);
        UInt addr4 = b.regNext("r4_addr", addr3, 0);
        // q = 127 * r1 * 2^(16 - e), rounded when shifting right, clamped to 2^31 - 1
        UInt prod = b.named("q_prod", r1.mul(UInt.lit(127, 7)).resize(24));
        Bool right = b.named("q_right", ex4.ge(16));
        UInt rs = b.named("q_rs", ex4.subWrap(16).resize(4));
        UInt qRight = b.named("q_right_v", prod.zext(25).addWrap(UInt.lit(1, 25).shlDyn(rs).shr(1).resize(25))
                .shrDyn(rs).resize(24));
        UInt ls = b.named("q_ls", UInt.lit(16, 5).subWrap(ex4).resize(5));
        UInt qLeft = b.named("q_left_v", prod.zext(41).shlDyn(ls));
        UInt qLeftSat = qLeft.ge(UInt.lit(Integer.MAX_VALUE, 41)).select(UInt.lit(Integer.MAX_VALUE, 32), qLeft.resize(32));
        UInt q = b.named("q", right.select(qRight.resize(32), qLeftSat));

        Bool wrEn = b.reg("sb_wr_en_q", Bool.type(), 0);
        UInt wrAddr = b.reg("sb_wr_addr_q", UInt.type(sw), 0);
        UInt wrData = b.reg("sb_wr_data_q", UInt.type(32), 0);
        Bool mPend = b.regNext("m_pend", r4Valid, 0);
        UInt mPendData = b.regNext("m_pend_data", mOut4, 0);
        UInt mPendAddr = b.regNext("m_pend_addr", addr4.addWrap(1), 0);
        wrEn.set(r4Valid.or(mPend));
        b.when(r4Valid, () -> {
            wrAddr.set(addr4);
            wrData.set(q);
        }).elseWhen(mPend, () -> {
            wrAddr.set(mPendAddr);
            wrData.set(mPendData);
        });
        io.sbWrEn().set(wrEn);
        io.sbWrAddr().set(wrAddr);
        io.sbWrData().set(wrData.asBits());
        io.sbRdEn().set(Bool.FALSE);
        io.sbRdAddr().set(UInt.lit(0, sw));
        io.abWrEn().set(Bool.FALSE);
        io.abWrAddr().set(UInt.lit(0, c.abufAddrBits()));
        io.abWrData().set(dev.accelgen.hdl.Bits.lit(0, 32 * c.lanes()));
        e.finish(aValid.or(bValid).or(cDone).or(r1Valid).or(r2Valid).or(r3Valid).or(r4Valid).or(wrEn).or(mPend));
    }
}
