package dev.accelgen.pe.dsp;

import dev.accelgen.pe.fixed.Fixed;
import dev.accelgen.pe.stream.Delay;

/**
 * Per-cycle model of {@link DspChain}, stepped once per clock with what both always-ready streams carry in
 * this cycle: a data beat uses the mode register as it is during the cycle (a {@code cfg} beat of the same
 * cycle takes effect from the next one), and its lanes' exact dot products leave {@link DspChainConfig#latency()}
 * cycles later as 32-bit two's-complement values. Plain integer arithmetic, no DSP model (see
 * {@link DspChainGolden}); the golden model and the DSP-chain matrix engine both drive it.
 */
public final class DspChainCycle {
    /**
     * One {@code in} beat: signed operands per activation port and window position ({@code [port][i]}, ports in
     * {@link Packing#activationPorts()} order), per weight port and slice ({@code [port][k]}), and the sparse
     * index fields (empty for a dense-only chain).
     */
    public record Beat(long[][] x, long[][] w, int[] idx) {
    }

    private final DspChainConfig cfg;
    private final Delay<long[]> pipe;
    private boolean sparseMode;

    public DspChainCycle(DspChainConfig cfg) {
        this.cfg = cfg;
        this.pipe = new Delay<>(cfg.latency());
    }

    /**
     * One clock cycle: {@code cfgMode} is the {@code cfg} beat of this cycle (null: none), {@code beat} the data
     * beat (null: none). Returns {@code y_l} per lane when {@code out_valid} is high, else null.
     */
    public long[] step(Boolean cfgMode, Beat beat) {
        long[] y = beat == null ? null : dot(beat, sparseMode);
        if (cfgMode != null && cfg.sparse()) {
            sparseMode = cfgMode;
        }
        return pipe.step(y);
    }

    /** The lanes' dot products of one beat, wrapped to 32 bits. */
    long[] dot(Beat b, boolean sparse) {
        Packing pk = cfg.packing();
        long[] y = new long[pk.lanes()];
        for (int k = 0; k < cfg.length(); k++) {
            int source = k;
            if (sparse) {
                int index = b.idx()[cfg.indexFieldOf(k)];
                if (index >= cfg.indexChoices()) {
                    throw new IllegalArgumentException("idx_" + cfg.indexFieldOf(k) + " = " + index + " exceeds the "
                            + cfg.indexChoices() + " choices of sparsity " + cfg.sparsity().spec());
                }
                source = cfg.sparseSource(k, index);
            }
            for (int lane = 0; lane < y.length; lane++) {
                y[lane] += b.w()[pk.laneWeight(lane)][k] * b.x()[pk.laneActivation(lane)][source];
            }
        }
        for (int lane = 0; lane < y.length; lane++) {
            y[lane] = Fixed.wrap(y[lane], DspChainConfig.RESULT_BITS);
        }
        return y;
    }
}
