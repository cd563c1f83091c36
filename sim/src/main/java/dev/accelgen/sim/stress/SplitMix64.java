package dev.accelgen.sim.stress;

/**
 * The harnesses' pseudo-random generator, identical in Java, C++ (harness_prng.h) and Python
 * (accelgen_prng.py) so every draw a golden model predicts is the draw the RTL saw. SplitMix64
 * (Steele, Lea, Flood 2014): {@code s += 0x9E3779B97F4A7C15; z = s; z = (z ^ z>>>30) * 0xBF58476D1CE4E5B9;
 * z = (z ^ z>>>27) * 0x94D049BB133111EB; return z ^ z>>>31}, all modulo 2^64.
 */
public final class SplitMix64 {
    private long state;

    public SplitMix64(long seed) {
        this.state = seed;
    }

    public long next() {
        state += 0x9E3779B97F4A7C15L;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A draw in 0..bound-1: the high 32 bits of a draw, scaled, {@code ((next() >>> 32) * bound) >>> 32}. */
    public int below(int bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("bound must be >= 1, got " + bound);
        }
        return (int) (((next() >>> 32) * bound) >>> 32);
    }
}
