package dev.accelgen.pe.accel.matrix.model;

import dev.accelgen.pe.accel.matrix.DspTiles;
import dev.accelgen.pe.accel.matrix.UnitShape;
import dev.accelgen.pe.dsp.DspChainConfig;
import dev.accelgen.pe.dsp.DspChainCycle;
import dev.accelgen.pe.fixed.Fixed;
import dev.accelgen.pe.stream.Delay;

/**
 * DSP chain: the mode register is written every cycle with the next beat's sparse flag; each beat's lane sums
 * come back {@link DspChainConfig#latency()} cycles later with its first/last flags (a delay line beside the
 * chain) and are added into per-lane 32-bit accumulators (wrapping), restarted by {@code first}. The result of
 * a {@code last} beat is registered as row 0's fragment; an int4x4 chain's row 1 follows one cycle later.
 */
final class DspModel implements UnitModel {
    private final DspChainCycle chain;
    private final DspTiles tiles;
    private final UnitShape.Dsp shape;
    private final Delay<boolean[]> flags;
    private final long[] acc;
    private long[] frag;
    private long[] nextRow;

    DspModel(DspChainConfig c) {
        this.chain = new DspChainCycle(c);
        this.tiles = new DspTiles(c);
        this.shape = new UnitShape.Dsp(c);
        this.flags = new Delay<>(c.latency());
        this.acc = new long[c.packing().lanes()];
    }

    @Override
    public long[] step(IssueStage.Beat beat, boolean nextSparse) {
        long[] out = frag;
        frag = nextRow;
        nextRow = null;
        DspChainCycle.Beat in = null;
        if (beat != null) {
            DspChainCycle.Beat w = tiles.weights(beat.payload());
            long[][] x = new long[shape.rowsPerPass()][];
            for (int r = 0; r < x.length; r++) {
                x[r] = new long[w.x()[r].length];
                for (int i = 0; i < x[r].length; i++) {
                    x[r][i] = beat.codes()[r][i];
                }
            }
            in = new DspChainCycle.Beat(x, w.w(), w.idx());
        }
        boolean[] f = flags.step(beat == null ? null : new boolean[] {beat.first(), beat.last()});
        long[] y = chain.step(nextSparse, in);
        if (y != null) {
                for (int lane = 0; lane < acc.length; lane++) {
                acc[lane] = f[0] ? y[lane] : Fixed.wrap(acc[lane] + y[lane], DspChainConfig.RESULT_BITS);
            }
            if (f[1]) {
                if (frag != null) {
                    throw new IllegalStateException("two DSP-chain fragments in one cycle: the issue spacing is broken");
                }
                frag = row(0);
                nextRow = shape.rowsPerPass() > 1 ? row(1) : null;
            }
        }
        return out;
    }

    private long[] row(int r) {
        long[] v = new long[shape.colsPerBlock()];
        for (int p = 0; p < v.length; p++) {
            v[p] = acc[shape.laneOf(r, p)];
        }
        return v;
    }
}
