package dev.accelgen.pe.vector.rope;

import dev.accelgen.pe.accel.isa.QueuedInstr;
import dev.accelgen.pe.accel.isa.VecInstr;
import dev.accelgen.pe.vector.ReadSeqModel;
import dev.accelgen.pe.vector.arith.RopeArith;

/**
 * Cycle model of {@link RopeEngine}: the table row and each head are kept as elements of double-buffered local
 * rows; when a head's last word arrives (x stage, cycle X) its W output words are computed by {@link RopeArith}
 * and written in X + {@value RopeEngine#WRITE_LATENCY} + w.
 */
public final class RopeModel extends ReadSeqModel<RopeSeq.Event> {
    private final RopeSeq seq;
    private final int[][] table;
    private final int[][] head;
    private int headDim;
    private int words;

    public RopeModel(RopeConfig cfg) {
        this(cfg, new RopeSeq(cfg));
    }

    private RopeModel(RopeConfig cfg, RopeSeq seq) {
        super(cfg.vec(), seq);
        this.seq = seq;
        int elems = (1 << cfg.rowAddrBits()) * lanes;
        table = new int[2][elems];
        head = new int[2][elems];
    }

    @Override
    public boolean handles(QueuedInstr i) {
        return i instanceof VecInstr.VRope;
    }

    @Override
    protected void start(QueuedInstr instr) {
        VecInstr.VRope v = (VecInstr.VRope) instr;
        headDim = v.headDim();
        words = (headDim + lanes - 1) / lanes;
        seq.start(v);
    }

    @Override
    protected void process(RopeSeq.Event e, int[] data) {
        int[] row = e.table() ? table[e.tBank()] : head[e.hBank()];
        int base = (e.w() * lanes) % row.length;
        System.arraycopy(data, 0, row, base, lanes);
        if (e.table() || !e.lastWord()) {
            return;
        }
        for (int w = 0; w < words; w++) {
            int[] word = new int[lanes];
            for (int i = 0; i < lanes; i++) {
                int el = w * lanes + i;
                word[i] = el < headDim ? RopeArith.element(row, table[e.tBank()], headDim, el) : 0;
            }
            writeAbuf(now + RopeEngine.WRITE_LATENCY + w, e.dHead() + w, word);
        }
    }
}
