package dev.accelgen.pe.vector.seq;

import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.UInt;
import dev.accelgen.pe.vector.VecEngineConfig;

/** {@link PassSequencer} in RTL: the same registers and transitions, built into an engine's module. */
public final class PassSequencerRtl {
    private static final int IDLE = 0;
    private static final int PRO = 1;
    private static final int ROWS = 2;
    private static final int GAP = 3;

    /** Registered outputs (the tag's fields are meaningful while {@code rdEn}). */
    public final Bool rdEn;
    public final UInt rdAddr;
    public final Bool tPro;
    public final UInt tK;
    public final UInt tPass;
    public final Bool tSlot;
    public final UInt tW;
    public final Bool tLast;
    public final UInt tDAddr;
    public final Bool tLastRow;
    /** Latched plan values engines use: words per row and the lanes of the last word. */
    public final UInt words;
    public final UInt tail;
    private final Bool active;
    private final VecEngineConfig cfg;

    public PassSequencerRtl(ModuleBuilder b, VecEngineConfig cfg, Bool go, SeqPlanRtl p) {
        this.cfg = cfg;
        int aw = cfg.abufAddrBits();
        int wb = cfg.wordBits();
        int lb = cfg.laneBits();
        UInt mode = b.reg("seq_mode", UInt.type(2), IDLE);
        UInt rowsLeft = b.reg("seq_rows_left", UInt.type(32), 0);
        words = b.reg("seq_words", UInt.type(wb), 0);
        tail = b.reg("seq_tail", UInt.type(lb + 1), 0);
        UInt passes = b.reg("seq_passes", UInt.type(2), 0);
        UInt gap0 = b.reg("seq_gap0", UInt.type(SeqPlanRtl.GAP_BITS), 0);
        UInt gap1 = b.reg("seq_gap1", UInt.type(SeqPlanRtl.GAP_BITS), 0);
        UInt gap2 = b.reg("seq_gap2", UInt.type(SeqPlanRtl.GAP_BITS), 0);
        Bool dual = b.reg("seq_dual", Bool.type(), 0);
        UInt nPro = b.reg("seq_npro", UInt.type(2), 0);
        UInt pro0 = b.reg("seq_pro0", UInt.type(aw), 0);
        UInt pro1 = b.reg("seq_pro1", UInt.type(aw), 0);
        UInt aStride = b.reg("seq_astride", UInt.type(aw), 0);
        UInt bStride = b.reg("seq_bstride", UInt.type(aw), 0);
        UInt dStride = b.reg("seq_dstride", UInt.type(aw), 0);
        UInt k = b.reg("seq_k", UInt.type(1), 0);
        UInt w = b.reg("seq_w", UInt.type(wb), 0);
        UInt pass = b.reg("seq_pass", UInt.type(2), 0);
        Bool slot = b.reg("seq_slot", Bool.type(), 0);
        UInt rowA = b.reg("seq_row_a", UInt.type(aw), 0);
        UInt rowB = b.reg("seq_row_b", UInt.type(aw), 0);
        UInt rowD = b.reg("seq_row_d", UInt.type(aw), 0);
        UInt gapCnt = b.reg("seq_gap_cnt", UInt.type(SeqPlanRtl.GAP_BITS), 0);
        rdEn = b.reg("seq_rd_en", Bool.type(), 0);
        rdAddr = b.reg("seq_rd_addr", UInt.type(aw), 0);
        tPro = b.reg("tag_pro", Bool.type(), 0);
        tK = b.reg("tag_k", UInt.type(1), 0);
        tPass = b.reg("tag_pass", UInt.type(2), 0);
        tSlot = b.reg("tag_slot", Bool.type(), 0);
        tW = b.reg("tag_w", UInt.type(wb), 0);
        tLast = b.reg("tag_last", Bool.type(), 0);
        tDAddr = b.reg("tag_daddr", UInt.type(aw), 0);
        tLastRow = b.reg("tag_last_row", Bool.type(), 0);
        active = b.named("seq_active", mode.ne(IDLE));

        Bool lastWord = b.named("seq_last_word", w.eq(words.subWrap(1)));
        UInt wA = b.named("seq_w_addr", w.resize(aw));
        UInt proBase = b.named("seq_pro_base", k.eq(0).select(pro0, pro1));
        UInt gapNow = b.named("seq_gap_now", pass.eq(0).select(gap0, pass.eq(1).select(gap1, gap2)));
        Bool lastPass = b.named("seq_last_pass", pass.eq(passes.subWrap(1)));
        Bool lastRow = b.named("seq_last_row", rowsLeft.eq(1));

        rdEn.set(Bool.FALSE);
        b.switchOn(mode)
                .is(PRO, () -> {
                    rdEn.set(Bool.TRUE);
                    rdAddr.set(proBase.addWrap(wA));
                    tPro.set(Bool.TRUE);
                    tK.set(k);
                    tPass.set(UInt.lit(0, 2));
                    tSlot.set(Bool.FALSE);
                    tW.set(w);
                    tLast.set(lastWord);
                    tLastRow.set(Bool.FALSE);
                    b.when(lastWord, () -> {
                        w.set(UInt.lit(0, wb));
                        b.when(k.resize(2).eq(nPro.subWrap(1)), () -> {
                            k.set(UInt.lit(0, 1));
                            mode.set(UInt.lit(GAP, 2));
                            gapCnt.set(UInt.lit(0, SeqPlanRtl.GAP_BITS));
                        }).otherwise(() -> k.set(k.addWrap(1)));
                    }).otherwise(() -> w.set(w.addWrap(1)));
                })
                .is(ROWS, () -> {
                    rdEn.set(Bool.TRUE);
                    rdAddr.set(slot.select(rowB, rowA).addWrap(wA));
                    tPro.set(Bool.FALSE);
                    tPass.set(pass);
                    tSlot.set(slot);
                    tW.set(w);
                    tLast.set(lastWord);
                    tDAddr.set(rowD.addWrap(wA));
                    tLastRow.set(lastRow);
                    b.when(dual.and(slot.not()), () -> slot.set(Bool.TRUE)).otherwise(() -> {
                        slot.set(Bool.FALSE);
                        b.when(lastWord, () -> {
                            w.set(UInt.lit(0, wb));
                            b.when(lastPass, () -> {
                                pass.set(UInt.lit(0, 2));
                                rowsLeft.set(rowsLeft.subWrap(1));
                                rowA.set(rowA.addWrap(aStride));
                                rowB.set(rowB.addWrap(bStride));
                                rowD.set(rowD.addWrap(dStride));
                            }).otherwise(() -> pass.set(pass.addWrap(1)));
                            b.when(lastPass.and(lastRow), () -> mode.set(UInt.lit(IDLE, 2)))
                                    .elseWhen(gapNow.ne(0), () -> {
                                        mode.set(UInt.lit(GAP, 2));
                                        gapCnt.set(gapNow.subWrap(1));
                                    });
                        }).otherwise(() -> w.set(w.addWrap(1)));
                    });
                })
                .is(GAP, () -> b.when(gapCnt.eq(0), () -> mode.set(UInt.lit(ROWS, 2)))
                        .otherwise(() -> gapCnt.set(gapCnt.subWrap(1))));

        b.when(go, () -> {
            int v = cfg.lanes();
            rowsLeft.set(p.rows().resize(32));
            words.set(p.len().resize(16).add(UInt.lit(v - 1, lb)).shr(lb).resize(wb));
            UInt low = p.len().resize(16).slice(lb - 1, 0);
            tail.set(low.eq(0).select(UInt.lit(v, lb + 1), low.resize(lb + 1)));
            passes.set(p.passes());
            gap0.set(p.gaps().get(0));
            gap1.set(p.gaps().get(1));
            gap2.set(p.gaps().get(2));
            dual.set(p.dual());
            nPro.set(p.nPro());
            pro0.set(p.pro0().resize(aw));
            pro1.set(p.pro1().resize(aw));
            aStride.set(p.aStride().resize(aw));
            bStride.set(p.bStride().resize(aw));
            dStride.set(p.dStride().resize(aw));
            rowA.set(p.a().resize(aw));
            rowB.set(p.b().resize(aw));
            rowD.set(p.d().resize(aw));
            k.set(UInt.lit(0, 1));
            w.set(UInt.lit(0, wb));
            pass.set(UInt.lit(0, 2));
            slot.set(Bool.FALSE);
            mode.set(p.rows().resize(32).eq(0).select(UInt.lit(IDLE, 2),
                    p.nPro().ne(0).select(UInt.lit(PRO, 2), UInt.lit(ROWS, 2))));
        });
    }

    public Bool active() {
        return active;
    }

    /** Lane {@code i} of word {@code w} lies within the row. */
    public Bool laneValid(UInt w, int i) {
        return w.ne(words.subWrap(1)).or(UInt.lit(i, cfg.laneBits() + 1).lt(tail));
    }
}
