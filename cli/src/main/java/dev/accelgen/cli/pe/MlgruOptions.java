package dev.accelgen.cli.pe;

import dev.accelgen.pe.mlgru.MlgruConfig;
import picocli.CommandLine.Option;

/** Options of {@code accelgen pe ... mlgru}. */
public final class MlgruOptions implements KindOptions<MlgruConfig> {
    @Option(names = "--lanes", defaultValue = "8", description = "elements per cycle, 1..64 (default ${DEFAULT-VALUE})")
    int lanes;

    @Option(names = "--hidden", defaultValue = "64", description = "hidden size kept on chip; a multiple of --lanes (default ${DEFAULT-VALUE})")
    int hidden;

    @Override
    public MlgruConfig toConfig() {
        return new MlgruConfig(lanes, hidden);
    }
}
