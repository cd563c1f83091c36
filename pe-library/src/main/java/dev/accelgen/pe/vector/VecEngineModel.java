package dev.accelgen.pe.vector;

import dev.accelgen.pe.accel.isa.Opnd;
import dev.accelgen.pe.accel.isa.QueuedInstr;
import dev.accelgen.pe.accel.model.AbufPort;
import dev.accelgen.pe.accel.model.SbufPort;
import dev.accelgen.pe.vector.engine.EngineModel;
import dev.accelgen.pe.vector.seq.PassSequencer;
import dev.accelgen.pe.vector.seq.SeqPlan;
import dev.accelgen.pe.vector.seq.Tag;

/**
 * The Java model skeleton of a vector engine, mirroring {@link VecEngineRtl}: a {@link PassSequencer} drives
 * the ABUF read port; the read data arrives one cycle later together with the read's {@link Tag} (the
 * "x" stage); the engine's own pipeline follows. {@code busy} is high from the cycle after {@code go} until
 * the sequencer is idle, its last read returned and the pipeline is empty; {@code ready = !busy}.
 */
public abstract class VecEngineModel implements EngineModel {
    protected final VecEngineConfig cfg;
    protected final AbufPort ab;
    protected final SbufPort sb = new SbufPort();
    protected final PassSequencer seq;
    private boolean goIn;
    private QueuedInstr instrIn;
    private boolean started;
    private boolean xValid;
    private Tag xTag;

    protected VecEngineModel(VecEngineConfig cfg) {
        this.cfg = cfg;
        this.ab = new AbufPort(cfg.lanes());
        this.seq = new PassSequencer(cfg);
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
        return started || seq.active() || seq.rdEn || xValid || pipelineBusy();
    }

    @Override
    public final void drive() {
        ab.rdEn = seq.rdEn;
        ab.rdAddr = seq.rdAddr;
        ab.wrEn = false;
        sb.rdEn = false;
        sb.wrEn = false;
        driveWrites();
    }

    @Override
    public final void tick() {
        boolean dataValid = xValid;
        Tag dataTag = xTag;
        xValid = seq.rdEn;
        xTag = seq.tag;
        seq.tick();
        step(dataValid, dataTag, ab.rdData, xTag);
        started = goIn;
        if (goIn) {
            seq.start(start(instrIn));
        }
    }

    /** Sets this cycle's write ports (ABUF {@code ab.wr*}, SBUF {@code sb.wr*}) from registers. */
    protected abstract void driveWrites();

    /** Whether any stage after the x stage holds work. */
    protected abstract boolean pipelineBusy();

    /**
     * One clock edge of the engine's pipeline, last stage first: {@code data} is the ABUF word read for
     * {@code tag} (when {@code valid}); {@code issuing} is the read the sequencer requests this cycle (null if
     * none), for local buffer reads aligned with it.
     */
    protected abstract void step(boolean valid, Tag tag, int[] data, Tag issuing);

    /** Latches the instruction's parameters (go cycle) and returns the sequencer's plan. */
    protected abstract SeqPlan start(QueuedInstr instr);

    /** A resolved operand's 32-bit value. */
    protected static int val(Opnd o) {
        return (int) o.value();
    }

    /** A resolved row-count operand (unsigned 32-bit). */
    protected static long rows(Opnd o) {
        return o.value() & 0xFFFFFFFFL;
    }
}
