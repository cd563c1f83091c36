package dev.accelgen.pe.systolic;

import dev.accelgen.hdl.ModuleGen;
import dev.accelgen.pe.UnitFigures;
import dev.accelgen.pe.UnitKind;
import dev.accelgen.sim.GoldenModel;
import dev.accelgen.sim.Stimulus;
import java.util.Random;

/** The output-stationary INT8 systolic array family. */
public final class SystolicKind implements UnitKind<SystolicConfig> {
    @Override
    public String name() {
        return "systolic";
    }

    @Override
    public Class<SystolicConfig> configType() {
        return SystolicConfig.class;
    }

    @Override
    public SystolicConfig randomConfig(Random rng) {
        int a = 2 + rng.nextInt(9);
        int w = 2 + rng.nextInt(9);
        return new SystolicConfig(1 + rng.nextInt(6), 1 + rng.nextInt(6), a, w, a + w + rng.nextInt(12), rng.nextBoolean());
    }

    @Override
    public ModuleGen<SystolicConfig> generator() {
        return new SystolicArray();
    }

    @Override
    public GoldenModel golden(SystolicConfig config) {
        return new SystolicGolden(config);
    }

    @Override
    public Stimulus randomWork(SystolicConfig config, int vectors, long seed) {
        return SystolicStimulus.random(config, vectors, seed);
    }

    @Override
    public UnitFigures figures(SystolicConfig c) {
        long macs = (long) c.rows() * c.cols();
        return new UnitFigures(macs, macs, c.rows() + "x" + c.cols() + " output-stationary " + (c.signed() ? "signed " : "unsigned ")
                + c.aBits() + "x" + c.wBits() + "-bit MAC array, " + c.accBits() + "-bit accumulators");
    }
}
