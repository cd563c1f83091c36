package dev.accelgen.pe.vector.mlgru;

import dev.accelgen.pe.accel.isa.VecInstr;
import dev.accelgen.pe.vector.ReadSeqModel;
import dev.accelgen.pe.vector.VecEngineConfig;

/**
 * The MLGRU engine's sequencer (Java; {@link MlgruSeqRtl} is the same registers): the state row h (W words),
 * then per token row, word by word, its f, c and g words (at a, a + W, a + 2W), one read per cycle.
 */
final class MlgruSeq implements ReadSeqModel.Seq<MlgruSeq.Event> {
    /** One read: a state word ({@code pro}) or slot 0..2 (f, c, g) of word w of a row. */
    record Event(boolean pro, int addr, int w, int slot, boolean lastWord, boolean lastRow, int dAddr) implements ReadSeqModel.Read {
    }

    enum Mode { IDLE, PRO, ROWS }

    private final int abMask;
    private final int lanes;
    private Mode mode = Mode.IDLE;
    private long rowsLeft;
    private int words;
    private int aRow;
    private int dRow;
    private int hBase;
    private int aStride;
    private int dStride;
    private int w;
    private int slot;
    private int sec;
    private Event ev;

    MlgruSeq(VecEngineConfig c) {
        abMask = c.abufMask();
        lanes = c.lanes();
    }

    @Override
    public Event event() {
        return ev;
    }

    @Override
    public boolean active() {
        return mode != Mode.IDLE;
    }

    void start(VecInstr.VMlgru v) {
        rowsLeft = v.rows().value() & 0xFFFFFFFFL;
        words = (v.len() + lanes - 1) / lanes;
        aRow = (int) v.a().value() & abMask;
        dRow = (int) v.d().value() & abMask;
        hBase = (int) v.h().value() & abMask;
        aStride = v.aStride();
        dStride = v.dStride();
        w = 0;
        slot = 0;
        sec = 0;
        mode = rowsLeft == 0 ? Mode.IDLE : Mode.PRO;
    }

    @Override
    public void tick() {
        ev = null;
        boolean lastWord = w == words - 1;
        switch (mode) {
            case PRO -> {
                ev = new Event(true, (hBase + w) & abMask, w, 0, lastWord, false, 0);
                if (lastWord) {
                    w = 0;
                    mode = Mode.ROWS;
                } else {
                    w++;
                }
            }
            case ROWS -> {
                ev = new Event(false, (aRow + sec + w) & abMask, w, slot, lastWord, rowsLeft == 1, (dRow + w) & abMask);
                if (slot < 2) {
                    slot++;
                    sec += words;
                } else {
                    slot = 0;
                    sec = 0;
                    if (lastWord) {
                        w = 0;
                        rowsLeft--;
                        aRow = (aRow + aStride) & abMask;
                        dRow = (dRow + dStride) & abMask;
                        mode = rowsLeft == 0 ? Mode.IDLE : Mode.ROWS;
                    } else {
                        w++;
                    }
                }
            }
            case IDLE -> {
            }
        }
    }
}
