package dev.accelgen.sim;

import java.math.BigInteger;
import java.util.List;

/**
 * Contents and timing of one read memory for a run. Word {@code i} holds the {@code data_bytes}
 * bytes at byte address {@code i * data_bytes}; addresses past the image read as 0.
 * {@code latency}: cycles from AR acceptance to the first R beat of that request being valid (>= 1).
 * {@code bytesPerCycle}: bandwidth; one beat occupies the data channel for
 * ceil(data_bytes / bytesPerCycle) cycles (see {@link ReadMemoryModel}).
 */
public record MemoryImage(String memory, int latency, int bytesPerCycle, List<BigInteger> words) {
    public MemoryImage {
        if (latency < 1 || latency > 1_000_000) {
            throw new IllegalArgumentException("memory '" + memory + "' latency must be in 1..1000000, got " + latency);
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
}
