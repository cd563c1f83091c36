package dev.accelgen.compiler.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.compiler.ModelLoader;
import dev.accelgen.compiler.hf.BuildOptions;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.text.GraphText;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fusion passes recognise the patterns PyTorch's exporter emitted for the zoo models. */
class FusionTest {
    private static Graph zoo(String name) {
        return ModelLoader.load("zoo:" + name, Map.of(), BuildOptions.weightless()).graph();
    }

    @Test
    void tinyLlamaHasCausalAttentionRmsNormsAndSwiGlu() {
        Graph g = zoo("tiny-llama");
        Map<String, Integer> ops = GraphText.opCounts(g);
        assertEquals(3, ops.get("RMSNorm"));
        assertEquals(1, ops.get("SwiGLU"));
        assertEquals(1, ops.get("Attention"));
        Node attn = g.nodes().stream().filter(n -> n.op() instanceof Op.Attention).findFirst().orElseThrow();
        Op.Attention a = (Op.Attention) attn.op();
        assertTrue(a.causal(), "the exported -inf triangle became the causal flag");
        assertEquals(3, attn.inputs().size(), "no explicit mask operand remains");
        assertEquals((float) (1 / Math.sqrt(8)), a.scale(), 1e-7f);
        assertEquals(1e-6f, ((Op.RmsNorm) g.nodes().stream().filter(n -> n.op() instanceof Op.RmsNorm).findFirst().orElseThrow().op()).eps());
    }

    @Test
    void tinyMmfreeCollapsesToBitLinearsAndOneMlgru() {
        assertEquals(Map.of("Add", 2, "MLGRU", 1, "MatMul", 7, "RMSNorm", 2, "SwiGLU", 1), GraphText.opCounts(zoo("tiny-mmfree")));
    }

    @Test
    void tanhGeluIsRecognised() {
        Graph g = ModelLoader.load("src/test/resources/onnx/ops-mix.onnx", Map.of(), BuildOptions.weightless()).graph();
        assertEquals(1, g.nodes().stream().filter(n -> n.op().equals(new Op.Gelu(true))).count());
        assertEquals(1, GraphText.opCounts(g).get("Tanh"), "only the model's own tanh remains");
    }

    @Test
    void encoderGetsAttentionAndGelu() {
        Map<String, Integer> enc = GraphText.opCounts(zoo("tiny-encoder"));
        assertEquals(1, enc.get("Attention"));
        assertEquals(1, enc.get("Gelu"));
    }

    @Test
    void vitDenseTopKExpertsBecomeOneMoe() {
        Graph g = zoo("tiny-moe-vit");
        Map<String, Integer> vit = GraphText.opCounts(g);
        assertEquals(1, vit.get("Attention"));
        assertEquals(1, vit.get("MoE"));
        assertEquals(null, vit.get("TopK"));
        assertEquals(null, vit.get("Gelu"));
        Node moe = g.nodes().stream().filter(n -> n.op() instanceof Op.Moe).findFirst().orElseThrow();
        assertEquals(new Op.Moe(4, 2), moe.op());
        assertEquals("float32[4,32,64]", g.type(moe.input(2)).toString());
        assertEquals("float32[4,64,32]", g.type(moe.input(4)).toString());
        // the stacked expert weights replace the per-expert ones, so the count is the file's: patch 1568 + pos 512
        // + qkv 3168 + proj 1056 + router 128 + experts 4 * 4192 + one LayerNorm pair 64 (the exporter stored ln2's
        // initial ones/zeros once, behind Identity nodes) = 23,264
        assertEquals(23_264, g.parameterCount());
    }
}
