package dev.accelgen.pe.accel.ctrl;

import dev.accelgen.pe.accel.isa.Deps;
import dev.accelgen.pe.accel.isa.Queue;
import dev.accelgen.pe.accel.isa.QueuedInstr;
import dev.accelgen.pe.accel.model.BufferErrors;
import dev.accelgen.pe.accel.model.ControlWires;
import dev.accelgen.pe.accel.model.EngineStatus;
import dev.accelgen.pe.accel.model.Glue;

/**
 * Glue: which queue heads start this cycle. A head starts when its engine side can take it (the load or store
 * engine is not busy; the dispatcher accepts it, see {@link Dispatcher#canStart}) and every token counter it
 * pops is non-zero; nothing starts while an error is visible (the controller then flushes the queues).
 */
public final class IssueGlue implements Glue {
    private final ControlWires ctl;
    private final EngineStatus ld;
    private final EngineStatus compute;
    private final EngineStatus st;
    private final BufferErrors buffers;
    private final Dispatcher dispatcher;

    public IssueGlue(ControlWires ctl, EngineStatus ld, EngineStatus compute, EngineStatus st, BufferErrors buffers,
                     Dispatcher dispatcher) {
        this.ctl = ctl;
        this.ld = ld;
        this.compute = compute;
        this.st = st;
        this.buffers = buffers;
        this.dispatcher = dispatcher;
    }

    @Override
    public void settle() {
        boolean error = ctl.stopped || ld.error || compute.error || st.error || buffers.any();
        int[] t = ctl.tokens;
        QueuedInstr l = ctl.head[Queue.LOAD.ordinal()];
        QueuedInstr c = ctl.head[Queue.COMPUTE.ordinal()];
        QueuedInstr s = ctl.head[Queue.STORE.ordinal()];
        ctl.start[Queue.LOAD.ordinal()] = !error && l != null && !ld.busy
                && (!l.deps().popNext() || t[ControlWires.COMPUTE_TO_LOAD] > 0);
        ctl.start[Queue.COMPUTE.ordinal()] = !error && c != null && popsReady(c.deps(), t) && dispatcher.canStart(c);
        ctl.start[Queue.STORE.ordinal()] = !error && s != null && !st.busy
                && (!s.deps().popPrev() || t[ControlWires.COMPUTE_TO_STORE] > 0);
    }

    private static boolean popsReady(Deps d, int[] t) {
        return (!d.popPrev() || t[ControlWires.LOAD_TO_COMPUTE] > 0) && (!d.popNext() || t[ControlWires.STORE_TO_COMPUTE] > 0);
    }
}
