package dev.accelgen.cli.pe;

import dev.accelgen.pe.systolic.SystolicConfig;
import picocli.CommandLine.Option;

/** Options of {@code accelgen pe ... systolic}. */
public final class SystolicOptions implements KindOptions<SystolicConfig> {
    @Option(names = "--rows", defaultValue = "4", description = "PE rows (default ${DEFAULT-VALUE})")
    int rows;

    @Option(names = "--cols", defaultValue = "4", description = "PE columns (default ${DEFAULT-VALUE})")
    int cols;

    @Option(names = "--a-bits", defaultValue = "8", description = "activation bits (default ${DEFAULT-VALUE})")
    int aBits;

    @Option(names = "--w-bits", defaultValue = "8", description = "weight bits (default ${DEFAULT-VALUE})")
    int wBits;

    @Option(names = "--acc-bits", defaultValue = "32", description = "accumulator bits (default ${DEFAULT-VALUE})")
    int accBits;

    @Option(names = "--unsigned", description = "unsigned operands (default: signed two's complement)")
    boolean unsigned;

    @Override
    public SystolicConfig toConfig() {
        return new SystolicConfig(rows, cols, aBits, wBits, accBits, !unsigned);
    }
}
