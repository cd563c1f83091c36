package dev.accelgen.pe.vector.moe;

import dev.accelgen.pe.accel.isa.VecInstr;
import dev.accelgen.pe.vector.ReadSeqModel;
import dev.accelgen.pe.vector.VecEngineConfig;

/**
 * The top-k engine's sequencer (Java; {@link TopKSeqRtl} is the same registers): per token row k passes over the
 * row's W = ceil(experts / V) words, one read per cycle, {@value #PASS_GAP} idle cycles after each pass (the
 * pick) and {@value #ROW_GAP} more after each row but the last (the row's picks are double buffered).
 */
final class TopKSeq implements ReadSeqModel.Seq<TopKSeq.Event> {
    static final int PASS_GAP = 2;
    static final int ROW_GAP = 3;

    /** One read: word w of pass {@code pass} of row {@code token}; {@code bank} is the row's parity. */
    record Event(int addr, int w, int pass, boolean lastWord, boolean lastPass, boolean lastRow, int bank, int token) implements ReadSeqModel.Read {
    }

    enum Mode { IDLE, READ, GAP }

    private final int abMask;
    private final int lanes;
    private Mode mode = Mode.IDLE;
    private long rowsLeft;
    private int words;
    private int k;
    private int aRow;
    private int aStride;
    private int w;
    private int pass;
    private int gap;
    private int bank;
    private int token;
    private Event ev;

    TopKSeq(VecEngineConfig c) {
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

    void start(VecInstr.VTopK v) {
        rowsLeft = v.rows().value() & 0xFFFFFFFFL;
        words = (v.experts() + lanes - 1) / lanes;
        k = v.k();
        aRow = (int) v.a().value() & abMask;
        aStride = v.aStride();
        w = 0;
        pass = 0;
        bank = 0;
        token = 0;
        mode = rowsLeft == 0 ? Mode.IDLE : Mode.READ;
    }

    @Override
    public void tick() {
        ev = null;
        switch (mode) {
            case READ -> {
                boolean lastWord = w == words - 1;
                boolean lastPass = pass == k - 1;
                ev = new Event((aRow + w) & abMask, w, pass, lastWord, lastPass, rowsLeft == 1, bank, token);
                if (!lastWord) {
                    w++;
                    return;
                }
                w = 0;
                if (!lastPass) {
                    pass++;
                    gap(PASS_GAP);
                    return;
                }
                pass = 0;
                rowsLeft--;
                aRow = (aRow + aStride) & abMask;
                bank ^= 1;
                token++;
                if (rowsLeft == 0) {
                    mode = Mode.IDLE;
                } else {
                    gap(PASS_GAP + ROW_GAP);
                }
            }
            case GAP -> {
                if (--gap == 0) {
                    mode = Mode.READ;
                }
            }
            case IDLE -> {
            }
        }
    }

    private void gap(int cycles) {
        mode = Mode.GAP;
        gap = cycles;
    }
}
