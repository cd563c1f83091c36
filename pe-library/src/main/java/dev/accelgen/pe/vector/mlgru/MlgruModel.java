package dev.accelgen.pe.vector.mlgru;

import dev.accelgen.pe.accel.isa.QueuedInstr;
import dev.accelgen.pe.accel.isa.VecInstr;
import dev.accelgen.pe.accel.model.AbufPort;
import dev.accelgen.pe.accel.model.SbufPort;
import dev.accelgen.pe.vector.VecEngineConfig;
import dev.accelgen.pe.vector.arith.MlgruFxArith;
import dev.accelgen.pe.vector.engine.EngineModel;
import java.util.ArrayDeque;

/**
 * Cycle model of {@link MlgruEngine}: the state row in a local row; a g word at the x stage in cycle X completes
 * its word ({@link MlgruFxArith#step} per lane), written to d in X + 5; after the last row the state row is
 * written back to h, word w in X + 6 + w.
 */
public final class MlgruModel implements EngineModel {
    private final VecEngineConfig cfg;
    private final int lanes;
    private final AbufPort ab;
    private final SbufPort sb = new SbufPort();
    private final MlgruSeq seq;
    private final int[][] h;
    private final int[] f;
    private final int[] c;
    private final ArrayDeque<long[]> writes = new ArrayDeque<>();
    private final ArrayDeque<int[]> writeData = new ArrayDeque<>();
    private MlgruSeq.Event x;
    private boolean goIn;
    private QueuedInstr instrIn;
    private boolean started;
    private long now;
    private long busyEnd = -1;
    private int len;
    private int words;
    private int hBase;

    public MlgruModel(VecEngineConfig cfg) {
        this.cfg = cfg;
        lanes = cfg.lanes();
        ab = new AbufPort(lanes);
        seq = new MlgruSeq(cfg);
        h = new int[1 << cfg.localAddrBits()][lanes];
        f = new int[lanes];
        c = new int[lanes];
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
        return i instanceof VecInstr.VMlgru;
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
            VecInstr.VMlgru v = (VecInstr.VMlgru) instrIn;
            len = v.len();
            words = (len + lanes - 1) / lanes;
            hBase = (int) v.h().value();
            seq.start(v);
        }
        now++;
    }

    private void process(MlgruSeq.Event e, int[] data) {
        int[] state = h[e.w() & (h.length - 1)];
        if (e.pro()) {
            System.arraycopy(data, 0, state, 0, lanes);
            return;
        }
        if (e.slot() < 2) {
            System.arraycopy(data, 0, e.slot() == 0 ? f : c, 0, lanes);
            return;
        }
        int[] d = new int[lanes];
        for (int i = 0; i < lanes; i++) {
            MlgruFxArith.Step s = MlgruFxArith.step(f[i], c[i], data[i], state[i]);
            state[i] = s.h();
            d[i] = valid(e.w(), i) ? s.o() : 0;
        }
        schedule(now + MlgruEngine.WRITE_LATENCY, e.dAddr(), d);
        if (e.lastWord() && e.lastRow()) {
            for (int w = 0; w < words; w++) {
                int[] word = new int[lanes];
                for (int i = 0; i < lanes; i++) {
                    word[i] = valid(w, i) ? h[w & (h.length - 1)][i] : 0;
                }
                schedule(now + MlgruEngine.WRITE_LATENCY + 1 + w, (hBase + w) & cfg.abufMask(), word);
            }
            busyEnd = now + MlgruEngine.WRITE_LATENCY + words;
        }
    }

    private void schedule(long cycle, int addr, int[] word) {
        writes.add(new long[] {cycle, addr});
        writeData.add(word);
    }

    private boolean valid(int w, int i) {
        return w * lanes + i < len;
    }
}
