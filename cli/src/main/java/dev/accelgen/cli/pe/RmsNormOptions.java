package dev.accelgen.cli.pe;

import dev.accelgen.pe.rmsnorm.RmsNormConfig;
import picocli.CommandLine.Option;

/** Options of {@code accelgen pe ... rmsnorm}. */
public final class RmsNormOptions implements KindOptions<RmsNormConfig> {
    @Option(names = "--n", defaultValue = "64", description = "vector length, a power of two 2..256 (default ${DEFAULT-VALUE})")
    int n;

    @Option(names = "--lanes", defaultValue = "4", description = "elements per cycle, a power of two dividing --n (default ${DEFAULT-VALUE})")
    int lanes;

    @Option(names = "--eps", defaultValue = "1", description = "added to the mean square, in squared input units, 1..65535 (default ${DEFAULT-VALUE})")
    int eps;

    @Override
    public RmsNormConfig toConfig() {
        return new RmsNormConfig(n, lanes, eps);
    }
}
