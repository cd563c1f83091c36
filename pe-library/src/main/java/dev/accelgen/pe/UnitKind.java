package dev.accelgen.pe;

import dev.accelgen.hdl.ModuleGen;
import dev.accelgen.sim.GoldenModel;
import dev.accelgen.sim.Stimulus;
import java.util.Random;

/**
 * A family of processing units: how to generate one configuration, its golden model, stimulus for it,
 * random valid configurations for sweeps, and the figures reports need. The CLI's {@code accelgen pe}
 * commands are built from these.
 *
 * @param <C> the family's validated configuration record
 */
public interface UnitKind<C extends Record> {
    /** CLI name, e.g. "systolic". */
    String name();

    Class<C> configType();

    /** A random valid configuration, small enough to simulate quickly. */
    C randomConfig(Random rng);

    ModuleGen<C> generator();

    GoldenModel golden(C config);

    /** {@code vectors} random work items (e.g. matrix tiles) as stimulus, reproducible from {@code seed}. */
    Stimulus randomStimulus(C config, int vectors, long seed);

    UnitFigures figures(C config);
}
