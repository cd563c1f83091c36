package dev.accelgen.pe.ternary;

import dev.accelgen.pe.stream.Delay;

/**
 * Per-cycle model of {@link TernaryUnit}, stepped once per clock: {@link #step} takes the beat accepted in this
 * cycle (or null; the unit is always ready) and returns the 32-bit sum leaving on {@code out} in this cycle (or
 * null). Each beat adds {@link BitLinearArith#laneSum} to the wrapping accumulator; a {@code last} beat's sum
 * leaves {@link TernaryConfig#latency()} cycles after it and the accumulator restarts. {@link TernaryGolden} and
 * the ternary matrix engine both drive it.
 */
public final class TernaryCycle {
    /** One {@code in} beat: signed activations and the decoded weights (-1, 0, +1) per lane. */
    public record Beat(boolean last, int[] act, int[] w) {
    }

    private final Delay<Long> pipe;
    private long acc;

    public TernaryCycle(TernaryConfig cfg) {
        this.pipe = new Delay<>(cfg.latency());
    }

    /** One clock cycle; returns {@code out} when {@code out_valid} is high, else null. */
    public Long step(Beat beat) {
        Long result = null;
        if (beat != null) {
            acc = BitLinearArith.accumulate(acc, BitLinearArith.laneSum(beat.w(), beat.act()));
            if (beat.last()) {
                result = acc;
                acc = 0;
            }
        }
        return pipe.step(result);
    }
}
