package dev.accelgen.pe.vector;

import dev.accelgen.pe.accel.isa.QueuedInstr;
import dev.accelgen.pe.accel.model.AbufPort;
import dev.accelgen.pe.accel.model.SbufPort;
import dev.accelgen.pe.vector.engine.EngineModel;
import java.util.ArrayDeque;

/**
 * The Java model skeleton of an engine with its own sequencer (attention, RoPE, MLGRU, MoE): the engine drives
 * its reads from its sequencer's registers, does a read's arithmetic when the data arrives and schedules each
 * buffer write for the cycle its RTL pipeline produces it. {@code busy} is high from the cycle after {@code go}
 * while the sequencer or the read pipeline holds work and until the last scheduled write; {@code ready = !busy}.
 */
public abstract class ScheduledModel implements EngineModel {
    private record AbWrite(long cycle, int addr, int[] data) {
    }

    private record SbWrite(long cycle, int addr, int data) {
    }

    protected final int lanes;
    protected final AbufPort ab;
    protected final SbufPort sb = new SbufPort();
    private final int abMask;
    private final int sbMask;
    private final ArrayDeque<AbWrite> abWrites = new ArrayDeque<>();
    private final ArrayDeque<SbWrite> sbWrites = new ArrayDeque<>();
    private boolean goIn;
    private QueuedInstr instrIn;
    private boolean started;
    private long lastWrite = -1;
    /** The cycle being simulated (0 = the first edge after reset). */
    protected long now;

    protected ScheduledModel(VecEngineConfig cfg) {
        lanes = cfg.lanes();
        ab = new AbufPort(lanes);
        abMask = cfg.abufMask();
        sbMask = (1 << cfg.sbufAddrBits()) - 1;
    }

    @Override
    public final AbufPort abuf() {
        return ab;
    }

    @Override
    public final SbufPort sbuf() {
        return sb;
    }

    @Override
    public final void go(boolean go, QueuedInstr instr) {
        goIn = go;
        instrIn = instr;
    }

    @Override
    public final boolean ready() {
        return !busy();
    }

    @Override
    public final boolean busy() {
        return started || working() || now <= lastWrite;
    }

    @Override
    public final void drive() {
        ab.rdEn = false;
        sb.rdEn = false;
        driveReads();
        AbWrite a = abWrites.peek();
        ab.wrEn = a != null && a.cycle() == now;
        if (ab.wrEn) {
            ab.wrAddr = a.addr();
            System.arraycopy(a.data(), 0, ab.wrData, 0, lanes);
        }
        SbWrite s = sbWrites.peek();
        sb.wrEn = s != null && s.cycle() == now;
        if (sb.wrEn) {
            sb.wrAddr = s.addr();
            sb.wrData = s.data();
        }
    }

    @Override
    public final void tick() {
        if (ab.wrEn) {
            abWrites.poll();
        }
        if (sb.wrEn) {
            sbWrites.poll();
        }
        step();
        started = goIn;
        if (goIn) {
            start(instrIn);
        }
        now++;
    }

    /** An ABUF word address wrapped at the depth. */
    protected final int abAddr(long addr) {
        return (int) (addr & abMask);
    }

    /** An SBUF entry address wrapped at the depth. */
    protected final int sbAddr(long addr) {
        return (int) (addr & sbMask);
    }

    /** Schedules an ABUF write of {@code word} (copied) in {@code cycle}; writes are scheduled in cycle order. */
    protected final void writeAbuf(long cycle, long addr, int[] word) {
        abWrites.add(new AbWrite(cycle, abAddr(addr), word.clone()));
        lastWrite = Math.max(lastWrite, cycle);
    }

    protected final void writeSbuf(long cycle, long addr, int data) {
        sbWrites.add(new SbWrite(cycle, sbAddr(addr), data));
        lastWrite = Math.max(lastWrite, cycle);
    }

    /** Sets this cycle's read requests ({@code ab.rd*}, {@code sb.rd*}) from the sequencer's registers. */
    protected abstract void driveReads();

    /** Whether the sequencer or the read pipeline holds work (scheduled writes aside). */
    protected abstract boolean working();

    /** One clock edge: the data of last cycle's reads is on {@code ab.rdData} / {@code sb.rdData}. */
    protected abstract void step();

    /** Latches an instruction (the go cycle). */
    protected abstract void start(QueuedInstr instr);
}
