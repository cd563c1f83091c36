package dev.accelgen.pe.vector.moe;

import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.UInt;
import dev.accelgen.pe.vector.RowWords;
import dev.accelgen.pe.vector.VecEngineConfig;
import dev.accelgen.pe.vector.engine.EngineIo;

/** {@link ScatterSeq} in RTL: the same registers and transitions; its read registers are the engine's read ports. */
final class ScatterSeqRtl {
    private static final int IDLE = 0;
    private static final int HEAD = 1;
    private static final int ENTRY = 2;
    static final int COUNT = 0;
    static final int TOKEN = 1;
    static final int GATE = 2;

    final Bool abEn;
    final UInt abAddr;
    final Bool abD;
    final UInt abW;
    final Bool abParity;
    final Bool sbEn;
    final UInt sbAddr;
    final UInt sbKind;
    final Bool sbParity;
    final Bool active;
    final RowWords row;
    /** Loaded by the engine from SBUF data. */
    final UInt count;
    final UInt dNext;

    ScatterSeqRtl(ModuleBuilder b, VecEngineConfig c, EngineIo io) {
        int aw = c.abufAddrBits();
        int sw = c.sbufAddrBits();
        int wb = c.wordBits();
        UInt mode = b.reg("seq_mode", UInt.type(2), IDLE);
        UInt step = b.reg("seq_step", UInt.type(2), 0);
        row = RowWords.latch(b, "seq", io.go(), io.field("len"), wb, c.lanes());
        UInt words = row.words();
        UInt aRow = b.reg("seq_a_row", UInt.type(aw), 0);
        UInt dRow = b.reg("seq_d_row", UInt.type(aw), 0);
        UInt aStride = b.reg("seq_a_stride", UInt.type(aw), 0);
        UInt sbPtr = b.reg("seq_sb_ptr", UInt.type(sw), 0);
        UInt entry = b.reg("seq_entry", UInt.type(16), 0);
        UInt w = b.reg("seq_w", UInt.type(wb), 0);
        Bool dSlot = b.reg("seq_d_slot", Bool.type(), 0);
        count = b.reg("seq_count", UInt.type(16), 0);
        dNext = b.reg("seq_d_next", UInt.type(aw), 0);
        abEn = b.reg("ab_rd_en_q", Bool.type(), 0);
        abAddr = b.reg("ab_rd_addr_q", UInt.type(aw), 0);
        abD = b.reg("ab_rd_d", Bool.type(), 0);
        abW = b.reg("ab_rd_w", UInt.type(wb), 0);
        abParity = b.reg("ab_rd_parity", Bool.type(), 0);
        sbEn = b.reg("sb_rd_en_q", Bool.type(), 0);
        sbAddr = b.reg("sb_rd_addr_q", UInt.type(sw), 0);
        sbKind = b.reg("sb_rd_kind", UInt.type(2), 0);
        sbParity = b.reg("sb_rd_parity", Bool.type(), 0);
        active = b.named("seq_active", mode.ne(IDLE));

        Bool more = b.named("seq_more", entry.addWrap(1).lt(count));
        Bool lastWord = b.named("seq_last_word", w.eq(words.subWrap(1)));
        UInt wA = b.named("seq_w_addr", w.resize(aw));
        abEn.set(Bool.FALSE);
        sbEn.set(Bool.FALSE);
        b.switchOn(mode)
                .is(HEAD, () -> b.when(step.eq(3), () -> mode.set(count.eq(0).select(UInt.lit(IDLE, 2),
                        UInt.lit(ENTRY, 2)))).otherwise(() -> {
                            sbEn.set(Bool.TRUE);
                            sbAddr.set(sbPtr);
                            sbKind.set(step);
                            sbParity.set(Bool.FALSE);
                            sbPtr.set(sbPtr.addWrap(1));
                            step.set(step.addWrap(1));
                        }))
                .is(ENTRY, () -> {
                    b.when(w.eq(0).and(more), () -> {
                        sbEn.set(Bool.TRUE);
                        sbAddr.set(sbPtr);
                        sbKind.set(dSlot.select(UInt.lit(GATE, 2), UInt.lit(TOKEN, 2)));
                        sbParity.set(entry.bit(0).not());
                        sbPtr.set(sbPtr.addWrap(1));
                    });
                    abEn.set(Bool.TRUE);
                    abD.set(dSlot);
                    abW.set(w);
                    abParity.set(entry.bit(0));
                    b.when(dSlot.not(), () -> {
                        abAddr.set(aRow.addWrap(wA));
                        dSlot.set(Bool.TRUE);
                    }).otherwise(() -> {
                        UInt row = w.eq(0).select(dNext, dRow);
                        b.when(w.eq(0), () -> dRow.set(dNext));
                        abAddr.set(row.addWrap(wA));
                        dSlot.set(Bool.FALSE);
                        b.when(lastWord.not(), () -> w.set(w.addWrap(1))).otherwise(() -> {
                            w.set(UInt.lit(0, wb));
                            entry.set(entry.addWrap(1));
                            aRow.set(aRow.addWrap(aStride));
                            b.when(more.not(), () -> mode.set(UInt.lit(IDLE, 2)));
                        });
                    });
                });
        b.when(io.go(), () -> {
            aRow.set(io.<UInt>field("a").resize(aw));
            aStride.set(io.<UInt>field("aStride").resize(aw));
            sbPtr.set(io.<UInt>field("sbuf").resize(sw));
            step.set(UInt.lit(0, 2));
            entry.set(UInt.lit(0, 16));
            w.set(UInt.lit(0, wb));
            dSlot.set(Bool.FALSE);
            mode.set(UInt.lit(HEAD, 2));
        });
    }
}
