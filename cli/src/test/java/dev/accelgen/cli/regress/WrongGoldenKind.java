package dev.accelgen.cli.regress;

import dev.accelgen.hdl.ModuleGen;
import dev.accelgen.pe.UnitFigures;
import dev.accelgen.pe.UnitKind;
import dev.accelgen.sim.GoldenModel;
import dev.accelgen.sim.OutputEvent;
import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.Trace;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Test-only: a real unit kind whose golden model is deliberately wrong. The RTL is the real unit's; the golden
 * trace has bit 0 of the first value of its first output event flipped, so verification must fail exactly there.
 */
final class WrongGoldenKind<C extends Record> implements UnitKind<C> {
    private final UnitKind<C> real;

    WrongGoldenKind(UnitKind<C> real) {
        this.real = real;
    }

    @Override
    public String name() {
        return "wrong-golden-" + real.name();
    }

    @Override
    public Class<C> configType() {
        return real.configType();
    }

    @Override
    public C randomConfig(Random rng) {
        return real.randomConfig(rng);
    }

    @Override
    public ModuleGen<C> generator() {
        return real.generator();
    }

    @Override
    public GoldenModel golden(C config) {
        GoldenModel right = real.golden(config);
        return stimulus -> corrupt(right.run(stimulus));
    }

    @Override
    public Stimulus randomWork(C config, int vectors, long seed) {
        return real.randomWork(config, vectors, seed);
    }

    @Override
    public UnitFigures figures(C config) {
        return real.figures(config);
    }

    private static Trace corrupt(Trace t) {
        List<OutputEvent> events = new ArrayList<>(t.events());
        OutputEvent first = events.get(0);
        Map<String, BigInteger> values = new LinkedHashMap<>(first.values());
        String port = values.keySet().iterator().next();
        values.put(port, values.get(port).flipBit(0));
        events.set(0, new OutputEvent(first.cycle(), first.stream(), values));
        return new Trace(events, t.totalCycles(), t.acceptances(), t.writes());
    }
}
