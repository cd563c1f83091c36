package dev.accelgen.pe.accel.model;

import dev.accelgen.pe.accel.isa.Registers;

/** The core's {@code start} input stream and {@code done} output in the cycle model. */
public final class StartWires {
    public boolean valid;
    public final int[] r = new int[Registers.RUN_PARAMS];
    public boolean ready;
    public boolean doneValid;
    public int doneStatus;
}
