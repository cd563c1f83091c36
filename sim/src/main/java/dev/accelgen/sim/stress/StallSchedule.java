package dev.accelgen.sim.stress;

import java.util.Arrays;

/**
 * The ready pattern of one channel, cycle by cycle, exactly as the harnesses draw it: starting at cycle
 * 0, a cycle outside a stall draws {@code below(100)}; below {@code percent} starts a stall of
 * {@code 1 + below(maxLength)} cycles (this one included); a stalled cycle draws nothing. The pattern
 * depends on the cycle alone, never on the unit. {@link #ready} may be asked for any cycle in any order.
 */
public final class StallSchedule {
    private final SplitMix64 rng;
    private final Stalls stalls;
    private long drawnUpTo;
    private long[] starts = new long[16];
    private long[] ends = new long[16];
    private int count;

    public StallSchedule(Stalls stalls, long seed) {
        this.stalls = stalls;
        this.rng = new SplitMix64(seed);
    }

    public boolean ready(long cycle) {
        if (cycle < 0) {
            throw new IllegalArgumentException("cycle must be >= 0, got " + cycle);
        }
        if (stalls.none()) {
            return true;
        }
        while (drawnUpTo <= cycle) {
            if (rng.below(100) < stalls.percent()) {
                long length = 1 + rng.below(stalls.maxLength());
                add(drawnUpTo, drawnUpTo + length);
                drawnUpTo += length;
            } else {
                drawnUpTo++;
            }
        }
        int i = Arrays.binarySearch(starts, 0, count, cycle);
        int stall = i >= 0 ? i : -i - 2;
        return stall < 0 || cycle >= ends[stall];
    }

    private void add(long start, long end) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, 2 * count);
            ends = Arrays.copyOf(ends, 2 * count);
        }
        starts[count] = start;
        ends[count] = end;
        count++;
    }
}
