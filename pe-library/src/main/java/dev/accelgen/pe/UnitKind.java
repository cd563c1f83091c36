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

    /**
     * Work items {@code pe verify} and {@code bench mutation} use unless told otherwise: 20, or as many as the
     * stimulus needs to reach every entry of the unit's tables.
     */
    default int defaultVectors() {
        return 20;
    }

    UnitFigures figures(C config);
}
