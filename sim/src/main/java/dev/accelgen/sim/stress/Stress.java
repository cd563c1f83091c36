package dev.accelgen.sim.stress;

/**
 * How a run treats a unit's streams: {@code junk} drives seeded random bits on the data ports of every
 * idle input (input streams and memory R channels whose valid is low) instead of 0; output streams that
 * have a ready get the ready pattern {@code outputStalls} (each from its own seed). A stream without a
 * ready cannot take backpressure and is never stalled. Memory timing is each {@code MemoryImage}'s.
 */
public record Stress(boolean junk, Stalls outputStalls) {
    /** Inputs 0 when idle, outputs always ready: the harness of old, for hand-computed cycle tests. */
    public static final Stress NONE = new Stress(false, Stalls.NONE);

    public Stress {
        if (outputStalls == null) {
            throw new IllegalArgumentException("outputStalls must not be null (use Stalls.NONE)");
        }
    }
}
