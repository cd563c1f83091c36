package dev.accelgen.compiler.hf;

import dev.accelgen.errors.ConfigError;

/**
 * How a config becomes a graph.
 *
 * @param seqLen tokens (or patches, for a ViT when the config does not fix them) per sequence, 1..65536
 * @param mode   weights declared only, or with seeded synthetic values
 * @param seed   seed of the synthetic weights
 */
public record BuildOptions(int seqLen, GraphBuilder.WeightMode mode, long seed) {
    public BuildOptions {
        if (seqLen < 1 || seqLen > 65536) {
            throw new ConfigError("", "seq-len must be in 1..65536 (got " + seqLen + ")");
        }
    }

    public static BuildOptions weightless() {
        return new BuildOptions(8, GraphBuilder.WeightMode.NONE, 0);
    }

    public static BuildOptions synthetic(int seqLen, long seed) {
        return new BuildOptions(seqLen, GraphBuilder.WeightMode.SYNTHETIC, seed);
    }
}
