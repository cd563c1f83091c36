package dev.accelgen.pe.accel.ctrl;

import dev.accelgen.pe.accel.isa.Deps;
import dev.accelgen.pe.accel.isa.QueuedInstr;
import dev.accelgen.pe.accel.isa.Sync;
import dev.accelgen.pe.accel.model.ControlWires;
import dev.accelgen.pe.accel.model.EngineStatus;
import java.util.Arrays;

/**
 * The four dependency-token counters (16 bits each): an instruction's pops at its start, its pushes at its
 * completion (a SYNC completes as it starts). A push past 65535 is an error (the run stops as for an illegal
 * instruction).
 */
final class TokenCounters {
    static final int MAX = 0xFFFF;
    private final int[] n = new int[4];
    private final int[] delta = new int[4];
    private boolean overflow;

    void clear() {
        Arrays.fill(n, 0);
        Arrays.fill(delta, 0);
        overflow = false;
    }

    boolean overflow() {
        return overflow;
    }

    void publish(int[] out) {
        System.arraycopy(n, 0, out, 0, 4);
    }

    /** The queue-side instruction {@code i} started: its pops, and a SYNC's pushes. */
    void started(QueuedInstr i) {
        Deps d = i.deps();
        switch (i.queue()) {
            case LOAD -> {
                add(ControlWires.COMPUTE_TO_LOAD, d.popNext() ? -1 : 0);
                if (i instanceof Sync) {
                    add(ControlWires.LOAD_TO_COMPUTE, d.pushNext() ? 1 : 0);
                }
            }
            case COMPUTE -> {
                add(ControlWires.LOAD_TO_COMPUTE, d.popPrev() ? -1 : 0);
                add(ControlWires.STORE_TO_COMPUTE, d.popNext() ? -1 : 0);
                if (i instanceof Sync) {
                    add(ControlWires.COMPUTE_TO_LOAD, d.pushPrev() ? 1 : 0);
                    add(ControlWires.COMPUTE_TO_STORE, d.pushNext() ? 1 : 0);
                }
            }
            case STORE -> {
                add(ControlWires.COMPUTE_TO_STORE, d.popPrev() ? -1 : 0);
                if (i instanceof Sync) {
                    add(ControlWires.STORE_TO_COMPUTE, d.pushPrev() ? 1 : 0);
                }
            }
        }
    }

    /** The engines' completion pulses of this cycle. */
    void completed(EngineStatus ld, EngineStatus compute, EngineStatus st) {
        if (ld.done) {
            add(ControlWires.LOAD_TO_COMPUTE, ld.pushNext);
        }
        if (compute.done) {
            add(ControlWires.COMPUTE_TO_LOAD, compute.pushPrev);
            add(ControlWires.COMPUTE_TO_STORE, compute.pushNext);
        }
        if (st.done) {
            add(ControlWires.STORE_TO_COMPUTE, st.pushPrev);
        }
    }

    private void add(int counter, int d) {
        delta[counter] += d;
    }

    /** Applies this cycle's pops and pushes (the clock edge). */
    void commit() {
        for (int i = 0; i < 4; i++) {
            int v = n[i] + delta[i];
            if (v > MAX) {
                overflow = true;
                v &= MAX;
            }
            n[i] = v;
            delta[i] = 0;
        }
    }
}
