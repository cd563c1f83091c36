package dev.accelgen.pe.vector.moe;

import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.UInt;
import dev.accelgen.pe.vector.VecEngineConfig;
import dev.accelgen.pe.vector.engine.EngineIo;

/** {@link TopKSeq} in RTL: the same registers and transitions; the event registers are its outputs. */
final class TopKSeqRtl {
    private static final int IDLE = 0;
    private static final int READ = 1;
    private static final int GAP = 2;
    static final int WORD_BITS = 7;

    final Bool evValid;
    final UInt evAddr;
    final UInt evW;
    final UInt evPass;
    final Bool evLastWord;
    final Bool evLastPass;
    final Bool evLastRow;
    final Bool evBank;
    final Bool active;

    TopKSeqRtl(ModuleBuilder b, VecEngineConfig c, EngineIo io) {
        int aw = c.abufAddrBits();
        int lb = c.laneBits();
        UInt mode = b.reg("seq_mode", UInt.type(2), IDLE);
        UInt rowsLeft = b.reg("seq_rows_left", UInt.type(32), 0);
        UInt words = b.reg("seq_words", UInt.type(WORD_BITS), 0);
        UInt k = b.reg("seq_k", UInt.type(4), 0);
        UInt aRow = b.reg("seq_a_row", UInt.type(aw), 0);
        UInt aStride = b.reg("seq_a_stride", UInt.type(aw), 0);
        UInt w = b.reg("seq_w", UInt.type(WORD_BITS), 0);
        UInt pass = b.reg("seq_pass", UInt.type(4), 0);
        UInt gap = b.reg("seq_gap", UInt.type(3), 0);
        Bool bank = b.reg("seq_bank", Bool.type(), 0);
        evValid = b.reg("ev_valid", Bool.type(), 0);
        evAddr = b.reg("ev_addr", UInt.type(aw), 0);
        evW = b.reg("ev_w", UInt.type(WORD_BITS), 0);
        evPass = b.reg("ev_pass", UInt.type(4), 0);
        evLastWord = b.reg("ev_last_word", Bool.type(), 0);
        evLastPass = b.reg("ev_last_pass", Bool.type(), 0);
        evLastRow = b.reg("ev_last_row", Bool.type(), 0);
        evBank = b.reg("ev_bank", Bool.type(), 0);
        active = b.named("seq_active", mode.ne(IDLE));

        Bool lastWord = b.named("seq_last_word", w.eq(words.subWrap(1)));
        Bool lastPass = b.named("seq_last_pass", pass.eq(k.subWrap(1)));
        evValid.set(Bool.FALSE);
        b.switchOn(mode)
                .is(READ, () -> {
                    evValid.set(Bool.TRUE);
                    evAddr.set(aRow.addWrap(w.resize(aw)));
                    evW.set(w);
                    evPass.set(pass);
                    evLastWord.set(lastWord);
                    evLastPass.set(lastPass);
                    evLastRow.set(rowsLeft.eq(1));
                    evBank.set(bank);
                    b.when(lastWord.not(), () -> w.set(w.addWrap(1))).otherwise(() -> {
                        w.set(UInt.lit(0, WORD_BITS));
                        b.when(lastPass.not(), () -> {
                            pass.set(pass.addWrap(1));
                            mode.set(UInt.lit(GAP, 2));
                            gap.set(UInt.lit(TopKSeq.PASS_GAP, 3));
                        }).otherwise(() -> {
                            pass.set(UInt.lit(0, 4));
                            rowsLeft.set(rowsLeft.subWrap(1));
                            aRow.set(aRow.addWrap(aStride));
                            bank.set(bank.not());
                            mode.set(rowsLeft.eq(1).select(UInt.lit(IDLE, 2), UInt.lit(GAP, 2)));
                            gap.set(UInt.lit(TopKSeq.PASS_GAP + TopKSeq.ROW_GAP, 3));
                        });
                    });
                })
                .is(GAP, () -> {
                    gap.set(gap.subWrap(1));
                    b.when(gap.eq(1), () -> mode.set(UInt.lit(READ, 2)));
                });
        b.when(io.go(), () -> {
            UInt rows = io.field("rows");
            UInt experts = io.field("experts");
            int v = c.lanes();
            rowsLeft.set(rows);
            words.set(experts.add(UInt.lit(v - 1, lb)).shr(lb).resize(WORD_BITS));
            k.set(io.<UInt>field("k"));
            aRow.set(io.<UInt>field("a").resize(aw));
            aStride.set(io.<UInt>field("aStride").resize(aw));
            w.set(UInt.lit(0, WORD_BITS));
            pass.set(UInt.lit(0, 4));
            bank.set(Bool.FALSE);
            mode.set(rows.eq(0).select(UInt.lit(IDLE, 2), UInt.lit(READ, 2)));
        });
    }
}
