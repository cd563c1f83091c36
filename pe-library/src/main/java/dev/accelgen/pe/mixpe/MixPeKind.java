package dev.accelgen.pe.mixpe;

import dev.accelgen.hdl.ModuleGen;
import dev.accelgen.pe.UnitFigures;
import dev.accelgen.pe.UnitKind;
import dev.accelgen.sim.GoldenModel;
import dev.accelgen.sim.Stimulus;
import java.util.Random;

/** MixPE mixed-precision shift-and-add dot-product units. */
public final class MixPeKind implements UnitKind<MixPeConfig> {
    private static final int[] W_BITS = {2, 3, 4, 8};

    @Override
    public String name() {
        return "mixpe";
    }

    @Override
    public Class<MixPeConfig> configType() {
        return MixPeConfig.class;
    }

    @Override
    public MixPeConfig randomConfig(Random rng) {
        int group = 1 << rng.nextInt(4);
        int lanes = group * (1 + rng.nextInt(3));
        ActType t = ActType.values()[rng.nextInt(3)];
        MulForm f = rng.nextInt(6) == 0 ? MulForm.LUT_MUL : MulForm.SHIFT_ADD;
        return new MixPeConfig(W_BITS[rng.nextInt(4)], t, group, lanes, 1 + rng.nextInt(3), f);
    }

    @Override
    public ModuleGen<MixPeConfig> generator() {
        return new MixPeUnit();
    }

    @Override
    public GoldenModel golden(MixPeConfig config) {
        return new MixPeGolden(config);
    }

    @Override
    public Stimulus randomWork(MixPeConfig config, int vectors, long seed) {
        return MixPeStimulus.random(config, vectors, seed);
    }

    @Override
    public UnitFigures figures(MixPeConfig c) {
        long dsp = (long) c.groupsPerBeat() * c.cols();
        return new UnitFigures(c.macs(), dsp, c.lanes() + " lanes x " + c.cols() + " columns W" + c.wBits() + "A"
                + c.aType().cliName() + " " + c.mulForm().tag() + " MACs, group " + c.group()
                + ", dequantization once per column and group (" + dsp + " DSP)");
    }
}
