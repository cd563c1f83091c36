package dev.accelgen.pe.dsp;

import dev.accelgen.errors.ConfigError;
import dev.accelgen.hdl.ModuleGen;
import dev.accelgen.pe.UnitFigures;
import dev.accelgen.pe.UnitKind;
import dev.accelgen.sim.GoldenModel;
import dev.accelgen.sim.Stimulus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The FlightLLM-style sparse DSP48E2 chain family ({@code dsp-chain}). */
public final class DspChainKind implements UnitKind<DspChainConfig> {
    private static final List<String> SPARSITIES = List.of("dense", "2:4", "1:4", "2:8", "block:1", "block:2", "block:4",
            "block:8");

    @Override
    public String name() {
        return "dsp-chain";
    }

    @Override
    public Class<DspChainConfig> configType() {
        return DspChainConfig.class;
    }

    /** Length 1..16, any packing, a sparsity the length admits (retries until valid). */
    @Override
    public DspChainConfig randomConfig(Random rng) {
        while (true) {
            int length = 1 + rng.nextInt(16);
            Packing packing = Packing.values()[rng.nextInt(Packing.values().length)];
            Sparsity sparsity = Sparsity.parse(SPARSITIES.get(rng.nextInt(SPARSITIES.size())));
            try {
                return new DspChainConfig(length, packing, sparsity);
            } catch (ConfigError notAMultiple) {
                // length not a multiple of N or B: draw again
            }
        }
    }

    @Override
    public ModuleGen<DspChainConfig> generator() {
        return new DspChain();
    }

    @Override
    public GoldenModel golden(DspChainConfig config) {
        return new DspChainGolden(config);
    }

    @Override
    public Stimulus randomWork(DspChainConfig config, int vectors, long seed) {
        return DspChainStimulus.random(config, vectors, seed);
    }

    @Override
    public UnitFigures figures(DspChainConfig c) {
        long macs = (long) c.length() * c.packing().lanes();
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("latency_cycles", c.latency());
        extra.put("cascade_segments", c.segments());
        Map<String, Object> effective = new LinkedHashMap<>();
        effective.put("dense", (double) c.packing().lanes());
        if (c.sparse()) {
            effective.put(c.sparsity().spec(), effectiveMacsPerDsp(c));
        }
        extra.put("effective_macs_per_dsp_per_cycle", effective);
        return new UnitFigures(macs, c.length(), c.length() + "-slice DSP48E2 chain, " + c.packing().cliName() + " packing, "
                + c.segments() + " cascade segment(s), " + (c.sparse() ? "dense or " + c.sparsity().spec()
                + " selected by the mode register" : "dense only") + ", latency " + c.latency() + " cycles", extra);
    }

    /** Dense-equivalent MACs per DSP per cycle in sparse mode (lanes x window / length); dense mode gives lanes. */
    public static double effectiveMacsPerDsp(DspChainConfig c) {
        return (double) c.packing().lanes() * c.window() / c.length();
    }
}
