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
    void encoderAndVitGetAttentionAndGelu() {
        Map<String, Integer> enc = GraphText.opCounts(zoo("tiny-encoder"));
        assertEquals(1, enc.get("Attention"));
        assertEquals(1, enc.get("Gelu"));
        Map<String, Integer> vit = GraphText.opCounts(zoo("tiny-moe-vit"));
        assertEquals(1, vit.get("Attention"));
        assertEquals(4, vit.get("Gelu"));
        assertEquals(1, vit.get("TopK"));
    }
}
