package dev.accelgen.pe.accel.buf;

import dev.accelgen.pe.accel.model.BufferErrors;
import dev.accelgen.pe.accel.model.Clocked;
import dev.accelgen.pe.accel.model.ComputeBufWires;
import dev.accelgen.pe.accel.model.ControlWires;
import dev.accelgen.pe.accel.model.CoreEvent;
import dev.accelgen.pe.accel.model.DmaBufWires;
import dev.accelgen.pe.accel.model.EventLog;
import dev.accelgen.pe.accel.model.SimClock;
import dev.accelgen.pe.accel.model.WbufReadPort;
import java.util.Arrays;

/**
 * WBUF in the cycle model (RTL: {@code WbufRtl}): two banks of {@code ports * portBits}-bit words, written only
 * by the load engine, read only by the active matrix engine (one cycle latency). Out-of-range accesses as in
 * ABUF.
 */
public final class WbufModel implements Clocked {
    private final int depth;
    private final int limbs;
    private final long[][] banks;
    private final ComputeBufWires compute;
    private final DmaBufWires dma;
    private final ControlWires ctl;
    private final SimClock clock;
    private final EventLog log;
    private final long[] rdData;
    private final BufferErrors errors;
    private boolean outOfRange;

    public WbufModel(int depth, int wordBits, boolean withData, ComputeBufWires compute, DmaBufWires dma,
                     ControlWires ctl, SimClock clock, EventLog log, BufferErrors errors) {
        this.depth = depth;
        this.limbs = wordBits / 64;
        this.banks = withData ? new long[][] {new long[depth * limbs], new long[depth * limbs]} : null;
        this.compute = compute;
        this.dma = dma;
        this.ctl = ctl;
        this.clock = clock;
        this.log = log;
        this.errors = errors;
        this.rdData = new long[limbs];
    }

    @Override
    public void drive() {
        errors.wbuf = outOfRange;
        System.arraycopy(rdData, 0, compute.wbuf.rdData, 0, limbs);
    }

    private void refuse(String access, int addr, int tag) {
        outOfRange = true;
        if (errors.reason == null) {
            errors.reason = OutOfRange.describe("WBUF", access, addr, depth, tag);
        }
    }

    @Override
    public void tick() {
        WbufReadPort p = compute.wbuf;
        if (ctl.clearErrors) {
            outOfRange = false;
        }
        if (p.rdEn) {
            if (Integer.compareUnsigned(p.rdAddr, depth) >= 0) {
                refuse("read", p.rdAddr, compute.tag);
                Arrays.fill(rdData, 0);
            } else if (banks != null) {
                System.arraycopy(banks[p.rdBank], p.rdAddr * limbs, rdData, 0, limbs);
            }
        }
        if (dma.wbWrEn) {
            if (Integer.compareUnsigned(dma.wbWrAddr, depth) >= 0) {
                refuse("write", dma.wbWrAddr, dma.wbWrTag);
                return;
            }
            if (banks != null) {
                System.arraycopy(dma.wbWrData, 0, banks[dma.wbWrBank], dma.wbWrAddr * limbs, limbs);
            }
            if (log.enabled()) {
                log.add(new CoreEvent.BufferWrite(clock.now(), dma.wbWrBank == 0 ? CoreEvent.Buffer.WBUF0
                        : CoreEvent.Buffer.WBUF1, dma.wbWrAddr, dma.wbWrData, dma.wbWrTag));
            }
        }
    }
}
