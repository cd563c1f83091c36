package dev.accelgen.pe.accel.buf;

import dev.accelgen.pe.accel.model.BufferErrors;
import dev.accelgen.pe.accel.model.Clocked;
import dev.accelgen.pe.accel.model.ComputeBufWires;
import dev.accelgen.pe.accel.model.ControlWires;
import dev.accelgen.pe.accel.model.CoreEvent;
import dev.accelgen.pe.accel.model.EventLog;
import dev.accelgen.pe.accel.model.SbufPort;
import dev.accelgen.pe.accel.model.SimClock;

/**
 * SBUF in the cycle model (RTL: {@code SbufRtl}): 32-bit entries, one read port (one cycle latency, read-first)
 * and one write port, both used by the active compute engine only. Out-of-range accesses as in ABUF.
 */
public final class SbufModel implements Clocked {
    private final int depth;
    private final int[] words;
    private final ComputeBufWires compute;
    private final ControlWires ctl;
    private final SimClock clock;
    private final EventLog log;
    private int rdData;
    private final BufferErrors errors;
    private boolean outOfRange;

    public SbufModel(int depth, boolean withData, ComputeBufWires compute, ControlWires ctl, SimClock clock,
                     EventLog log, BufferErrors errors) {
        this.depth = depth;
        this.words = withData ? new int[depth] : null;
        this.compute = compute;
        this.ctl = ctl;
        this.clock = clock;
        this.log = log;
        this.errors = errors;
    }

    @Override
    public void drive() {
        errors.sbuf = outOfRange;
        compute.sbuf.rdData = rdData;
    }

    private void refuse(String access, int addr) {
        outOfRange = true;
        if (errors.reason == null) {
            errors.reason = OutOfRange.describe("SBUF", access, addr, depth, compute.tag);
        }
    }

    @Override
    public void tick() {
        SbufPort p = compute.sbuf;
        if (ctl.clearErrors) {
            outOfRange = false;
        }
        if (p.rdEn) {
            if (Integer.compareUnsigned(p.rdAddr, depth) >= 0) {
                refuse("read", p.rdAddr);
                rdData = 0;
            } else if (words != null) {
                rdData = words[p.rdAddr];
            }
        }
        if (p.wrEn) {
            if (Integer.compareUnsigned(p.wrAddr, depth) >= 0) {
                refuse("write", p.wrAddr);
                return;
            }
            if (words != null) {
                words[p.wrAddr] = p.wrData;
            }
            if (log.enabled()) {
                log.add(new CoreEvent.BufferWrite(clock.now(), CoreEvent.Buffer.SBUF, p.wrAddr,
                        new long[] {p.wrData & 0xFFFF_FFFFL}, compute.tag));
            }
        }
    }
}
