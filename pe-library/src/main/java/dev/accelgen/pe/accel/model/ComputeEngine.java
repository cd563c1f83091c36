package dev.accelgen.pe.accel.model;

import dev.accelgen.pe.accel.isa.QueuedInstr;

/**
 * A compute engine's cycle model (a matrix engine or a vector-unit function engine), mirroring its RTL:
 * <ul>
 *   <li>inputs {@link #go} and {@link #instr}: set by the compute dispatcher in its drive phase (registered in
 *       RTL: {@code go} high for one cycle with the resolved instruction's fields); the engine latches the
 *       instruction in that cycle's {@link #tick};</li>
 *   <li>outputs {@link #ready()} (can take {@code go} this cycle) and {@link #busy()} (has work or buffer writes
 *       outstanding), both from registered state, valid after {@link #drive};</li>
 *   <li>buffer ports: {@link AbufPort}, {@link SbufPort} (and a {@link WbufReadPort} for matrix engines).</li>
 * </ul>
 */
public interface ComputeEngine extends Clocked {
    /** Whether this engine executes the instruction (by opcode, and unit index for MM). */
    boolean handles(QueuedInstr resolved);

    /** Input: the dispatcher starts {@link #instr} this cycle. */
    void go(boolean go, QueuedInstr instr);

    boolean ready();

    boolean busy();
}
