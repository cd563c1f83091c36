package dev.accelgen.pe.accel.model;

import dev.accelgen.pe.accel.isa.Queue;
import dev.accelgen.pe.accel.isa.QueuedInstr;

/**
 * What the controller publishes to the engines (Moore outputs): the heads of the three instruction queues
 * with their program indices, the token counters, whether it is fetching the program (it then owns port 0's
 * read channel) and the one-cycle error-clear pulse at the start of a run; plus the issue decisions the issue
 * glue takes from them ({@code start}). Arrays are indexed by {@link Queue#ordinal()}.
 */
public final class ControlWires {
    public static final int LOAD_TO_COMPUTE = 0;
    public static final int COMPUTE_TO_LOAD = 1;
    public static final int COMPUTE_TO_STORE = 2;
    public static final int STORE_TO_COMPUTE = 3;

    public final QueuedInstr[] head = new QueuedInstr[3];
    public final int[] headPc = new int[3];
    public final int[] tokens = new int[4];
    public boolean fetching;
    /** The controller's own error flags (illegal instruction, fetch error, token overflow) are set. */
    public boolean stopped;
    public boolean clearErrors;
    public final boolean[] start = new boolean[3];
}
