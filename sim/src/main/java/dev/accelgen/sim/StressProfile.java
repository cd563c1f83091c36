package dev.accelgen.sim;

import dev.accelgen.sim.stress.LatencyRule;
import dev.accelgen.sim.stress.Stalls;
import dev.accelgen.sim.stress.Stress;
import java.util.ArrayList;
import java.util.List;

/**
 * How hard generated stimulus pushes a unit: junk on idle inputs, the ready pattern of output streams
 * that have a ready, the AR/AW/W-ready pattern of every memory, and how a memory's nominal latency L
 * becomes the range each request draws from. {@link #apply} puts a profile on an unstressed stimulus.
 */
public record StressProfile(boolean junk, Stalls outputStalls, Stalls memoryStalls, LatencyRule latency) {
    /**
     * What {@code pe verify} and the unit kinds use unless told otherwise: junk on, a 10% chance per
     * cycle of a stall of 1..16 cycles on every ready the harness drives, latency drawn from [L, 3L].
     */
    public static final StressProfile DEFAULT = new StressProfile(true, new Stalls(10, 16), new Stalls(10, 16),
            new LatencyRule.Scaled(3));

    /** Idle inputs 0, never stalled, nominal latency. */
    public static final StressProfile NONE = new StressProfile(false, Stalls.NONE, Stalls.NONE, new LatencyRule.Scaled(1));

    public StressProfile {
        if (outputStalls == null || memoryStalls == null || latency == null) {
            throw new IllegalArgumentException("a stress profile needs output stalls, memory stalls and a latency rule");
        }
    }

    /**
     * {@code s} with this profile's stream stress, and every memory image re-timed: its latency range
     * becomes the rule applied to its minimum latency, its stalls this profile's memory stalls.
     */
    public Stimulus apply(Stimulus s) {
        List<MemoryImage> memories = new ArrayList<>();
        for (MemoryImage m : s.memories()) {
            memories.add(m.withTiming(latency.rangeFor(m.latency().min()), memoryStalls, memoryStalls));
        }
        return s.withMemories(memories).withStress(new Stress(junk, outputStalls));
    }
}
