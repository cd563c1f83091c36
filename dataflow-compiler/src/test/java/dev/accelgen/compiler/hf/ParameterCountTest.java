package dev.accelgen.compiler.hf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.accelgen.compiler.ModelLoader;
import dev.accelgen.compiler.ir.Graph;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parameter counts of the zoo configs, computed from weight shapes only (no weights are materialised). */
class ParameterCountTest {
    private static Graph load(String spec) {
        return ModelLoader.load(spec, Map.of(), BuildOptions.weightless()).graph();
    }

    @Test
    void llama2_7bHasExactlyItsPublishedParameterCount() {
        Graph g = load("zoo:llama2-7b");
        assertEquals(6_738_415_616L, g.parameterCount());
        assertFalse(g.hasWeightData());
    }

    @Test
    void mmfreelmCountsFollowTheReferenceLayerShapes() {
        // per layer: 4 d^2 (f,i,g,o) + 3 d I (gate 2I, down) + norms: attn, mlp, g_norm, 6 BitLinear gains (5 d + I)
        // plus embedding and lm_head (V d each), final norm and lm_head's BitLinear gain (2 d)
        assertEquals(expectedMmfree(1024, 24, 2816), load("zoo:mmfreelm-370m").parameterCount());
        assertEquals(expectedMmfree(2048, 24, 5632), load("zoo:mmfreelm-1.3b").parameterCount());
        assertEquals(expectedMmfree(2560, 32, 6912), load("zoo:mmfreelm-2.7b").parameterCount());
    }

    private static long expectedMmfree(long d, long layers, long inter) {
        long perLayer = 4 * d * d + 3 * d * inter + 3 * d + 5 * d + inter;
        return layers * perLayer + 2 * 32000 * d + 2 * d;
    }

    @Test
    void m3vitSmallCountsDenseAndMoeLayers() {
        long d = 384;
        long attn = 2 * d + 3 * d * d + 3 * d + d * d + d + 2 * d;
        long dense = d * 1536 + 1536 + 1536 * d + d;
        long moe = 2 * d * 16 + 16 * (d * 384 + 384 + 384 * d + d);
        long expected = 768 * d + d + 196 * d + 6 * (attn + dense) + 6 * (attn + moe) + 2 * d;
        assertEquals(expected, load("zoo:m3vit-small").parameterCount());
    }

    @Test
    void qwen2HasQkvBiasesAndOneTiedEmbedding() {
        // per layer: q d x d + d, k and v d x kv + kv each (kv = 2 heads of 8), o d x d, gate/up/down 3 d I, two norms;
        // the embedding V d once (the LM head is its transpose), the final norm
        long d = 32;
        long kv = 16;
        long perLayer = d * d + d + 2 * (d * kv + kv) + d * d + 3 * d * 64 + 2 * d;
        assertEquals(2 * perLayer + 50 * d + d, load("src/test/resources/configs/tiny-qwen2.config.json").parameterCount());
    }
}
