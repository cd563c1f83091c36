package dev.accelgen.pe.vector.attn;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.Mem;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.SInt;
import dev.accelgen.hdl.UInt;
import dev.accelgen.pe.vector.RecipRtl;
import dev.accelgen.pe.vector.VecEngineRtl;
import dev.accelgen.pe.vector.arith.AttnArith;
import dev.accelgen.pe.vector.engine.EngineIo;
import java.util.ArrayList;
import java.util.List;

/**
 * The end of a query row in RTL, counted from its last slot at the x stage (cycle X): l' registered in X+2, its
 * reciprocal in X+6 (normalize, seed, two Newton products), the accumulator words read from X+6 on, one per
 * cycle, and written to ABUF from X+9 (rounded to Fx, divided by l' on the last tile); m' and l' to SBUF in X+9
 * and X+10. It runs while the next row reads.
 */
final class AttnWriteBack {
    /** Work of this unit outstanding. */
    final Bool busy;

    AttnWriteBack(ModuleBuilder b, AttnConfig c, AttnSeqRtl seq, EngineIo io, AttnTag x, Mem<Bits> acc,
                  AttnScalars sc, UInt lOld, Bool last) {
        int lanes = c.lanes();
        int aw = c.vec().abufAddrBits();
        int sw = c.vec().sbufAddrBits();
        int wb = c.wordBits();
        int accBits = c.accBits();
        List<Bool> re = new ArrayList<>(List.of(b.named("re0", x.slot().and(x.rowLast()))));
        for (int k = 1; k <= 9; k++) {
            re.add(b.regNext("re" + k, re.get(k - 1), 0));
        }
        UInt base = b.reg("wb_base", UInt.type(aw), 0);
        UInt sbRow = b.reg("wb_sb_row", UInt.type(sw), 0);
        SInt m = b.reg("wb_m", SInt.type(32), 0);
        b.when(re.get(0), () -> {
            base.set(x.oRow());
            sbRow.set(x.sbRow());
            m.set(sc.mNew);
        });
        // l' = min(2^32 - 1, roundShift(l * alpha + sumP * 2^16, 24))
        UInt lNew = b.reg("l_new", UInt.type(32), 0);
        UInt lSum = lOld.mul(sc.alpha).add(sc.sumP.shl(AttnArith.L_FRAC)).add(UInt.lit(1 << 23, 24));
        b.when(re.get(1), () -> lNew.set(lSum.shr(AttnArith.P_FRAC).saturate(32)));
        // reciprocal: normalize, seed, Newton p, r1
        UInt e1 = RecipRtl.log2(b, "l_log2", lNew, 5);
        UInt u1 = b.regNext("r1_u", lNew.shlDyn(UInt.lit(31, 5).subWrap(e1)), 0);
        UInt ex1 = b.regNext("r1_e", e1, 0);
        Bool z1 = b.regNext("r1_zero", lNew.eq(0), 0);
        UInt r0 = b.regNext("r2_r0", RecipRtl.seed(b, "seed", u1), 0);
        UInt u2 = b.regNext("r2_u", u1, 0);
        UInt ex2 = b.regNext("r2_e", ex1, 0);
        Bool z2 = b.regNext("r2_zero", z1, 0);
        UInt pn = b.regNext("r3_p", RecipRtl.newtonP(u2, r0), 0);
        UInt r0b = b.regNext("r3_r0", r0, 0);
        UInt ex3 = b.regNext("r3_e", ex2, 0);
        Bool z3 = b.regNext("r3_zero", z2, 0);
        UInt r1 = b.regNext("r4_r1", RecipRtl.newtonR1(r0b, pn), 0);
        UInt ex4 = b.regNext("r4_e", ex3, 0);
        Bool z4 = b.regNext("r4_zero", z3, 0);

        // write-back: WB1 read and round, WB2 times r1, WR shift into the write registers
        Bool active = b.reg("wb_active", Bool.type(), 0);
        UInt w = b.reg("wb_w", UInt.type(wb), 0);
        b.when(re.get(5), () -> {
            active.set(Bool.TRUE);
            w.set(UInt.lit(0, wb));
        }).elseWhen(active, () -> {
            b.when(w.eq(seq.words.subWrap(1)), () -> active.set(Bool.FALSE)).otherwise(() -> w.set(w.addWrap(1)));
        });
        Bits word = acc.readAsync(w.resize(c.rowAddrBits()));
        Bool v1 = b.regNext("wb1_valid", active, 0);
        UInt w1 = b.regNext("wb1_w", w, 0);
        Bool v2 = b.regNext("wb2_valid", v1, 0);
        UInt w2 = b.regNext("wb2_w", w1, 0);
        Bool wrEn = b.regNext("wr_en", v2, 0);
        UInt wrAddr = b.regNext("wr_addr", base.addWrap(w2.resize(aw)), 0);
        UInt half = b.named("wb_half", UInt.lit(1, 51).shlDyn(ex4).shr(1).resize(51));
        List<SInt> out = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            SInt sum = word.slice(accBits * (i + 1) - 1, accBits * i).asSInt();
            SInt a1 = b.regNext("wb1_" + i, sum.add(SInt.lit(1 << 23, 25)).shr(AttnArith.P_FRAC).saturate(32), 0);
            SInt a2 = b.regNext("wb2_a_" + i, a1, 0);
            SInt p2 = b.regNext("wb2_p_" + i, a1.mul(r1.toSInt()), 0);
            SInt divided = p2.sext(51).addWrap(half.asSInt()).shrDyn(ex4).saturate(32);
            SInt res = last.select(z4.select(SInt.lit(0, 32), divided), a2);
            out.add(b.regNext("wr_" + i, seq.row.laneValid(w2, i).select(res, SInt.lit(0, 32)), 0));
        }
        io.abWrEn().set(wrEn);
        io.abWrAddr().set(wrAddr);
        io.abWrData().set(VecEngineRtl.word(out));

        Bool sbWrEn = b.regNext("sb_wr_en_q", re.get(8).or(re.get(9)), 0);
        UInt sbWrAddr = b.regNext("sb_wr_addr_q", re.get(8).select(sbRow, sbRow.addWrap(1)), 0);
        Bits sbWrData = b.regNext("sb_wr_data_q", re.get(8).select(m.asBits(), lNew.asBits()), 0);
        io.sbWrEn().set(sbWrEn);
        io.sbWrAddr().set(sbWrAddr);
        io.sbWrData().set(sbWrData);
        busy = b.named("wb_busy", re.get(1).or(re.get(2)).or(re.get(3)).or(re.get(4)).or(re.get(5)).or(active).or(v1)
                .or(v2).or(wrEn).or(sbWrEn));
    }
}
