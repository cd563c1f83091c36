package dev.accelgen.pe.vector.moe;

import dev.accelgen.pe.accel.isa.QueuedInstr;
import dev.accelgen.pe.accel.isa.VecInstr;
import dev.accelgen.pe.accel.model.AbufPort;
import dev.accelgen.pe.accel.model.SbufPort;
import dev.accelgen.pe.vector.VecEngineConfig;
import dev.accelgen.pe.vector.arith.SoftmaxArith;
import dev.accelgen.pe.vector.arith.TopKArith;
import dev.accelgen.pe.vector.engine.EngineModel;
import java.util.ArrayDeque;

/**
 * Cycle model of {@link TopKEngine}: a pass's pick is made when its last word arrives (x stage); when a row's
 * last pass ends at the x stage in cycle X its gates are {@link TopKArith}'s and its SBUF writes follow from
 * X + {@value TopKEngine#WRITE_START}: per pick the token in cycle +2i+1 and the gate in +2i+2 (none when the
 * expert's list is full). After the last row (or at once without rows) the E counts are written, one per
 * cycle.
 */
public final class TopKModel implements EngineModel {
    private final VecEngineConfig cfg;
    private final int lanes;
    private final AbufPort ab;
    private final SbufPort sb = new SbufPort();
    private final TopKSeq seq;
    private final ArrayDeque<long[]> writes = new ArrayDeque<>();
    private TopKSeq.Event x;
    private boolean goIn;
    private QueuedInstr instrIn;
    private boolean started;
    private long now;
    private long busyEnd = -1;
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
        this.cfg = cfg;
        lanes = cfg.lanes();
        ab = new AbufPort(lanes);
        seq = new TopKSeq(cfg);
    }

    @Override
    public AbufPort abuf() {
        return ab;
    }

    @Override
    public SbufPort sbuf() {
        return sb;
    }

    @Override
    public boolean handles(QueuedInstr i) {
        return i instanceof VecInstr.VTopK;
    }

    @Override
    public void go(boolean go, QueuedInstr instr) {
        goIn = go;
        instrIn = instr;
    }

    @Override
    public boolean ready() {
        return !busy();
    }

    @Override
    public boolean busy() {
        return started || seq.active() || seq.ev != null || x != null || now <= busyEnd;
    }

    @Override
    public void drive() {
        ab.rdEn = seq.ev != null;
        ab.rdAddr = seq.ev != null ? seq.ev.addr() : 0;
        ab.wrEn = false;
        sb.rdEn = false;
        sb.wrEn = !writes.isEmpty() && writes.peek()[0] == now;
        if (sb.wrEn) {
            sb.wrAddr = (int) writes.peek()[1];
            sb.wrData = (int) writes.peek()[2];
        }
    }

    @Override
    public void tick() {
        if (sb.wrEn) {
            writes.poll();
        }
        if (x != null) {
            process(x, ab.rdData);
        }
        x = seq.ev;
        seq.tick();
        started = goIn;
        if (goIn) {
            VecInstr.VTopK v = (VecInstr.VTopK) instrIn;
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
        now++;
    }

    private void process(TopKSeq.Event e, int[] data) {
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
                write(start + 2L * i + 1, base, e.token());
                write(start + 2L * i + 2, base + 1, gates[i]);
                count[p]++;
            }
        }
        busyEnd = start + 2L * k;
        if (e.lastRow()) {
            writeCounts(start + 2L * k + 1);
        }
    }

    private void writeCounts(long from) {
        for (int ex = 0; ex < experts; ex++) {
            write(from + ex, TopKArith.listBase(sbuf, ex, capacity), count[ex]);
        }
        busyEnd = from + experts - 1;
    }

    private void write(long cycle, long addr, int data) {
        writes.add(new long[] {cycle, addr & ((1L << cfg.sbufAddrBits()) - 1), data});
    }
}
