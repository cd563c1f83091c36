package dev.accelgen.sim;

import dev.accelgen.sim.stress.LatencyRange;
import dev.accelgen.sim.stress.Stalls;
import java.math.BigInteger;
import java.util.List;

/**
 * Contents and timing of one memory for a run (a read memory, a write memory, or both when a unit has
 * one of each with this name: they share this image). Word {@code i} holds the {@code data_bytes}
 * bytes at byte address {@code i * data_bytes}; addresses past the image read as 0 until written.
 * {@code latency}: cycles from AR acceptance to the first R beat being valid, and from a burst's last
 * W beat to its B response, drawn per request from the range. {@code bytesPerCycle}: bandwidth; one
 * beat occupies the R (or W) channel for ceil(data_bytes / bytesPerCycle) cycles.
 * {@code addressStalls}: the AR- and AW-ready patterns; {@code writeStalls}: the W-ready pattern.
 * Timing rules: {@link ReadMemoryModel}, {@link WriteMemoryModel}.
 */
public record MemoryImage(String memory, LatencyRange latency, int bytesPerCycle, Stalls addressStalls,
                          Stalls writeStalls, List<BigInteger> words) {
    public MemoryImage {
        if (latency == null || addressStalls == null || writeStalls == null) {
            throw new IllegalArgumentException("memory '" + memory + "' needs a latency range and stall patterns");
        }
        if (bytesPerCycle < 1) {
            throw new IllegalArgumentException("memory '" + memory + "' bytesPerCycle must be >= 1, got " + bytesPerCycle);
        }
        words = List.copyOf(words);
        for (BigInteger w : words) {
            if (w.signum() < 0) {
                throw new IllegalArgumentException("memory '" + memory + "' words must be non-negative bit patterns, got " + w);
            }
        }
    }

    /** Fixed latency, never stalled. */
    public MemoryImage(String memory, int latency, int bytesPerCycle, List<BigInteger> words) {
        this(memory, fixed(memory, latency), bytesPerCycle, Stalls.NONE, Stalls.NONE, words);
    }

    /** This image with other timing. */
    public MemoryImage withTiming(LatencyRange latency, Stalls addressStalls, Stalls writeStalls) {
        return new MemoryImage(memory, latency, bytesPerCycle, addressStalls, writeStalls, words);
    }

    /** Cycles one beat occupies the R or W channel: ceil(dataBytes / bytesPerCycle). */
    public long beatCycles(int dataBytes) {
        return Math.max(1, (dataBytes + bytesPerCycle - 1) / bytesPerCycle);
    }

    private static LatencyRange fixed(String memory, int latency) {
        try {
            return LatencyRange.fixed(latency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("memory '" + memory + "' " + e.getMessage());
        }
    }
}
