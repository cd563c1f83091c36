package dev.accelgen.pe.mixpe;

import dev.accelgen.pe.stream.Delay;
import java.util.Arrays;

/**
 * Per-cycle model of {@link MixPeUnit}, stepped once per clock: {@link #step} takes the beat accepted in this
 * cycle (or null; the unit is always ready) and returns the columns' 48-bit sums leaving on {@code out} in this
 * cycle (or null). Each column's groups contribute {@link MixPeArith#groupOutput} to its wrapping accumulator;
 * a {@code last} beat's sums leave {@link MixPeConfig#latency()} cycles after it and the accumulators restart.
 * {@link MixPeGolden} and the MixPE matrix engine both drive it.
 */
public final class MixPeCycle {
    /**
     * One {@code in} beat: activations per lane (signed integers, or binary16 patterns for fp16), weight codes,
     * scales and zero points per column ({@code [col][lane]}, {@code [col][group]}).
     */
    public record Beat(boolean last, int[] act, int[][] w, int[][] scale, int[][] zp) {
    }

    private final MixPeConfig cfg;
    private final long[] acc;
    private final Delay<long[]> pipe;

    public MixPeCycle(MixPeConfig cfg) {
        this.cfg = cfg;
        this.acc = new long[cfg.cols()];
        this.pipe = new Delay<>(cfg.latency());
    }

    /** One clock cycle; returns {@code out_c} for every column when {@code out_valid} is high, else null. */
    public long[] step(Beat beat) {
        long[] result = null;
        if (beat != null) {
            for (int col = 0; col < cfg.cols(); col++) {
                for (int g = 0; g < cfg.groupsPerBeat(); g++) {
                    int from = g * cfg.group();
                    int to = from + cfg.group();
                    long out = MixPeArith.groupOutput(cfg.aType(), Arrays.copyOfRange(beat.w()[col], from, to),
                            Arrays.copyOfRange(beat.act(), from, to), beat.scale()[col][g], beat.zp()[col][g]);
                    acc[col] = MixPeArith.accumulate(acc[col], out);
                }
            }
            if (beat.last()) {
                result = acc.clone();
                Arrays.fill(acc, 0);
            }
        }
        return pipe.step(result);
    }
}
