package dev.accelgen.pe.vector.attn;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.Mem;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.RamStyle;
import dev.accelgen.hdl.SInt;
import dev.accelgen.hdl.UInt;
import dev.accelgen.pe.rtl.AdderTree;
import dev.accelgen.pe.vector.act.ExpPipe;
import dev.accelgen.pe.vector.arith.AttnArith;
import java.util.List;

/**
 * The attention engine's per-row scalars in RTL: the score buffer with the tile's max (written by the score
 * path, {@link #scores}), the new max m' at the last gap cycle, and one exp pipeline for alpha (fed the cycle
 * after the last gap cycle) and each key's weight p (fed the cycle after the key's first V event, so p is
 * registered when the key's first value word reaches the x stage), with the tile's weight sum.
 */
final class AttnScalars {
    final SInt mNew;
    final UInt alpha;
    final UInt p;
    final UInt sumP;
    private final Mem<Bits> scoreBuf;
    private final SInt tmax;
    private final Bool rowStart;
    private final AttnSeqRtl seq;

    AttnScalars(ModuleBuilder b, AttnConfig c, AttnSeqRtl seq, SInt mOld, Bool rowStart) {
        this.seq = seq;
        this.rowStart = rowStart;
        int frac = AttnArith.P_FRAC;
        scoreBuf = b.mem("score_buf", Bits.type(33), 1 << c.scoreAddrBits(), RamStyle.BLOCK);
        tmax = b.reg("tile_max", SInt.type(32), AttnArith.NO_MAX);
        mNew = b.reg("m_new", SInt.type(32), AttnArith.NO_MAX);
        b.when(seq.evMax, () -> mNew.set(tmax.gt(mOld).select(tmax, mOld)));

        AttnTag e = seq.event;
        Bool pRead = b.named("p_read", e.is(AttnTag.V).and(e.w().eq(0)));
        Bits sq = scoreBuf.readSync(pRead, e.j(), "score_q");
        Bool pv1 = b.regNext("p_v1", pRead, 0);
        Bool alphaIn = b.regNext("alpha_in", seq.evMax, 0);
        SInt xAlpha = mOld.sub(mNew).saturate(32);
        SInt xP = sq.slice(31, 0).asSInt().sub(mNew).saturate(32);
        UInt expOut = ExpPipe.build(b, "exp", b.named("exp_x", alphaIn.select(xAlpha, xP)), frac);
        Bool pv2 = b.regNext("p_v2", pv1, 0);
        Bool pv3 = b.regNext("p_v3", pv2, 0);
        Bool pv4 = b.regNext("p_v4", pv3, 0);
        Bool pm2 = b.regNext("p_m2", sq.bit(32), 0);
        Bool pm3 = b.regNext("p_m3", pm2, 0);
        Bool pm4 = b.regNext("p_m4", pm3, 0);
        Bool al3 = b.regNext("alpha_3", b.regNext("alpha_2", b.regNext("alpha_1", alphaIn, 0), 0), 0);
        alpha = b.reg("alpha", UInt.type(frac + 1), 0);
        p = b.reg("p", UInt.type(frac + 1), 0);
        sumP = b.reg("sum_p", UInt.type(c.sumBits()), 0);
        UInt pNew = b.named("p_new", pm4.select(UInt.lit(0, frac + 1), expOut.resize(frac + 1)));
        b.when(al3, () -> alpha.set(expOut.resize(frac + 1)));
        b.when(pv4, () -> {
            p.set(pNew);
            sumP.set(sumP.addWrap(pNew.resize(c.sumBits())));
        });
        b.when(rowStart, () -> sumP.set(UInt.lit(0, c.sumBits())));
    }

    /**
     * The score path from the multiplier stage {@code a}: B the word's adder tree, then the exact sum over the
     * head's words; a key's score (rounded, saturated) is registered with its last word and written to the score
     * buffer (with its mask bit) and the tile's max the cycle after.
     */
    void scores(ModuleBuilder b, AttnConfig c, Bool causal, List<SInt> prod, AttnTag a) {
        int dotBits = c.dotBits();
        SInt tree = AdderTree.sum(b, "dot", prod);
        SInt bSum = b.regNext("b_sum", tree, 0);
        Bool bValid = b.regNext("b_valid", a.is(AttnTag.K), 0);
        Bool bFirst = b.regNext("b_first", a.w().eq(0), 0);
        Bool bLast = b.regNext("b_last", a.lastWord(), 0);
        UInt bJ = b.regNext("b_j", a.j(), 0);
        SInt dot = b.reg("dot_acc", SInt.type(dotBits), 0);
        SInt dotNext = b.named("dot_next", bFirst.select(bSum.sext(dotBits), dot.addWrap(bSum.sext(dotBits))));
        b.when(bValid, () -> dot.set(dotNext));
        SInt score = b.regNext("score", dotNext.add(SInt.lit(1 << 15, 17)).shr(16).saturate(32), 0);
        Bool scValid = b.regNext("score_valid", bValid.and(bLast), 0);
        UInt scJ = b.regNext("score_j", bJ, 0);
        Bool masked = b.named("score_masked", causal.and(scJ.toSInt().gt(seq.lim)));
        scoreBuf.write(scValid, scJ, Bits.cat(masked, score));
        b.when(rowStart, () -> tmax.set(SInt.lit(AttnArith.NO_MAX, 32)))
                .elseWhen(scValid.and(masked.not()).and(score.gt(tmax)), () -> tmax.set(score));
    }
}
