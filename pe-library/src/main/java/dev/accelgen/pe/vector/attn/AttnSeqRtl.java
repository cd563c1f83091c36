package dev.accelgen.pe.vector.attn;

import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.SInt;
import dev.accelgen.hdl.UInt;
import dev.accelgen.pe.vector.RowWords;
import dev.accelgen.pe.vector.engine.EngineIo;

/** {@link AttnSeq} in RTL: the same registers and transitions; the event registers form the tag {@link #event}. */
final class AttnSeqRtl {
    private static final int IDLE = 0;
    private static final int MQ = 1;
    private static final int MK = 2;
    private static final int MG = 3;
    private static final int MV = 4;
    private static final int MO = 5;

    final AttnTag event;
    /** Any event this cycle, a gap cycle included. */
    final Bool evAny;
    /** The last gap cycle: the tile's max is final. */
    final Bool evMax;
    final Bool active;
    /** Latched instruction values: the head row's words and {@code first}. */
    final RowWords row;
    final UInt words;
    final Bool first;
    /** t + diag of the current row. */
    final SInt lim;

    AttnSeqRtl(ModuleBuilder b, AttnConfig c, EngineIo io) {
        int aw = c.vec().abufAddrBits();
        int sw = c.vec().sbufAddrBits();
        int wb = c.wordBits();
        UInt mode = b.reg("seq_mode", UInt.type(3), IDLE);
        UInt rowsLeft = b.reg("seq_rows_left", UInt.type(32), 0);
        UInt keys = b.reg("seq_keys", UInt.type(32), 0);
        row = RowWords.latch(b, "seq", io.go(), io.field("headDim"), wb, c.lanes());
        words = row.words();
        first = b.reg("seq_first", Bool.type(), 0);
        Bool hasO = b.reg("seq_has_o", Bool.type(), 0);
        UInt qRow = b.reg("seq_q_row", UInt.type(aw), 0);
        UInt kBase = b.reg("seq_k_base", UInt.type(aw), 0);
        UInt vBase = b.reg("seq_v_base", UInt.type(aw), 0);
        UInt oRow = b.reg("seq_o_row", UInt.type(aw), 0);
        UInt kRow = b.reg("seq_k_row", UInt.type(aw), 0);
        UInt vRow = b.reg("seq_v_row", UInt.type(aw), 0);
        UInt sbRow = b.reg("seq_sb_row", UInt.type(sw), 0);
        lim = b.reg("seq_lim", SInt.type(34), 0);
        UInt qStride = b.reg("seq_q_stride", UInt.type(aw), 0);
        UInt kStride = b.reg("seq_k_stride", UInt.type(aw), 0);
        UInt vStride = b.reg("seq_v_stride", UInt.type(aw), 0);
        UInt oStride = b.reg("seq_o_stride", UInt.type(aw), 0);
        UInt w = b.reg("seq_w", UInt.type(wb), 0);
        UInt j = b.reg("seq_j", UInt.type(32), 0);
        UInt gap = b.reg("seq_gap", UInt.type(4), 0);

        evAny = b.reg("ev_any", Bool.type(), 0);
        evMax = b.reg("ev_max", Bool.type(), 0);
        event = new AttnTag(b.reg("ev_slot", Bool.type(), 0), b.reg("ev_read", Bool.type(), 0),
                b.reg("ev_phase", UInt.type(2), 0), b.reg("ev_addr", UInt.type(aw), 0), b.reg("ev_w", UInt.type(wb), 0),
                b.reg("ev_j", UInt.type(c.scoreAddrBits()), 0), b.reg("ev_last_word", Bool.type(), 0),
                b.reg("ev_init", Bool.type(), 0), b.reg("ev_row_start", Bool.type(), 0),
                b.reg("ev_row_last", Bool.type(), 0), b.reg("ev_o_row", UInt.type(aw), 0),
                b.reg("ev_sb_row", UInt.type(sw), 0));
        active = b.named("seq_active", mode.ne(IDLE));

        Bool lastWord = b.named("seq_last_word", w.eq(words.subWrap(1)));
        Bool lastKey = b.named("seq_last_key", j.eq(keys.subWrap(1)));
        Bool keysZero = b.named("seq_keys_zero", keys.eq(0));
        UInt wA = b.named("seq_w_addr", w.resize(aw));
        Runnable toGap = () -> {
            mode.set(UInt.lit(MG, 3));
            gap.set(UInt.lit(AttnSeq.GAP - 1, 4));
        };
        Runnable endRow = () -> {
            rowsLeft.set(rowsLeft.subWrap(1));
            qRow.set(qRow.addWrap(qStride));
            oRow.set(oRow.addWrap(oStride));
            sbRow.set(sbRow.addWrap(2));
            lim.set(lim.addWrap(SInt.lit(1, 2)));
            mode.set(rowsLeft.eq(1).select(UInt.lit(IDLE, 3), UInt.lit(MQ, 3)));
        };

        evAny.set(Bool.FALSE);
        evMax.set(Bool.FALSE);
        event.slot().set(Bool.FALSE);
        event.read().set(Bool.FALSE);
        event.init().set(Bool.FALSE);
        event.rowStart().set(Bool.FALSE);
        event.rowLast().set(Bool.FALSE);
        b.switchOn(mode)
                .is(MQ, () -> {
                    slot(b, c, AttnTag.Q, Bool.TRUE, qRow.addWrap(wA), w, j, lastWord, oRow, sbRow);
                    event.rowStart().set(w.eq(0));
                    b.when(lastWord, () -> {
                        w.set(UInt.lit(0, wb));
                        b.when(keysZero, toGap).otherwise(() -> {
                            mode.set(UInt.lit(MK, 3));
                            j.set(UInt.lit(0, 32));
                            kRow.set(kBase);
                        });
                    }).otherwise(() -> w.set(w.addWrap(1)));
                })
                .is(MK, () -> {
                    slot(b, c, AttnTag.K, Bool.TRUE, kRow.addWrap(wA), w, j, lastWord, oRow, sbRow);
                    b.when(lastWord, () -> {
                        w.set(UInt.lit(0, wb));
                        b.when(lastKey, toGap).otherwise(() -> {
                            j.set(j.addWrap(1));
                            kRow.set(kRow.addWrap(kStride));
                        });
                    }).otherwise(() -> w.set(w.addWrap(1)));
                })
                .is(MG, () -> {
                    evAny.set(Bool.TRUE);
                    evMax.set(gap.eq(0));
                    b.when(gap.eq(0), () -> {
                        mode.set(keysZero.select(UInt.lit(MO, 3), UInt.lit(MV, 3)));
                        j.set(UInt.lit(0, 32));
                        vRow.set(vBase);
                    }).otherwise(() -> gap.set(gap.subWrap(1)));
                })
                .is(MV, () -> {
                    slot(b, c, AttnTag.V, Bool.TRUE, vRow.addWrap(wA), w, j, lastWord, oRow, sbRow);
                    event.init().set(j.eq(0));
                    event.rowLast().set(hasO.not().and(lastKey).and(lastWord));
                    b.when(lastWord, () -> {
                        w.set(UInt.lit(0, wb));
                        b.when(lastKey.not(), () -> {
                            j.set(j.addWrap(1));
                            vRow.set(vRow.addWrap(vStride));
                        }).elseWhen(hasO, () -> mode.set(UInt.lit(MO, 3))).otherwise(endRow);
                    }).otherwise(() -> w.set(w.addWrap(1)));
                })
                .is(MO, () -> {
                    slot(b, c, AttnTag.O, first.not(), oRow.addWrap(wA), w, j, lastWord, oRow, sbRow);
                    event.init().set(keysZero);
                    event.rowLast().set(lastWord);
                    b.when(lastWord, () -> {
                        w.set(UInt.lit(0, wb));
                        endRow.run();
                    }).otherwise(() -> w.set(w.addWrap(1)));
                });

        b.when(io.go(), () -> {
            UInt rows = io.field("rows");
            UInt nKeys = io.field("keys");
            Bool firstIn = io.<UInt>field("first").bit(0);
            rowsLeft.set(rows);
            keys.set(nKeys);
            first.set(firstIn);
            hasO.set(firstIn.not().or(nKeys.eq(0)));
            qRow.set(io.<UInt>field("q").resize(aw));
            kBase.set(io.<UInt>field("k").resize(aw));
            vBase.set(io.<UInt>field("v").resize(aw));
            oRow.set(io.<UInt>field("o").resize(aw));
            sbRow.set(io.<UInt>field("sbuf").resize(sw));
            lim.set(io.<SInt>field("diag").sext(34));
            qStride.set(io.<UInt>field("qStride").resize(aw));
            kStride.set(io.<UInt>field("kStride").resize(aw));
            vStride.set(io.<UInt>field("vStride").resize(aw));
            oStride.set(io.<UInt>field("oStride").resize(aw));
            w.set(UInt.lit(0, wb));
            j.set(UInt.lit(0, 32));
            mode.set(rows.eq(0).select(UInt.lit(IDLE, 3), UInt.lit(MQ, 3)));
        });
    }

    private void slot(ModuleBuilder b, AttnConfig c, int phase, Bool read, UInt addr, UInt w, UInt j, Bool lastWord,
                      UInt oRow, UInt sbRow) {
        evAny.set(Bool.TRUE);
        event.slot().set(Bool.TRUE);
        event.read().set(read);
        event.phase().set(UInt.lit(phase, 2));
        event.addr().set(addr);
        event.w().set(w);
        event.j().set(j.resize(c.scoreAddrBits()));
        event.lastWord().set(lastWord);
        event.oRow().set(oRow);
        event.sbRow().set(sbRow);
    }
}
