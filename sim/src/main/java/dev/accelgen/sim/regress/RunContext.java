package dev.accelgen.sim.regress;

import dev.accelgen.sim.verilator.BuildOptions;
import java.nio.file.Path;

/** What a case type may use while running a batch: Verilator build options and a private scratch directory. */
public record RunContext(BuildOptions buildOptions, Path scratch) {
}
