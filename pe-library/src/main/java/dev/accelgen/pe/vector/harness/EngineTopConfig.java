package dev.accelgen.pe.vector.harness;

import dev.accelgen.pe.vector.engine.EngineGen;

/** The standalone test top of one engine configuration (buffers as deep as the engine's address ports reach). */
public record EngineTopConfig<C>(EngineGen<C> engine, C config) {
    public String moduleName() {
        return "top_" + engine.moduleName(config);
    }
}
