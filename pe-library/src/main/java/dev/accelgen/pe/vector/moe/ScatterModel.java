package dev.accelgen.pe.vector.moe;

import dev.accelgen.pe.accel.isa.QueuedInstr;
import dev.accelgen.pe.accel.isa.VecInstr;
import dev.accelgen.pe.vector.ScheduledModel;
import dev.accelgen.pe.vector.VecEngineConfig;
import dev.accelgen.pe.vector.arith.ScatterArith;

/**
 * Cycle model of {@link ScatterEngine}: SBUF data sets the sequencer's count and next d row and the gates (two,
 * by entry parity); an a word is held until its d word arrives (x stage, cycle X), whose combined word
 * ({@link ScatterArith}) is written back in X + 1.
 */
public final class ScatterModel extends ScheduledModel {
    private final ScatterSeq seq;
    private final int[] gates = new int[2];
    private final int[] held;
    private ScatterSeq.AbRead abX;
    private ScatterSeq.SbRead sbX;
    private int len;
    private int d;
    private int dStride;

    public ScatterModel(VecEngineConfig cfg) {
        super(cfg);
        seq = new ScatterSeq(cfg);
        held = new int[lanes];
    }

    @Override
    public boolean handles(QueuedInstr i) {
        return i instanceof VecInstr.VScatter;
    }

    @Override
    protected boolean working() {
        return seq.active() || seq.ab != null || seq.sb != null || abX != null || sbX != null;
    }

    @Override
    protected void driveReads() {
        ab.rdEn = seq.ab != null;
        ab.rdAddr = seq.ab != null ? seq.ab.addr() : 0;
        sb.rdEn = seq.sb != null;
        sb.rdAddr = seq.sb != null ? seq.sb.addr() : 0;
    }

    @Override
    protected void step() {
        ScatterSeq.AbRead a = abX;
        ScatterSeq.SbRead s = sbX;
        abX = seq.ab;
        sbX = seq.sb;
        seq.tick();
        if (a != null && !a.d()) {
            System.arraycopy(ab.rdData, 0, held, 0, lanes);
        } else if (a != null) {
            int gate = gates[a.entry() & 1];
            int[] out = new int[lanes];
            for (int i = 0; i < lanes; i++) {
                out[i] = a.w() * lanes + i < len ? ScatterArith.combine(ab.rdData[i], gate, held[i]) : 0;
            }
            writeAbuf(now + 1, a.addr(), out);
        }
        if (s != null) {
            switch (s.kind()) {
                case COUNT -> seq.count = sb.rdData & 0xFFFF;
                case TOKEN -> seq.dNext = abAddr(d + (long) sb.rdData * dStride);
                case GATE -> gates[s.entry() & 1] = sb.rdData;
            }
        }
    }

    @Override
    protected void start(QueuedInstr instr) {
        VecInstr.VScatter v = (VecInstr.VScatter) instr;
        len = v.len();
        d = (int) v.d().value();
        dStride = v.dStride();
        seq.start(v);
    }
}
