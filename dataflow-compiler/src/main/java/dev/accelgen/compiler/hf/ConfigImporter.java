package dev.accelgen.compiler.hf;

import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.errors.ModelError;

/** Picks the builder for a config.json by its architecture (or model_type). */
public final class ConfigImporter {
    private ConfigImporter() {
    }

    public static Graph build(byte[] json, String source, BuildOptions o) {
        HfConfig c = HfConfig.parse(json, source);
        String arch = c.architecture();
        return switch (arch) {
            case "LlamaForCausalLM", "llama", "MistralForCausalLM", "mistral", "Qwen2ForCausalLM", "qwen2" -> LlamaImporter.build(c, o);
            case "HGRNBitForCausalLM", "hgrn_bit" -> MmfreeImporter.build(c, o);
            case "M3ViT", "m3vit" -> MoeVitImporter.build(c, o);
            case "AccelgenHybrid", "accelgen_hybrid" -> HybridImporter.build(c, o);
            case "" -> throw new ModelError(source, "missing required key 'architectures' (or 'model_type')");
            default -> throw new ModelError(source, "unsupported architecture '" + arch
                    + "' (supported: LlamaForCausalLM, MistralForCausalLM, Qwen2ForCausalLM, HGRNBitForCausalLM, M3ViT, AccelgenHybrid)");
        };
    }
}
