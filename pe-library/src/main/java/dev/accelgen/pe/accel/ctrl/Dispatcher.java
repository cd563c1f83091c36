package dev.accelgen.pe.accel.ctrl;

import dev.accelgen.pe.accel.isa.Mm;
import dev.accelgen.pe.accel.isa.Queue;
import dev.accelgen.pe.accel.isa.QueuedInstr;
import dev.accelgen.pe.accel.isa.Sync;
import dev.accelgen.pe.accel.model.Clocked;
import dev.accelgen.pe.accel.model.ComputeBufWires;
import dev.accelgen.pe.accel.model.ComputeEngines;
import dev.accelgen.pe.accel.model.ControlWires;
import dev.accelgen.pe.accel.model.EngineStatus;
import dev.accelgen.pe.accel.model.Glue;
import dev.accelgen.pe.vector.engine.EngineModel;
import java.util.List;

/**
 * The compute dispatcher's cycle model (RTL: {@code core.ComputeUnitRtl}). A compute instruction the issue glue starts
 * in cycle s is latched at edge s and offered to its engine with {@code go} in s+1; it completes in the first
 * cycle after that in which the engine is not busy, and its tokens are pushed with the completion pulse one
 * cycle later. One instruction at a time, except an {@code overlap} MM, which may go to the engine of the
 * previous MM as soon as that engine is ready again (both then complete together). The engines' buffer
 * requests are multiplexed by the registered engine select (the glue part of this block); every engine sees
 * the buffers' read data.
 */
public final class Dispatcher implements Clocked, Glue {
    private final ComputeEngines.Bound[] engines;
    private final ControlWires ctl;
    private final EngineStatus status;
    private final ComputeBufWires bufs;
    private final boolean[] busyNow;

    private QueuedInstr cur;
    private int curPc = -1;
    private boolean go;
    private int sel;
    private int pending;
    private int pendPrev;
    private int pendNext;
    private boolean lastMm;
    private boolean donePulse;
    private int donePrev;
    private int doneNext;

    public Dispatcher(List<ComputeEngines.Bound> engines, ControlWires ctl, EngineStatus status, ComputeBufWires bufs) {
        this.engines = engines.toArray(new ComputeEngines.Bound[0]);
        this.ctl = ctl;
        this.status = status;
        this.bufs = bufs;
        this.busyNow = new boolean[this.engines.length];
    }

    /** The engine that executes {@code i}, or -1 when none does. */
    public int engineFor(QueuedInstr i) {
        for (int e = 0; e < engines.length; e++) {
            if (engines[e].engine().handles(i)) {
                return e;
            }
        }
        return -1;
    }

    /** Issue glue: whether the compute queue's head may start this cycle (tokens aside). */
    public boolean canStart(QueuedInstr head) {
        boolean idle = pending == 0 && !go;
        if (head instanceof Sync) {
            return idle;
        }
        int e = engineFor(head);
        if (e < 0) {
            throw new IllegalStateException("no compute engine executes " + head);
        }
        if (idle) {
            return engines[e].engine().ready();
        }
        return head instanceof Mm mm && mm.overlap() && !go && lastMm && e == sel && engines[e].engine().ready();
    }

    @Override
    public void drive() {
        status.busy = pending > 0 || go;
        status.done = donePulse;
        status.pushPrev = donePrev;
        status.pushNext = doneNext;
        status.error = false;
        for (int e = 0; e < engines.length; e++) {
            engines[e].engine().go(go && e == sel, cur);
            busyNow[e] = engines[e].engine().busy();
        }
    }

    @Override
    public void settle() {
        bufs.tag = curPc;
        if (engines.length == 0) {
            bufs.abuf.idle();
            bufs.sbuf.idle();
            bufs.wbuf.rdEn = false;
        } else {
            copy(engines[sel], bufs);
        }
        for (ComputeEngines.Bound b : engines) {
            EngineModel m = b.engine();
            System.arraycopy(bufs.abuf.rdData, 0, m.abuf().rdData, 0, m.abuf().rdData.length);
            m.sbuf().rdData = bufs.sbuf.rdData;
            if (m.wbuf() != null) {
                System.arraycopy(bufs.wbuf.rdData, 0, m.wbuf().rdData, 0, m.wbuf().rdData.length);
            }
        }
    }

    /** The selected engine's requests, addresses truncated to its port widths as in RTL. */
    private static void copy(ComputeEngines.Bound b, ComputeBufWires out) {
        EngineModel m = b.engine();
        int am = mask(b.abufAddrBits());
        int sm = mask(b.sbufAddrBits());
        out.abuf.rdEn = m.abuf().rdEn;
        out.abuf.rdAddr = m.abuf().rdAddr & am;
        out.abuf.wrEn = m.abuf().wrEn;
        out.abuf.wrAddr = m.abuf().wrAddr & am;
        if (m.abuf().wrEn) {
            System.arraycopy(m.abuf().wrData, 0, out.abuf.wrData, 0, out.abuf.wrData.length);
        }
        out.sbuf.rdEn = m.sbuf().rdEn;
        out.sbuf.rdAddr = m.sbuf().rdAddr & sm;
        out.sbuf.wrEn = m.sbuf().wrEn;
        out.sbuf.wrAddr = m.sbuf().wrAddr & sm;
        out.sbuf.wrData = m.sbuf().wrData;
        out.wbuf.rdEn = m.wbuf() != null && m.wbuf().rdEn;
        if (m.wbuf() != null) {
            out.wbuf.rdBank = m.wbuf().rdBank;
            out.wbuf.rdAddr = m.wbuf().rdAddr & mask(b.wbufAddrBits());
        }
    }

    private static int mask(int bits) {
        return bits >= 32 ? -1 : (1 << bits) - 1;
    }

    @Override
    public void tick() {
        boolean completing = pending > 0 && !go && !busyNow[sel];
        donePulse = completing;
        donePrev = completing ? pendPrev : 0;
        doneNext = completing ? pendNext : 0;
        if (completing) {
            pending = 0;
            pendPrev = 0;
            pendNext = 0;
        }
        go = false;
        int q = Queue.COMPUTE.ordinal();
        if (ctl.start[q] && !(ctl.head[q] instanceof Sync)) {
            cur = ctl.head[q];
            curPc = ctl.headPc[q];
            sel = engineFor(cur);
            go = true;
            pending++;
            pendPrev += cur.deps().pushPrev() ? 1 : 0;
            pendNext += cur.deps().pushNext() ? 1 : 0;
            lastMm = cur instanceof Mm;
        }
    }
}
