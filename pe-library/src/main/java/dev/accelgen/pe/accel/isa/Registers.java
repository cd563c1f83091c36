package dev.accelgen.pe.accel.isa;

/**
 * The controller's scalar registers: 16 x 32 bits, {@code r0} always 0. A start beat presets
 * {@code r1..r7} (the run's parameters, see docs/isa.md); {@code r8..r15} start at 0.
 */
public final class Registers {
    public static final int COUNT = 16;
    public static final int RUN_PARAMS = 7;
    public static final int WIDTH = 32;

    private Registers() {
    }
}
