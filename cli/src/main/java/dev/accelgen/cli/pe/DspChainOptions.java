package dev.accelgen.cli.pe;

import dev.accelgen.pe.dsp.DspChainConfig;
import dev.accelgen.pe.dsp.Packing;
import dev.accelgen.pe.dsp.Sparsity;
import picocli.CommandLine.Option;

/** Options of {@code accelgen pe ... dsp-chain}. */
public final class DspChainOptions implements KindOptions<DspChainConfig> {
    @Option(names = "--length", defaultValue = "8", description = "DSP48E2 slices in the chain (default ${DEFAULT-VALUE})")
    int length;

    @Option(names = "--packing", defaultValue = "int8x2",
            description = "products per slice: none (1 INT8), int8x2 (2 INT8, WP486) or int4x4 (4 INT4) (default ${DEFAULT-VALUE})")
    String packing;

    @Option(names = "--sparsity", defaultValue = "dense",
            description = "sparse pattern the mode register can select: dense, 2:4, 1:4, 2:8 or block:B (default ${DEFAULT-VALUE})")
    String sparsity;

    @Override
    public DspChainConfig toConfig() {
        return new DspChainConfig(length, Packing.parse(packing), Sparsity.parse(sparsity));
    }
}
