package dev.accelgen.pe.accel.model;

import dev.accelgen.errors.ConfigError;
import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.isa.Opcode;
import java.util.List;

/** Creates the compute engines' cycle models of a configuration, in the order the dispatcher numbers them. */
@FunctionalInterface
public interface ComputeEngines {
    /** {@code timingOnly}: the engines skip arithmetic (see {@link AccelModel.Mode#TIMING}). */
    List<BoundEngine> create(HwConfig config, boolean timingOnly);

    /** The engines pe-library implements; a configuration naming any other unit or vector op is refused. */
    static ComputeEngines library() {
        return (config, timingOnly) -> {
            if (!config.matrixUnits().isEmpty()) {
                throw new ConfigError("hw.json matrixUnits", "no matrix engine is implemented yet; use a configuration"
                        + " without matrix units");
            }
            for (Opcode o : config.vectorOps()) {
                throw new ConfigError("hw.json vectorOps", o + " has no engine yet; remove it from the configuration");
            }
            return List.of();
        };
    }
}
