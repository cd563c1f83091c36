package dev.accelgen.pe.ternary;

import dev.accelgen.hdl.ModuleGen;
import dev.accelgen.pe.UnitFigures;
import dev.accelgen.pe.UnitKind;
import dev.accelgen.sim.GoldenModel;
import dev.accelgen.sim.Stimulus;
import java.util.Random;

/** BitLinear ternary dot-product lanes (MatMul-free LM). */
public final class TernaryKind implements UnitKind<TernaryConfig> {
    @Override
    public String name() {
        return "ternary";
    }

    @Override
    public Class<TernaryConfig> configType() {
        return TernaryConfig.class;
    }

    @Override
    public TernaryConfig randomConfig(Random rng) {
        int lanes = 2 + rng.nextInt(23);
        int aBits = rng.nextInt(3) == 0 ? 2 + rng.nextInt(15) : 8;
        Packing p = rng.nextBoolean() ? Packing.TWO_BIT : Packing.BASE3;
        LaneForm f = rng.nextInt(4) == 0 ? LaneForm.values()[rng.nextInt(3)] : LaneForm.LUT6_2;
        return new TernaryConfig(lanes, aBits, p, f);
    }

    @Override
    public ModuleGen<TernaryConfig> generator() {
        return new TernaryUnit();
    }

    @Override
    public GoldenModel golden(TernaryConfig config) {
        return new TernaryGolden(config);
    }

    @Override
    public Stimulus randomWork(TernaryConfig config, int vectors, long seed) {
        return TernaryStimulus.random(config, vectors, seed);
    }

    @Override
    public UnitFigures figures(TernaryConfig c) {
        return new UnitFigures(c.lanes(), 0, c.lanes() + " ternary x int" + c.aBits() + " lanes, "
                + c.packing().cliName() + " weights, " + c.form().tag() + " lane form, 32-bit accumulator, no DSP");
    }
}
