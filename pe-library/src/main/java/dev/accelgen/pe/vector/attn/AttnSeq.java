package dev.accelgen.pe.vector.attn;

import dev.accelgen.pe.accel.isa.VecInstr;
import dev.accelgen.pe.vector.attn.AttnEvent.Phase;

/**
 * The attention engine's sequencer (Java; {@link AttnSeqRtl} is the same registers): per query row the Q slots
 * (W words), the K slots (keys x W), {@value #GAP} gap cycles, the V slots (keys x W) and, unless the tile is the
 * row's first and has keys, the O slots (W). {@link #start} latches an instruction (go cycle); {@link #tick}
 * computes the registered event of the next cycle.
 */
final class AttnSeq {
    /** Gap cycles between a row's last K slot and its first V (or O) slot: the score pipeline and the max. */
    static final int GAP = 9;

    enum Mode { IDLE, Q, K, G, V, O }

    private final AttnConfig cfg;
    private final int abMask;
    private final int sbMask;
    private final int jMask;
    private Mode mode = Mode.IDLE;
    private long rowsLeft;
    private long keys;
    private int words;
    private boolean first;
    private boolean hasO;
    private int qRow;
    private int kBase;
    private int vBase;
    private int oRow;
    private int kRow;
    private int vRow;
    private int sbRow;
    private long lim;
    private int qStride;
    private int kStride;
    private int vStride;
    private int oStride;
    private int w;
    private long j;
    private int gap;

    /** The registered event of this cycle (null when idle). */
    AttnEvent ev;

    AttnSeq(AttnConfig cfg) {
        this.cfg = cfg;
        abMask = cfg.vec().abufMask();
        sbMask = (1 << cfg.vec().sbufAddrBits()) - 1;
        jMask = (1 << cfg.scoreAddrBits()) - 1;
    }

    boolean active() {
        return mode != Mode.IDLE;
    }

    static int words(int headDim, int lanes) {
        return (headDim + lanes - 1) / lanes;
    }

    void start(VecInstr.VAttn v) {
        rowsLeft = v.rows().value() & 0xFFFFFFFFL;
        keys = v.keys().value() & 0xFFFFFFFFL;
        words = words(v.headDim(), cfg.lanes());
        first = v.first();
        hasO = !first || keys == 0;
        qRow = (int) v.q().value() & abMask;
        kBase = (int) v.k().value() & abMask;
        vBase = (int) v.v().value() & abMask;
        oRow = (int) v.o().value() & abMask;
        sbRow = (int) v.sbuf().value() & sbMask;
        lim = (int) v.diag().value();
        qStride = v.qStride();
        kStride = v.kStride();
        vStride = v.vStride();
        oStride = v.oStride();
        w = 0;
        j = 0;
        mode = rowsLeft == 0 ? Mode.IDLE : Mode.Q;
    }

    void tick() {
        ev = null;
        boolean lastWord = w == words - 1;
        boolean lastKey = j == keys - 1;
        switch (mode) {
            case Q -> {
                ev = slot(Phase.Q, true, qRow + w, false, false);
                if (lastWord) {
                    w = 0;
                    if (keys == 0) {
                        toGap();
                    } else {
                        mode = Mode.K;
                        j = 0;
                        kRow = kBase;
                    }
                } else {
                    w++;
                }
            }
            case K -> {
                ev = slot(Phase.K, true, kRow + w, false, false);
                if (lastWord) {
                    w = 0;
                    if (lastKey) {
                        toGap();
                    } else {
                        j++;
                        kRow = (kRow + kStride) & abMask;
                    }
                } else {
                    w++;
                }
            }
            case G -> {
                ev = new AttnEvent(Phase.GAP, false, 0, 0, 0, lim, false, false, false, false, gap == 0, oRow, sbRow);
                if (gap == 0) {
                    mode = keys == 0 ? Mode.O : Mode.V;
                    j = 0;
                    vRow = vBase;
                } else {
                    gap--;
                }
            }
            case V -> {
                ev = slot(Phase.V, true, vRow + w, j == 0, !hasO && lastKey && lastWord);
                if (lastWord) {
                    w = 0;
                    if (!lastKey) {
                        j++;
                        vRow = (vRow + vStride) & abMask;
                    } else if (hasO) {
                        mode = Mode.O;
                    } else {
                        endRow();
                    }
                } else {
                    w++;
                }
            }
            case O -> {
                ev = slot(Phase.O, !first, oRow + w, keys == 0, lastWord);
                if (lastWord) {
                    w = 0;
                    endRow();
                } else {
                    w++;
                }
            }
            case IDLE -> {
            }
        }
    }

    private AttnEvent slot(Phase p, boolean read, int addr, boolean init, boolean rowLast) {
        return new AttnEvent(p, read, addr & abMask, w, (int) j & jMask, lim, w == words - 1, init,
                p == Phase.Q && w == 0, rowLast, false, oRow, sbRow);
    }

    private void toGap() {
        mode = Mode.G;
        gap = GAP - 1;
    }

    private void endRow() {
        rowsLeft--;
        qRow = (qRow + qStride) & abMask;
        oRow = (oRow + oStride) & abMask;
        sbRow = (sbRow + 2) & sbMask;
        lim++;
        mode = rowsLeft == 0 ? Mode.IDLE : Mode.Q;
    }
}
