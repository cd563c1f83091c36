package dev.accelgen.sim.verilator;

/**
 * How long a harness run lasts: reset is held for {@code resetCycles} clock edges before cycle 0;
 * the run stops once every input beat was accepted, every read-memory beat delivered,
 * {@code idleLimit} further cycles passed with no output event or input acceptance, and at least
 * {@code minCycles} cycles ran; it is cut off as a timeout after {@code maxCycles} cycles.
 * The verifiers set {@code minCycles} past the golden model's last event, so a unit that is quiet
 * for longer than {@code idleLimit} before its outputs is still observed long enough.
 */
public record RunLimits(int resetCycles, long idleLimit, long maxCycles, long minCycles) {
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
        if (minCycles < 0 || minCycles > maxCycles) {
            throw new IllegalArgumentException("minCycles must be in 0..maxCycles (" + maxCycles + "), got " + minCycles);
        }
    }

    public RunLimits(int resetCycles, long idleLimit, long maxCycles) {
        this(resetCycles, idleLimit, maxCycles, 0);
    }

    /** These limits, running at least {@code cycles} cycles (capped at maxCycles). */
    public RunLimits atLeast(long cycles) {
        return new RunLimits(resetCycles, idleLimit, maxCycles, Math.min(maxCycles, Math.max(minCycles, cycles)));
    }
}
