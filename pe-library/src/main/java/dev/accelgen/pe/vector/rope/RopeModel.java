package dev.accelgen.pe.vector.rope;

import dev.accelgen.pe.accel.isa.QueuedInstr;
import dev.accelgen.pe.accel.isa.VecInstr;
import dev.accelgen.pe.accel.model.AbufPort;
import dev.accelgen.pe.accel.model.SbufPort;
import dev.accelgen.pe.vector.arith.RopeArith;
import dev.accelgen.pe.vector.engine.EngineModel;
import java.util.ArrayDeque;

/**
 * Cycle model of {@link RopeEngine}: the table row and each head are kept as elements of double-buffered local
 * rows; when a head's last word arrives (x stage, cycle X) its W output words are computed by {@link RopeArith}
 * and written in X + {@value RopeEngine#WRITE_LATENCY} + w.
 */
public final class RopeModel implements EngineModel {
    private final RopeConfig cfg;
    private final int lanes;
    private final AbufPort ab;
    private final SbufPort sb = new SbufPort();
    private final RopeSeq seq;
    private final int[][] table;
    private final int[][] head;
    private final ArrayDeque<long[]> writes = new ArrayDeque<>();
    private final ArrayDeque<int[]> writeData = new ArrayDeque<>();
    private RopeSeq.Event x;
    private boolean goIn;
    private QueuedInstr instrIn;
    private boolean started;
    private long now;
    private long busyEnd = -1;
    private int headDim;
    private int words;

    public RopeModel(RopeConfig cfg) {
        this.cfg = cfg;
        lanes = cfg.lanes();
        ab = new AbufPort(lanes);
        seq = new RopeSeq(cfg);
        int elems = (1 << cfg.rowAddrBits()) * lanes;
        table = new int[2][elems];
        head = new int[2][elems];
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
        return i instanceof VecInstr.VRope;
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
        ab.wrEn = !writes.isEmpty() && writes.peek()[0] == now;
        if (ab.wrEn) {
            ab.wrAddr = (int) writes.peek()[1];
            System.arraycopy(writeData.peek(), 0, ab.wrData, 0, lanes);
        }
        sb.idle();
    }

    @Override
    public void tick() {
        if (ab.wrEn) {
            writes.poll();
            writeData.poll();
        }
        if (x != null) {
            process(x, ab.rdData);
        }
        x = seq.ev;
        seq.tick();
        started = goIn;
        if (goIn) {
            VecInstr.VRope v = (VecInstr.VRope) instrIn;
            headDim = v.headDim();
            words = (headDim + lanes - 1) / lanes;
            seq.start(v);
        }
        now++;
    }

    private void process(RopeSeq.Event e, int[] data) {
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
            writes.add(new long[] {now + RopeEngine.WRITE_LATENCY + w, (e.dHead() + w) & cfg.vec().abufMask()});
            writeData.add(word);
        }
        busyEnd = now + RopeEngine.WRITE_LATENCY + words - 1;
    }
}
