package dev.accelgen.pe.accel.model;

/**
 * A block of the accelerator's cycle model, stepped once per clock cycle in two phases that mirror the RTL:
 * {@link #drive} publishes this cycle's outputs from registered state only (Moore outputs, as every signal
 * crossing a block boundary is in the RTL); {@link #tick} computes the next state from this cycle's inputs,
 * i.e. the other blocks' outputs and the glue's decisions (the clock edge). See docs/accelerator.md.
 */
public interface Clocked {
    void drive();

    void tick();
}
