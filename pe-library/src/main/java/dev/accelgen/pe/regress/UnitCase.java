package dev.accelgen.pe.regress;

import dev.accelgen.hdl.Design;
import dev.accelgen.hdl.Hdl;
import dev.accelgen.pe.UnitKind;
import dev.accelgen.sim.GoldenModel;
import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.regress.RegressCase;

/**
 * One configuration of one unit kind, verified in Verilator against its golden model on {@code vectors} random
 * work items from {@code seed}.
 */
public record UnitCase(String id, UnitKind<?> kind, Record config, int vectors, long seed) implements RegressCase {
    public UnitCase {
        if (!kind.configType().isInstance(config)) {
            throw new IllegalArgumentException(kind.name() + " needs a " + kind.configType().getSimpleName() + ", got " + config);
        }
    }

    @Override
    public String group() {
        return kind.name();
    }

    /** The config as JSON (pasteable into a {@code unit-config} entry), the stimulus seed and vectors. */
    @Override
    public String describe() {
        return kind.name() + " config " + ConfigJson.write(config) + " seed " + seed + " vectors " + vectors;
    }

    public Design elaborate() {
        return elaborate(kind);
    }

    public GoldenModel golden() {
        return golden(kind);
    }

    public Stimulus stimulus() {
        return stimulus(kind);
    }

    private <C extends Record> Design elaborate(UnitKind<C> k) {
        return Hdl.elaborate(k.generator(), k.configType().cast(config));
    }

    private <C extends Record> GoldenModel golden(UnitKind<C> k) {
        return k.golden(k.configType().cast(config));
    }

    private <C extends Record> Stimulus stimulus(UnitKind<C> k) {
        return k.randomStimulus(k.configType().cast(config), vectors, seed);
    }
}
