package dev.accelgen.pe.vector.attn;

import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.UInt;

/**
 * A read slot's tag in RTL ({@link AttnEvent} without the gap fields): the sequencer's event registers and each
 * stage of the read delay line and the x stage. {@code phase}: 0 Q, 1 K, 2 V, 3 O.
 */
record AttnTag(Bool slot, Bool read, UInt phase, UInt addr, UInt w, UInt j, Bool lastWord, Bool init, Bool rowStart,
               Bool rowLast, UInt oRow, UInt sbRow) {
    static final int Q = 0;
    static final int K = 1;
    static final int V = 2;
    static final int O = 3;

    /** The same tag one cycle later (registers named {@code p_<field>}). */
    AttnTag next(ModuleBuilder b, String p) {
        return new AttnTag(b.regNext(p + "_slot", slot, 0), b.regNext(p + "_read", read, 0),
                b.regNext(p + "_phase", phase, 0), b.regNext(p + "_addr", addr, 0), b.regNext(p + "_w", w, 0),
                b.regNext(p + "_j", j, 0), b.regNext(p + "_last_word", lastWord, 0), b.regNext(p + "_init", init, 0),
                b.regNext(p + "_row_start", rowStart, 0), b.regNext(p + "_row_last", rowLast, 0),
                b.regNext(p + "_o_row", oRow, 0), b.regNext(p + "_sb_row", sbRow, 0));
    }

    Bool is(int ph) {
        return slot.and(phase.eq(ph));
    }
}
