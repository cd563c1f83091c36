package dev.accelgen.pe.accel.buf;

import dev.accelgen.pe.accel.model.AbufPort;
import dev.accelgen.pe.accel.model.BufferErrors;
import dev.accelgen.pe.accel.model.Clocked;
import dev.accelgen.pe.accel.model.ComputeBufWires;
import dev.accelgen.pe.accel.model.ControlWires;
import dev.accelgen.pe.accel.model.CoreEvent;
import dev.accelgen.pe.accel.model.DmaBufWires;
import dev.accelgen.pe.accel.model.EventLog;
import dev.accelgen.pe.accel.model.Glue;
import dev.accelgen.pe.accel.model.SimClock;
import java.util.Arrays;

/**
 * ABUF in the cycle model (RTL: {@code AbufRtl}): one read port (one cycle latency, read-first) and one write
 * port. The arbiter (glue) gives each port to compute when the active engine uses it, else to the store engine
 * (read) or the load engine (write). An access at or past the depth is not performed (a read returns 0) and
 * sets the sticky out-of-range flag (an illegal instruction). Without data (timing-only) nothing is stored.
 */
public final class AbufModel implements Clocked, Glue {
    private final int lanes;
    private final int depth;
    private final int[] words;
    private final ComputeBufWires compute;
    private final DmaBufWires dma;
    private final ControlWires ctl;
    private final SimClock clock;
    private final EventLog log;
    private final int[] rdData;
    private final long[] logScratch;
    private final BufferErrors errors;
    private boolean outOfRange;

    public AbufModel(int lanes, int depth, boolean withData, ComputeBufWires compute, DmaBufWires dma,
                     ControlWires ctl, SimClock clock, EventLog log, BufferErrors errors) {
        this.lanes = lanes;
        this.depth = depth;
        this.words = withData ? new int[depth * lanes] : null;
        this.compute = compute;
        this.dma = dma;
        this.ctl = ctl;
        this.clock = clock;
        this.log = log;
        this.errors = errors;
        this.rdData = new int[lanes];
        this.logScratch = new long[lanes / 2];
    }

    @Override
    public void drive() {
        errors.abuf = outOfRange;
        System.arraycopy(rdData, 0, compute.abuf.rdData, 0, lanes);
        System.arraycopy(rdData, 0, dma.stRdData, 0, lanes);
    }

    @Override
    public void settle() {
        dma.ldWrGrant = dma.ldWrReq && !compute.abuf.wrEn;
        dma.stRdGrant = dma.stRdReq && !compute.abuf.rdEn;
    }

    @Override
    public void tick() {
        AbufPort c = compute.abuf;
        if (ctl.clearErrors) {
            outOfRange = false;
        }
        if (ctl.clearErrors) {
            errors.reason = null;
        }
        if (c.rdEn) {
            read(c.rdAddr, compute.tag);
        } else if (dma.stRdGrant) {
            read(dma.stRdAddr, dma.stRdTag);
        }
        if (c.wrEn) {
            write(c.wrAddr, c.wrData, compute.tag);
        } else if (dma.ldWrGrant) {
            write(dma.ldWrAddr, dma.ldWrData, dma.ldWrTag);
        }
    }

    private boolean inRange(int addr, String access, int tag) {
        if (Integer.compareUnsigned(addr, depth) >= 0) {
            outOfRange = true;
            if (errors.reason == null) {
                errors.reason = OutOfRange.describe("ABUF", access, addr, depth, tag);
            }
            return false;
        }
        return true;
    }

    private void read(int addr, int tag) {
        if (!inRange(addr, "read", tag)) {
            Arrays.fill(rdData, 0);
        } else if (words != null) {
            System.arraycopy(words, addr * lanes, rdData, 0, lanes);
        }
    }

    private void write(int addr, int[] data, int tag) {
        if (!inRange(addr, "write", tag)) {
            return;
        }
        if (words != null) {
            System.arraycopy(data, 0, words, addr * lanes, lanes);
        }
        if (log.enabled()) {
            for (int i = 0; i < lanes; i += 2) {
                logScratch[i / 2] = data[i] & 0xFFFF_FFFFL | (long) data[i + 1] << 32;
            }
            log.add(new CoreEvent.BufferWrite(clock.now(), CoreEvent.Buffer.ABUF, addr, logScratch, tag));
        }
    }
}
