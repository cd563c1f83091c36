package dev.accelgen.pe.accel.matrix.model;

import dev.accelgen.pe.accel.MatrixUnitSpec;
import dev.accelgen.pe.dsp.DspChainConfig;
import dev.accelgen.pe.systolic.SystolicConfig;

/**
 * The unit side without data (timing-only runs): a beat that ends a reduction yields its rows' fragments, zeros,
 * in the cycles the unit's own model would ({@link #delays}), without any arithmetic.
 */
final class TimingModel implements UnitModel {
    private final int[] delays;
    private final int cols;
    private final boolean[] ring;
    private int head;

    TimingModel(MatrixUnitSpec spec, int cols) {
        this.delays = delays(spec);
        this.cols = cols;
        this.ring = new boolean[delays[delays.length - 1] + 1];
    }

    /** Cycles from a reduction's last beat to each row's fragment (the unit kind's D in docs/isa.md). */
    static int[] delays(MatrixUnitSpec spec) {
        if (spec instanceof MatrixUnitSpec.MixPe m) {
            return new int[] {m.config().latency()};
        }
        if (spec instanceof MatrixUnitSpec.Ternary t) {
            return new int[] {t.config().latency()};
        }
        if (spec instanceof MatrixUnitSpec.DspChain d) {
            DspChainConfig c = d.config();
            int rows = c.packing().activationPorts().size();
            return rows == 1 ? new int[] {c.latency() + 1} : new int[] {c.latency() + 1, c.latency() + 2};
        }
        SystolicConfig c = ((MatrixUnitSpec.Systolic) spec).config();
        int[] d = new int[c.rows()];
        for (int r = 0; r < d.length; r++) {
            d[r] = 2 * r + c.cols();
        }
        return d;
    }

    @Override
    public long[] step(IssueStage.Beat beat, boolean nextSparse) {
        boolean out = ring[head];
        ring[head] = false;
        if (beat != null && beat.last()) {
            for (int d : delays) {
                ring[(head + d) % ring.length] = true;
            }
        }
        head = (head + 1) % ring.length;
        return out ? new long[cols] : null;
    }
}
