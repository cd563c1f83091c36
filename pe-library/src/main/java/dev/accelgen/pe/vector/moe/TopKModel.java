package dev.accelgen.pe.vector.moe;

import dev.accelgen.pe.accel.isa.QueuedInstr;
import dev.accelgen.pe.accel.isa.VecInstr;
import dev.accelgen.pe.vector.ReadSeqModel;
import dev.accelgen.pe.vector.VecEngineConfig;
import dev.accelgen.pe.vector.arith.SoftmaxArith;
import dev.accelgen.pe.vector.arith.TopKArith;

/**
 * Cycle model of {@link TopKEngine}: a pass's pick is made when its last word arrives (x stage); when a row's
 * last pass ends at the x stage in cycle X its gates are {@link TopKArith}'s and its SBUF writes follow from
 * X + {@value TopKEngine#WRITE_START}: per pick the token in cycle +2i+1 and the gate in +2i+2 (none when the
 * expert's list is full). After the last row (or at once without rows) the E counts are written, one per
 * cycle.
 */
public final class TopKModel extends ReadSeqModel<TopKSeq.Event> {
    private final TopKSeq seq;
    private int experts;
    private int k;
    private int capacity;
    private long sbuf;
    private int[] count = new int[0];
    private boolean[] picked = new boolean[0];
    private int[] picks = new int[0];
    private int[] values = new int[0];
    private boolean bestValid;
    private int best;
    private int bestValue;

    public TopKModel(VecEngineConfig cfg) {
        this(cfg, new TopKSeq(cfg));
    }

    private TopKModel(VecEngineConfig cfg, TopKSeq seq) {
        super(cfg, seq);
        this.seq = seq;
    }

    @Override
    public boolean handles(QueuedInstr i) {
        return i instanceof VecInstr.VTopK;
    }

    @Override
    protected void start(QueuedInstr instr) {
        VecInstr.VTopK v = (VecInstr.VTopK) instr;
        experts = v.experts();
        k = v.k();
        capacity = v.capacity();
        sbuf = v.sbuf().value();
        count = new int[experts];
        picks = new int[k];
        values = new int[k];
        seq.start(v);
        if ((v.rows().value() & 0xFFFFFFFFL) == 0) {
            writeCounts(now + 2);
        }
    }

    @Override
    protected void process(TopKSeq.Event e, int[] data) {
        if (e.pass() == 0 && e.w() == 0) {
            picked = new boolean[experts];
        }
        if (e.w() == 0) {
            bestValid = false;
        }
        for (int i = 0; i < lanes; i++) {
            int ex = e.w() * lanes + i;
            if (ex < experts && !picked[ex] && (!bestValid || data[i] > bestValue)) {
                bestValid = true;
                best = ex;
                bestValue = data[i];
            }
        }
        if (!e.lastWord()) {
            return;
        }
        picked[best] = true;
        picks[e.pass()] = best;
        values[e.pass()] = bestValue;
        if (!e.lastPass()) {
            return;
        }
        int[] gates = SoftmaxArith.row(values, k);
        long start = now + TopKEngine.WRITE_START;
        for (int i = 0; i < k; i++) {
            int p = picks[i];
            if (count[p] < capacity) {
                long base = TopKArith.listBase(sbuf, p, capacity) + 1 + 2L * count[p];
                writeSbuf(start + 2L * i + 1, base, e.token());
                writeSbuf(start + 2L * i + 2, base + 1, gates[i]);
                count[p]++;
            }
        }
        if (e.lastRow()) {
            writeCounts(start + 2L * k + 1);
        }
    }

    private void writeCounts(long from) {
        for (int ex = 0; ex < experts; ex++) {
            writeSbuf(from + ex, TopKArith.listBase(sbuf, ex, capacity), count[ex]);
        }
    }
}
