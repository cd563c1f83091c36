package dev.accelgen.sim.stress;

/**
 * The latency of a memory's responses, drawn per request uniformly from {@code min..max} cycles:
 * {@code min + below(max - min + 1)}, no draw when {@code min == max}.
 */
public record LatencyRange(int min, int max) {
    public static final int LIMIT = 1_000_000;

    public LatencyRange {
        if (min < 1 || min > LIMIT) {
            throw new IllegalArgumentException("latency must be in 1.." + LIMIT + ", got " + min);
        }
        if (max < min || max > LIMIT) {
            throw new IllegalArgumentException("latency range " + min + ":" + max + " must have min <= max <= " + LIMIT);
        }
    }

    public static LatencyRange fixed(int latency) {
        return new LatencyRange(latency, latency);
    }

    /** The next latency from {@code rng}. */
    public long draw(SplitMix64 rng) {
        return max == min ? min : min + rng.below(max - min + 1);
    }

    /** {@code MIN:MAX} or a single {@code L}, as options give it. */
    public static LatencyRange parse(String text) {
        String[] p = text.split(":", -1);
        if (p.length > 2 || !p[0].matches("\\d{1,7}") || p.length == 2 && !p[1].matches("\\d{1,7}")) {
            throw new IllegalArgumentException("memory latency must be L or MIN:MAX in cycles, e.g. 20:60 (got " + text + ")");
        }
        int min = Integer.parseInt(p[0]);
        return new LatencyRange(min, p.length == 2 ? Integer.parseInt(p[1]) : min);
    }

    @Override
    public String toString() {
        return min + ":" + max;
    }
}
