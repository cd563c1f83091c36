package dev.accelgen.pe.mlgru;

import dev.accelgen.hdl.ModuleGen;
import dev.accelgen.pe.UnitFigures;
import dev.accelgen.pe.UnitKind;
import dev.accelgen.sim.GoldenModel;
import dev.accelgen.sim.Stimulus;
import java.util.Random;

/** The MLGRU token mixer's element-wise unit (MatMul-free LM). */
public final class MlgruKind implements UnitKind<MlgruConfig> {
    @Override
    public String name() {
        return "mlgru";
    }

    @Override
    public Class<MlgruConfig> configType() {
        return MlgruConfig.class;
    }

    @Override
    public MlgruConfig randomConfig(Random rng) {
        int lanes = 1 + rng.nextInt(6);
        return new MlgruConfig(lanes, lanes * (1 + rng.nextInt(12)));
    }

    @Override
    public ModuleGen<MlgruConfig> generator() {
        return new MlgruUnit();
    }

    @Override
    public GoldenModel golden(MlgruConfig config) {
        return new MlgruGolden(config);
    }

    @Override
    public Stimulus randomWork(MlgruConfig config, int vectors, long seed) {
        return MlgruStimulus.random(config, vectors, seed);
    }

    @Override
    public UnitFigures figures(MlgruConfig c) {
        return new UnitFigures(3L * c.lanes(), 3L * c.lanes(), c.lanes() + "-element MLGRU step (PLAN sigmoid, SiLU, "
                + "state update, output gate), hidden " + c.hidden() + " on chip, 3 multipliers per element");
    }
}
