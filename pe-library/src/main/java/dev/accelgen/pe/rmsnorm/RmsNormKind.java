package dev.accelgen.pe.rmsnorm;

import dev.accelgen.hdl.ModuleGen;
import dev.accelgen.pe.UnitFigures;
import dev.accelgen.pe.UnitKind;
import dev.accelgen.sim.GoldenModel;
import dev.accelgen.sim.Stimulus;
import java.util.Random;

/** RMSNorm in fixed point (sum of squares, table + Newton rsqrt). */
public final class RmsNormKind implements UnitKind<RmsNormConfig> {
    @Override
    public String name() {
        return "rmsnorm";
    }

    @Override
    public Class<RmsNormConfig> configType() {
        return RmsNormConfig.class;
    }

    @Override
    public RmsNormConfig randomConfig(Random rng) {
        int n = 1 << (1 + rng.nextInt(5));
        int lanes = 1 << rng.nextInt(Integer.numberOfTrailingZeros(n) + 1);
        int eps = rng.nextBoolean() ? 1 : 1 + rng.nextInt(65535);
        return new RmsNormConfig(n, lanes, eps);
    }

    @Override
    public ModuleGen<RmsNormConfig> generator() {
        return new RmsNormUnit();
    }

    @Override
    public GoldenModel golden(RmsNormConfig config) {
        return new RmsNormGolden(config);
    }

    @Override
    public Stimulus randomWork(RmsNormConfig config, int vectors, long seed) {
        return RmsNormStimulus.random(config, vectors, seed);
    }

    /** Every rsqrt table entry, every exponent, the all-zero and the full-scale vector, and two random ones. */
    @Override
    public int defaultVectors() {
        return RmsNormArith.TABLE_SIZE + 15 + 2 + 2;
    }

    @Override
    public UnitFigures figures(RmsNormConfig c) {
        return new UnitFigures(c.lanes(), 2L * c.lanes() + 3, "RMSNorm of " + c.n() + " int16 elements, " + c.lanes()
                + " per cycle (squares and scaling: one multiplier per lane each; Newton step: 3)");
    }
}
