package dev.accelgen.sim.stress;

/**
 * A ready pattern: in every cycle not already stalled, with probability {@code percent}/100 a stall of
 * 1..{@code maxLength} cycles (uniform) starts. Percent 0 means always ready (and draws nothing). The
 * exact draws are {@link StallSchedule}'s.
 */
public record Stalls(int percent, int maxLength) {
    public static final Stalls NONE = new Stalls(0, 0);

    public Stalls {
        if (percent < 0 || percent > 99) {
            throw new IllegalArgumentException("stall percent must be in 0..99, got " + percent);
        }
        if (percent > 0 && (maxLength < 1 || maxLength > 1_000_000)) {
            throw new IllegalArgumentException("max stall length must be in 1..1000000 when stalls are on, got " + maxLength);
        }
        if (percent == 0 && maxLength != 0) {
            maxLength = 0;
        }
    }

    public boolean none() {
        return percent == 0;
    }
}
