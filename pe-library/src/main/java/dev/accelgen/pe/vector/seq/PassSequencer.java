package dev.accelgen.pe.vector.seq;

import dev.accelgen.pe.vector.VecEngineConfig;

/**
 * The read sequencer every vector engine shares (Java model; {@link PassSequencerRtl} is the same registers in
 * RTL). One read per cycle while active: the plan's prologue rows, one idle cycle, then row by row each pass
 * over the row's words, a pass's last read followed by its gap. {@link #start} latches a plan (the engine's
 * go cycle); {@link #tick} computes the registered read request and its {@link Tag} for the next cycle.
 */
public final class PassSequencer {
    enum Mode { IDLE, PRO, ROWS, GAP }

    private final VecEngineConfig cfg;
    private final int mask;
    private Mode mode = Mode.IDLE;
    private long rowsLeft;
    private int words;
    private int tail;
    private int passes;
    private final int[] gaps = new int[3];
    private boolean dual;
    private int nPro;
    private final int[] pro = new int[2];
    private int aStride;
    private int bStride;
    private int dStride;
    private int k;
    private int w;
    private int pass;
    private boolean slot;
    private int rowA;
    private int rowB;
    private int rowD;
    private int gapCnt;

    /** Registered outputs: the read request of this cycle and what it is for (null when no read). */
    public boolean rdEn;
    public int rdAddr;
    public Tag tag;

    public PassSequencer(VecEngineConfig cfg) {
        this.cfg = cfg;
        this.mask = cfg.abufMask();
    }

    public boolean active() {
        return mode != Mode.IDLE;
    }

    /** Words per row of the latched plan. */
    public int words() {
        return words;
    }

    /** Whether lane {@code i} of word {@code w} lies within the row ({@code w*V + i < len}). */
    public boolean laneValid(int w, int i) {
        return w != words - 1 || i < tail;
    }

    public void start(SeqPlan p) {
        int v = cfg.lanes();
        rowsLeft = p.rows();
        words = (p.len() + v - 1) / v;
        tail = p.len() % v == 0 ? v : p.len() % v;
        passes = p.passes();
        System.arraycopy(p.gaps(), 0, gaps, 0, p.passes());
        dual = p.dual();
        nPro = p.nPro();
        pro[0] = p.pro0() & mask;
        pro[1] = p.pro1() & mask;
        aStride = p.aStride();
        bStride = p.bStride();
        dStride = p.dStride();
        rowA = p.a() & mask;
        rowB = p.b() & mask;
        rowD = p.d() & mask;
        k = 0;
        w = 0;
        pass = 0;
        slot = false;
        mode = p.rows() == 0 ? Mode.IDLE : nPro > 0 ? Mode.PRO : Mode.ROWS;
    }

    public void tick() {
        rdEn = false;
        tag = null;
        switch (mode) {
            case PRO -> {
                rdEn = true;
                rdAddr = (pro[k] + w) & mask;
                tag = new Tag(true, k, 0, false, w, w == words - 1, 0, false);
                if (w == words - 1) {
                    w = 0;
                    if (k == nPro - 1) {
                        k = 0;
                        mode = Mode.GAP;
                        gapCnt = 0;
                    } else {
                        k++;
                    }
                } else {
                    w++;
                }
            }
            case ROWS -> {
                rdEn = true;
                rdAddr = ((slot ? rowB : rowA) + w) & mask;
                tag = new Tag(false, 0, pass, slot, w, w == words - 1, (rowD + w) & mask, rowsLeft == 1);
                if (dual && !slot) {
                    slot = true;
                } else {
                    slot = false;
                    if (w == words - 1) {
                        w = 0;
                        endOfPass();
                    } else {
                        w++;
                    }
                }
            }
            case GAP -> {
                if (gapCnt == 0) {
                    mode = Mode.ROWS;
                } else {
                    gapCnt--;
                }
            }
            case IDLE -> {
            }
        }
    }

    private void endOfPass() {
        int g = gaps[pass];
        if (pass == passes - 1) {
            pass = 0;
            rowsLeft--;
            rowA = (rowA + aStride) & mask;
            rowB = (rowB + bStride) & mask;
            rowD = (rowD + dStride) & mask;
            if (rowsLeft == 0) {
                mode = Mode.IDLE;
                return;
            }
        } else {
            pass++;
        }
        if (g > 0) {
            mode = Mode.GAP;
            gapCnt = g - 1;
        }
    }
}
