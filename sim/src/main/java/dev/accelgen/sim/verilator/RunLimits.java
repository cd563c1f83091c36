package dev.accelgen.sim.verilator;

/**
 * How long a harness run lasts: reset is held for {@code resetCycles} clock edges before cycle 0;
 * the run stops once every input beat was accepted, every read-memory beat delivered, and
 * {@code idleLimit} further cycles passed with no output event or input acceptance; it is cut off
 * as a timeout after {@code maxCycles} cycles.
 */
public record RunLimits(int resetCycles, long idleLimit, long maxCycles) {
    public static final RunLimits DEFAULT = new RunLimits(4, 100, 10_000_000);

    public RunLimits {
        if (resetCycles < 1 || resetCycles > 1000) {
            throw new IllegalArgumentException("resetCycles must be in 1..1000, got " + resetCycles);
        }
        if (idleLimit < 1) {
            throw new IllegalArgumentException("idleLimit must be >= 1, got " + idleLimit);
        }
        if (maxCycles < 1) {
            throw new IllegalArgumentException("maxCycles must be >= 1, got " + maxCycles);
        }
    }
}
