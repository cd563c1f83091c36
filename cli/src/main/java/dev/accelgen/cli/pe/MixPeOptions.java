package dev.accelgen.cli.pe;

import dev.accelgen.pe.mixpe.ActType;
import dev.accelgen.pe.mixpe.MixPeConfig;
import dev.accelgen.pe.mixpe.MulForm;
import picocli.CommandLine.Option;

/** Options of {@code accelgen pe ... mixpe}. */
public final class MixPeOptions implements KindOptions<MixPeConfig> {
    @Option(names = "--w-bits", defaultValue = "4", description = "weight bits: 2, 3, 4 or 8 (default ${DEFAULT-VALUE})")
    int wBits;

    @Option(names = "--a-type", defaultValue = "int8", description = "activations: int8, int16 or fp16 (default ${DEFAULT-VALUE})")
    String aType;

    @Option(names = "--group", defaultValue = "32", description = "quantization group size along the reduction; must divide --lanes (default ${DEFAULT-VALUE})")
    int group;

    @Option(names = "--lanes", defaultValue = "32", description = "MACs per cycle, 1..256 (default ${DEFAULT-VALUE})")
    int lanes;

    @Option(names = "--cols", defaultValue = "1", description = "output columns sharing the activations, 1..64 (default ${DEFAULT-VALUE})")
    int cols;

    @Option(names = "--lut-multiplier", description = "write each lane as a behavioural '*' (baseline for resource comparisons)")
    boolean lutMultiplier;

    @Override
    public MixPeConfig toConfig() {
        return new MixPeConfig(wBits, ActType.parse(aType), group, lanes, cols, lutMultiplier ? MulForm.LUT_MUL : MulForm.SHIFT_ADD);
    }
}
