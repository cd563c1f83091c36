package dev.accelgen.pe.vector.rope;

import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.UInt;
import dev.accelgen.pe.vector.engine.EngineIo;

/** {@link RopeSeq} in RTL: the same registers and transitions; the event registers are its outputs. */
final class RopeSeqRtl {
    private static final int IDLE = 0;
    private static final int MT = 1;
    private static final int MA = 2;

    final Bool evValid;
    final Bool evTable;
    final UInt evAddr;
    final UInt evW;
    final Bool evLastWord;
    final Bool evTBank;
    final Bool evHBank;
    final UInt evDHead;
    final Bool active;
    final UInt words;
    final UInt headDim;

    RopeSeqRtl(ModuleBuilder b, RopeConfig c, EngineIo io) {
        int aw = c.vec().abufAddrBits();
        int wb = c.wordBits();
        int lb = c.vec().laneBits();
        UInt mode = b.reg("seq_mode", UInt.type(2), IDLE);
        UInt rowsLeft = b.reg("seq_rows_left", UInt.type(32), 0);
        words = b.reg("seq_words", UInt.type(wb), 0);
        headDim = b.reg("seq_head_dim", UInt.type(12), 0);
        UInt len = b.reg("seq_len", UInt.type(16), 0);
        UInt aRow = b.reg("seq_a_row", UInt.type(aw), 0);
        UInt tRow = b.reg("seq_t_row", UInt.type(aw), 0);
        UInt dRow = b.reg("seq_d_row", UInt.type(aw), 0);
        UInt aHead = b.reg("seq_a_head", UInt.type(aw), 0);
        UInt dHead = b.reg("seq_d_head", UInt.type(aw), 0);
        UInt aStride = b.reg("seq_a_stride", UInt.type(aw), 0);
        UInt tStride = b.reg("seq_t_stride", UInt.type(aw), 0);
        UInt dStride = b.reg("seq_d_stride", UInt.type(aw), 0);
        UInt done = b.reg("seq_done", UInt.type(16), 0);
        UInt w = b.reg("seq_w", UInt.type(wb), 0);
        Bool tBank = b.reg("seq_t_bank", Bool.type(), 0);
        Bool hBank = b.reg("seq_h_bank", Bool.type(), 0);
        evValid = b.reg("ev_valid", Bool.type(), 0);
        evTable = b.reg("ev_table", Bool.type(), 0);
        evAddr = b.reg("ev_addr", UInt.type(aw), 0);
        evW = b.reg("ev_w", UInt.type(wb), 0);
        evLastWord = b.reg("ev_last_word", Bool.type(), 0);
        evTBank = b.reg("ev_t_bank", Bool.type(), 0);
        evHBank = b.reg("ev_h_bank", Bool.type(), 0);
        evDHead = b.reg("ev_d_head", UInt.type(aw), 0);
        active = b.named("seq_active", mode.ne(IDLE));

        Bool lastWord = b.named("seq_last_word", w.eq(words.subWrap(1)));
        UInt wA = b.named("seq_w_addr", w.resize(aw));
        evValid.set(Bool.FALSE);
        b.switchOn(mode)
                .is(MT, () -> {
                    event(Bool.TRUE, tRow.addWrap(wA), w, lastWord, tBank, hBank, dHead);
                    b.when(lastWord, () -> {
                        w.set(UInt.lit(0, wb));
                        mode.set(UInt.lit(MA, 2));
                        done.set(UInt.lit(0, 16));
                        aHead.set(aRow);
                        dHead.set(dRow);
                    }).otherwise(() -> w.set(w.addWrap(1)));
                })
                .is(MA, () -> {
                    event(Bool.FALSE, aHead.addWrap(wA), w, lastWord, tBank, hBank, dHead);
                    b.when(lastWord, () -> {
                        w.set(UInt.lit(0, wb));
                        hBank.set(hBank.not());
                        b.when(done.addWrap(headDim.resize(16)).eq(len), () -> {
                            rowsLeft.set(rowsLeft.subWrap(1));
                            aRow.set(aRow.addWrap(aStride));
                            tRow.set(tRow.addWrap(tStride));
                            dRow.set(dRow.addWrap(dStride));
                            tBank.set(tBank.not());
                            mode.set(rowsLeft.eq(1).select(UInt.lit(IDLE, 2), UInt.lit(MT, 2)));
                        }).otherwise(() -> {
                            done.set(done.addWrap(headDim.resize(16)));
                            aHead.set(aHead.addWrap(words.resize(aw)));
                            dHead.set(dHead.addWrap(words.resize(aw)));
                        });
                    }).otherwise(() -> w.set(w.addWrap(1)));
                });
        b.when(io.go(), () -> {
            UInt rows = io.field("rows");
            UInt hd = io.field("headDim");
            int v = c.lanes();
            rowsLeft.set(rows);
            headDim.set(hd);
            words.set(hd.add(UInt.lit(v - 1, lb)).shr(lb).resize(wb));
            len.set(io.<UInt>field("len"));
            aRow.set(io.<UInt>field("a").resize(aw));
            tRow.set(io.<UInt>field("t").resize(aw));
            dRow.set(io.<UInt>field("d").resize(aw));
            aStride.set(io.<UInt>field("aStride").resize(aw));
            tStride.set(io.<UInt>field("tStride").resize(aw));
            dStride.set(io.<UInt>field("dStride").resize(aw));
            w.set(UInt.lit(0, wb));
            tBank.set(Bool.FALSE);
            hBank.set(Bool.FALSE);
            mode.set(rows.eq(0).select(UInt.lit(IDLE, 2), UInt.lit(MT, 2)));
        });
    }

    private void event(Bool table, UInt addr, UInt w, Bool lastWord, Bool tBank, Bool hBank, UInt dHead) {
        evValid.set(Bool.TRUE);
        evTable.set(table);
        evAddr.set(addr);
        evW.set(w);
        evLastWord.set(lastWord);
        evTBank.set(tBank);
        evHBank.set(hBank);
        evDHead.set(dHead);
    }
}
