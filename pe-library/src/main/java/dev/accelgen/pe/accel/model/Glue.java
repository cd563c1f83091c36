package dev.accelgen.pe.accel.model;

/**
 * Combinational logic between blocks (buffer arbiters, queue muxes): a pure function of the blocks' Moore
 * outputs, evaluated after every {@link Clocked#drive} and before any {@link Clocked#tick}.
 */
public interface Glue {
    void settle();
}
