package dev.accelgen.pe.vector.rope;

import dev.accelgen.pe.accel.isa.VecInstr;
import dev.accelgen.pe.vector.ReadSeqModel;

/**
 * The RoPE engine's sequencer (Java; the RTL in {@link RopeEngine} has the same registers): per row the table
 * row's words (W = ceil(headDim / V)), then each head's W words, one read per cycle. Local rows are double
 * buffered: the table bank flips per row, the head bank per head. {@link #tick} computes the registered event of
 * the next cycle.
 */
final class RopeSeq implements ReadSeqModel.Seq<RopeSeq.Event> {
    /** One read: a table word ({@code table}) or a head word; {@code dHead} is the head's output row. */
    record Event(boolean table, int addr, int w, boolean lastWord, int tBank, int hBank, int dHead) implements ReadSeqModel.Read {
    }

    enum Mode { IDLE, T, A }

    private final int abMask;
    private final int lanes;
    private Mode mode = Mode.IDLE;
    private long rowsLeft;
    private int words;
    private int headDim;
    private int len;
    private int aRow;
    private int tRow;
    private int dRow;
    private int aHead;
    private int dHead;
    private int aStride;
    private int tStride;
    private int dStride;
    private int done;
    private int w;
    private int tBank;
    private int hBank;
    private Event ev;

    RopeSeq(RopeConfig c) {
        abMask = c.vec().abufMask();
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

    void start(VecInstr.VRope v) {
        rowsLeft = v.rows().value() & 0xFFFFFFFFL;
        headDim = v.headDim();
        len = v.len();
        words = (headDim + lanes - 1) / lanes;
        aRow = (int) v.a().value() & abMask;
        tRow = (int) v.t().value() & abMask;
        dRow = (int) v.d().value() & abMask;
        aStride = v.aStride();
        tStride = v.tStride();
        dStride = v.dStride();
        w = 0;
        tBank = 0;
        hBank = 0;
        mode = rowsLeft == 0 ? Mode.IDLE : Mode.T;
    }

    @Override
    public void tick() {
        ev = null;
        boolean lastWord = w == words - 1;
        switch (mode) {
            case T -> {
                ev = new Event(true, (tRow + w) & abMask, w, lastWord, tBank, hBank, 0);
                if (lastWord) {
                    w = 0;
                    mode = Mode.A;
                    done = 0;
                    aHead = aRow;
                    dHead = dRow;
                } else {
                    w++;
                }
            }
            case A -> {
                ev = new Event(false, (aHead + w) & abMask, w, lastWord, tBank, hBank, dHead);
                if (lastWord) {
                    w = 0;
                    hBank ^= 1;
                    if (done + headDim == len) {
                        rowsLeft--;
                        aRow = (aRow + aStride) & abMask;
                        tRow = (tRow + tStride) & abMask;
                        dRow = (dRow + dStride) & abMask;
                        tBank ^= 1;
                        mode = rowsLeft == 0 ? Mode.IDLE : Mode.T;
                    } else {
                        done += headDim;
                        aHead = (aHead + words) & abMask;
                        dHead = (dHead + words) & abMask;
                    }
                } else {
                    w++;
                }
            }
            case IDLE -> {
            }
        }
    }
}
