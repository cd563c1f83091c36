package dev.accelgen.pe.vector.moe;

import dev.accelgen.pe.accel.isa.VecInstr;
import dev.accelgen.pe.vector.VecEngineConfig;

/**
 * The scatter engine's sequencer (Java; {@link ScatterSeqRtl} is the same registers). SBUF: the list's count, the
 * first entry's token and gate, one cycle to see the count, then, during entry i's first two ABUF reads, entry
 * i+1's token and gate. ABUF: per
 * entry, word by word, the a word then the d word (d row from the entry's token). {@link #count} and
 * {@link #dNext} are loaded by the engine from SBUF data (the cycle after the read); {@link #tick} computes the
 * registered reads of the next cycle.
 */
final class ScatterSeq {
    enum SbKind { COUNT, TOKEN, GATE }

    /** An ABUF read: word w of entry {@code entry}'s a row or d row. */
    record AbRead(int addr, boolean d, int w, int entry) {
    }

    /** An SBUF read and what it is for ({@code entry}: whose token or gate). */
    record SbRead(int addr, SbKind kind, int entry) {
    }

    enum Mode { IDLE, HEAD, ENTRY }

    private final int abMask;
    private final int sbMask;
    private final int lanes;
    private Mode mode = Mode.IDLE;
    private int step;
    private int words;
    private int aRow;
    private int dRow;
    private int aStride;
    private int sbPtr;
    private int entry;
    private int w;
    private boolean dSlot;
    /** Loaded from SBUF data: the list's entries (low 16 bits) and the next entry's d row. */
    int count;
    int dNext;
    AbRead ab;
    SbRead sb;

    ScatterSeq(VecEngineConfig c) {
        abMask = c.abufMask();
        sbMask = (1 << c.sbufAddrBits()) - 1;
        lanes = c.lanes();
    }

    boolean active() {
        return mode != Mode.IDLE;
    }

    void start(VecInstr.VScatter v) {
        words = (v.len() + lanes - 1) / lanes;
        aRow = (int) v.a().value() & abMask;
        aStride = v.aStride();
        sbPtr = (int) v.sbuf().value() & sbMask;
        step = 0;
        entry = 0;
        w = 0;
        dSlot = false;
        mode = Mode.HEAD;
    }

    void tick() {
        ab = null;
        sb = null;
        switch (mode) {
            case HEAD -> {
                if (step == 3) {
                    mode = count == 0 ? Mode.IDLE : Mode.ENTRY;
                    return;
                }
                sb = new SbRead(sbPtr, step == 0 ? SbKind.COUNT : step == 1 ? SbKind.TOKEN : SbKind.GATE, 0);
                sbPtr = (sbPtr + 1) & sbMask;
                step++;
            }
            case ENTRY -> {
                boolean more = entry + 1 < count;
                if (w == 0 && more) {
                    sb = new SbRead(sbPtr, dSlot ? SbKind.GATE : SbKind.TOKEN, entry + 1);
                    sbPtr = (sbPtr + 1) & sbMask;
                }
                if (!dSlot) {
                    ab = new AbRead((aRow + w) & abMask, false, w, entry);
                    dSlot = true;
                    return;
                }
                if (w == 0) {
                    dRow = dNext;
                }
                ab = new AbRead((dRow + w) & abMask, true, w, entry);
                dSlot = false;
                if (w < words - 1) {
                    w++;
                    return;
                }
                w = 0;
                entry++;
                aRow = (aRow + aStride) & abMask;
                if (!more) {
                    mode = Mode.IDLE;
                }
            }
            case IDLE -> {
            }
        }
    }
}
