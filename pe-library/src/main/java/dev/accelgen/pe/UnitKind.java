package dev.accelgen.pe;

import dev.accelgen.hdl.ModuleGen;
import dev.accelgen.sim.GoldenModel;
import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.StressProfile;
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

    /**
     * {@code vectors} random work items (e.g. matrix tiles) as stimulus, reproducible from {@code seed}, without
     * stress: idle inputs 0, outputs always ready, memories at their nominal latency.
     */
    Stimulus randomWork(C config, int vectors, long seed);

    /** Random work under {@code stress}. */
    default Stimulus randomStimulus(C config, int vectors, long seed, StressProfile stress) {
        return stress.apply(randomWork(config, vectors, seed));
    }

    /**
     * Random work under {@link StressProfile#DEFAULT}: junk on idle inputs, backpressure where a ready exists,
     * memory stalls and latency drawn from [L, 3L].
     */
    default Stimulus randomStimulus(C config, int vectors, long seed) {
        return randomStimulus(config, vectors, seed, StressProfile.DEFAULT);
    }

    /**
     * Work items {@code pe verify} and {@code bench mutation} use unless told otherwise: 20, or as many as the
     * stimulus needs to reach every entry of the unit's tables.
     */
    default int defaultVectors() {
        return 20;
    }

    UnitFigures figures(C config);
}
