package dev.accelgen.pe.moe;

import dev.accelgen.hdl.ModuleGen;
import dev.accelgen.pe.UnitFigures;
import dev.accelgen.pe.UnitKind;
import dev.accelgen.sim.GoldenModel;
import dev.accelgen.sim.Stimulus;
import java.util.Random;

/**
 * The M3ViT-style MoE layer family ({@code moe}): router, token queues, expert-switching engine with
 * double-buffered off-chip weights and a systolic expert array. One vector is one token batch.
 */
public final class MoeKind implements UnitKind<MoeConfig> {
    @Override
    public String name() {
        return "moe";
    }

    @Override
    public Class<MoeConfig> configType() {
        return MoeConfig.class;
    }

    /** Small engines with random memory latency (1..40) and bandwidth (1..16 bytes per cycle). */
    @Override
    public MoeConfig randomConfig(Random rng) {
        int experts = 1 + rng.nextInt(12);
        int topK = experts >= 2 && rng.nextBoolean() ? 2 : 1;
        return new MoeConfig(experts, topK, 1 + rng.nextInt(8), 1 << rng.nextInt(3), 1 << rng.nextInt(4),
                2 + rng.nextInt(10), 1 + rng.nextInt(40), 1 + rng.nextInt(16));
    }

    @Override
    public ModuleGen<MoeConfig> generator() {
        return new MoeLayer();
    }

    @Override
    public GoldenModel golden(MoeConfig config) {
        return new MoeLayerGolden(config);
    }

    @Override
    public Stimulus randomWork(MoeConfig config, int vectors, long seed) {
        return MoeLayerStimulus.random(config, vectors, seed);
    }

    @Override
    public UnitFigures figures(MoeConfig c) {
        long macs = (long) c.rows() * c.cols();
        return new UnitFigures(macs, macs, c.experts() + "-expert top-" + c.topK() + " MoE layer, " + c.rows() + "x"
                + c.cols() + " INT8 systolic expert array, d_model " + c.dModel() + ", double-buffered expert weights",
                MoeFigures.of(c));
    }
}
