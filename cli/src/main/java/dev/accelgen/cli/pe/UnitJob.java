package dev.accelgen.cli.pe;

import dev.accelgen.hdl.Design;
import dev.accelgen.hdl.Hdl;
import dev.accelgen.pe.UnitKind;
import dev.accelgen.sim.GoldenModel;
import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.StressProfile;
import dev.accelgen.sim.bundle.BundleCase;
import dev.accelgen.sim.manifest.ManifestReader;
import java.nio.file.Path;

/** One configuration of one unit family, typed: elaborate, emit, and pair with golden model and stimulus. */
record UnitJob<C extends Record>(UnitKind<C> kind, C config) {
    @SuppressWarnings("unchecked")
    static <C extends Record> UnitJob<C> of(UnitKind<C> kind, Record config) {
        return new UnitJob<>(kind, (C) config);
    }

    Design elaborate() {
        return Hdl.elaborate(kind.generator(), config);
    }

    GoldenModel golden() {
        return kind.golden(config);
    }

    /** {@code vectors} random work items for this configuration (seed 1). */
    Stimulus stimulus(int vectors) {
        return kind.randomStimulus(config, vectors, 1);
    }

    /** Emits the design into {@code dir} and returns the case a (bundle) verifier runs, under {@code stress}. */
    BundleCase emitCase(Path dir, int vectors, long seed, StressProfile stress) {
        Path manifest = elaborate().emit(dir);
        return new BundleCase(ManifestReader.read(manifest), golden(), stimulus(vectors, seed, stress));
    }

    /** {@code vectors} random work items from {@code seed}, under {@code stress}. */
    Stimulus stimulus(int vectors, long seed, StressProfile stress) {
        return kind.randomStimulus(config, vectors, seed, stress);
    }
}
