package dev.accelgen.pe.vector.harness;

import dev.accelgen.hdl.Hdl;
import dev.accelgen.pe.vector.engine.EngineGen;
import dev.accelgen.pe.vector.engine.EngineModel;
import dev.accelgen.sim.bundle.BundleCase;
import dev.accelgen.sim.manifest.ManifestReader;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * One engine configuration with one run to verify: the RTL test top ({@link EngineTop}), the Java model's
 * factory, the run and the seed that produced it.
 */
public record EngineCase<C>(EngineGen<C> gen, C config, Supplier<EngineModel> model, EngineRun run, long seed) {
    /** Emits the test top into {@code dir} and pairs it with the Java bench and the run's stimulus. */
    public BundleCase bundleCase(Path dir) {
        Path manifest = Hdl.elaborate(new EngineTop<C>(), new EngineTopConfig<>(gen, config)).emit(dir);
        return new BundleCase(ManifestReader.read(manifest), golden(), run.stimulus(gen.geometry(config),
                gen.fields(config), seed));
    }

    public EngineBench golden() {
        return new EngineBench(gen.geometry(config), model, run);
    }

    public String describe() {
        return gen.moduleName(config) + " seed=" + seed + " instructions=" + run.issues().size();
    }
}
