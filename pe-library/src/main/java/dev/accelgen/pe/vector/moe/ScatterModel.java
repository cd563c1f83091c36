package dev.accelgen.pe.vector.moe;

import dev.accelgen.pe.accel.isa.QueuedInstr;
import dev.accelgen.pe.accel.isa.VecInstr;
import dev.accelgen.pe.accel.model.AbufPort;
import dev.accelgen.pe.accel.model.SbufPort;
import dev.accelgen.pe.vector.VecEngineConfig;
import dev.accelgen.pe.vector.arith.ScatterArith;
import dev.accelgen.pe.vector.engine.EngineModel;

/**
 * Cycle model of {@link ScatterEngine}: SBUF data sets the sequencer's count and next d row and the gates (two,
 * by entry parity); an a word is held until its d word arrives (x stage, cycle X), whose combined word
 * ({@link ScatterArith}) is written back in X + 1.
 */
public final class ScatterModel implements EngineModel {
    private final VecEngineConfig cfg;
    private final int lanes;
    private final AbufPort ab;
    private final SbufPort sb = new SbufPort();
    private final ScatterSeq seq;
    private final int[] gates = new int[2];
    private final int[] held;
    private final int[] out;
    private ScatterSeq.AbRead abX;
    private ScatterSeq.SbRead sbX;
    private boolean goIn;
    private QueuedInstr instrIn;
    private boolean started;
    private boolean wrEn;
    private int wrAddr;
    private int len;
    private int d;
    private int dStride;

    public ScatterModel(VecEngineConfig cfg) {
        this.cfg = cfg;
        lanes = cfg.lanes();
        ab = new AbufPort(lanes);
        seq = new ScatterSeq(cfg);
        held = new int[lanes];
        out = new int[lanes];
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
        return i instanceof VecInstr.VScatter;
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
        return started || seq.active() || seq.ab != null || seq.sb != null || abX != null || sbX != null || wrEn;
    }

    @Override
    public void drive() {
        ab.rdEn = seq.ab != null;
        ab.rdAddr = seq.ab != null ? seq.ab.addr() : 0;
        sb.rdEn = seq.sb != null;
        sb.rdAddr = seq.sb != null ? seq.sb.addr() : 0;
        ab.wrEn = wrEn;
        ab.wrAddr = wrAddr;
        System.arraycopy(out, 0, ab.wrData, 0, lanes);
        sb.wrEn = false;
    }

    @Override
    public void tick() {
        int[] data = ab.rdData;
        int sbData = sb.rdData;
        ScatterSeq.AbRead a = abX;
        ScatterSeq.SbRead s = sbX;
        abX = seq.ab;
        sbX = seq.sb;
        seq.tick();
        wrEn = a != null && a.d();
        if (a != null && !a.d()) {
            System.arraycopy(data, 0, held, 0, lanes);
        } else if (wrEn) {
            wrAddr = a.addr();
            int gate = gates[a.entry() & 1];
            for (int i = 0; i < lanes; i++) {
                out[i] = a.w() * lanes + i < len ? ScatterArith.combine(data[i], gate, held[i]) : 0;
            }
        }
        if (s != null) {
            switch (s.kind()) {
                case COUNT -> seq.count = sbData & 0xFFFF;
                case TOKEN -> seq.dNext = (d + sbData * dStride) & cfg.abufMask();
                case GATE -> gates[s.entry() & 1] = sbData;
            }
        }
        started = goIn;
        if (goIn) {
            VecInstr.VScatter v = (VecInstr.VScatter) instrIn;
            len = v.len();
            d = (int) v.d().value();
            dStride = v.dStride();
            seq.start(v);
        }
    }
}
