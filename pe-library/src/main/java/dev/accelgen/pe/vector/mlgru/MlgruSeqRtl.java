package dev.accelgen.pe.vector.mlgru;

import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.UInt;
import dev.accelgen.pe.vector.RowWords;
import dev.accelgen.pe.vector.VecEngineConfig;
import dev.accelgen.pe.vector.engine.EngineIo;

/** {@link MlgruSeq} in RTL: the same registers and transitions; the event registers are its outputs. */
final class MlgruSeqRtl {
    private static final int IDLE = 0;
    private static final int PRO = 1;
    private static final int ROWS = 2;

    final Bool evValid;
    final Bool evPro;
    final UInt evAddr;
    final UInt evW;
    final UInt evSlot;
    final Bool evLastWord;
    final Bool evLastRow;
    final UInt evDAddr;
    final Bool active;
    final RowWords row;
    final UInt words;
    final UInt hBase;

    MlgruSeqRtl(ModuleBuilder b, VecEngineConfig c, EngineIo io) {
        int aw = c.abufAddrBits();
        int wb = c.wordBits();
        UInt mode = b.reg("seq_mode", UInt.type(2), IDLE);
        UInt rowsLeft = b.reg("seq_rows_left", UInt.type(32), 0);
        row = RowWords.latch(b, "seq", io.go(), io.field("len"), wb, c.lanes());
        words = row.words();
        UInt aRow = b.reg("seq_a_row", UInt.type(aw), 0);
        UInt dRow = b.reg("seq_d_row", UInt.type(aw), 0);
        hBase = b.reg("seq_h", UInt.type(aw), 0);
        UInt aStride = b.reg("seq_a_stride", UInt.type(aw), 0);
        UInt dStride = b.reg("seq_d_stride", UInt.type(aw), 0);
        UInt w = b.reg("seq_w", UInt.type(wb), 0);
        UInt slot = b.reg("seq_slot", UInt.type(2), 0);
        UInt sec = b.reg("seq_sec", UInt.type(aw), 0);
        evValid = b.reg("ev_valid", Bool.type(), 0);
        evPro = b.reg("ev_pro", Bool.type(), 0);
        evAddr = b.reg("ev_addr", UInt.type(aw), 0);
        evW = b.reg("ev_w", UInt.type(wb), 0);
        evSlot = b.reg("ev_slot", UInt.type(2), 0);
        evLastWord = b.reg("ev_last_word", Bool.type(), 0);
        evLastRow = b.reg("ev_last_row", Bool.type(), 0);
        evDAddr = b.reg("ev_d_addr", UInt.type(aw), 0);
        active = b.named("seq_active", mode.ne(IDLE));

        Bool lastWord = b.named("seq_last_word", w.eq(words.subWrap(1)));
        UInt wA = b.named("seq_w_addr", w.resize(aw));
        evValid.set(Bool.FALSE);
        b.switchOn(mode)
                .is(PRO, () -> {
                    evValid.set(Bool.TRUE);
                    evPro.set(Bool.TRUE);
                    evAddr.set(hBase.addWrap(wA));
                    evW.set(w);
                    evSlot.set(UInt.lit(0, 2));
                    evLastWord.set(lastWord);
                    evLastRow.set(Bool.FALSE);
                    b.when(lastWord, () -> {
                        w.set(UInt.lit(0, wb));
                        mode.set(UInt.lit(ROWS, 2));
                    }).otherwise(() -> w.set(w.addWrap(1)));
                })
                .is(ROWS, () -> {
                    evValid.set(Bool.TRUE);
                    evPro.set(Bool.FALSE);
                    evAddr.set(aRow.addWrap(sec).addWrap(wA));
                    evW.set(w);
                    evSlot.set(slot);
                    evLastWord.set(lastWord);
                    evLastRow.set(rowsLeft.eq(1));
                    evDAddr.set(dRow.addWrap(wA));
                    b.when(slot.ne(2), () -> {
                        slot.set(slot.addWrap(1));
                        sec.set(sec.addWrap(words.resize(aw)));
                    }).otherwise(() -> {
                        slot.set(UInt.lit(0, 2));
                        sec.set(UInt.lit(0, aw));
                        b.when(lastWord, () -> {
                            w.set(UInt.lit(0, wb));
                            rowsLeft.set(rowsLeft.subWrap(1));
                            aRow.set(aRow.addWrap(aStride));
                            dRow.set(dRow.addWrap(dStride));
                            b.when(rowsLeft.eq(1), () -> mode.set(UInt.lit(IDLE, 2)));
                        }).otherwise(() -> w.set(w.addWrap(1)));
                    });
                });
        b.when(io.go(), () -> {
            UInt rows = io.field("rows");
            rowsLeft.set(rows);
            aRow.set(io.<UInt>field("a").resize(aw));
            dRow.set(io.<UInt>field("d").resize(aw));
            hBase.set(io.<UInt>field("h").resize(aw));
            aStride.set(io.<UInt>field("aStride").resize(aw));
            dStride.set(io.<UInt>field("dStride").resize(aw));
            w.set(UInt.lit(0, wb));
            slot.set(UInt.lit(0, 2));
            sec.set(UInt.lit(0, aw));
            mode.set(rows.eq(0).select(UInt.lit(IDLE, 2), UInt.lit(PRO, 2)));
        });
    }
}
