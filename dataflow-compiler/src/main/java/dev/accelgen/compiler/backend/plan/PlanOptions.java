package dev.accelgen.compiler.backend.plan;

/**
 * Choices of hardware planning the model does not decide.
 *
 * @param int8Unit which unit runs dense int8 projections: the sparse-capable DSP chain (default) or the systolic
 *                 array, the int8 baseline
 */
public record PlanOptions(Int8Unit int8Unit) {
    /** The unit kinds dense int8 projections can run on. */
    public enum Int8Unit { DSP_CHAIN, SYSTOLIC }

    public static PlanOptions defaults() {
        return new PlanOptions(Int8Unit.DSP_CHAIN);
    }
}
