package dev.accelgen.compiler.hf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.compiler.ModelLoader;
import dev.accelgen.compiler.interp.FloatInterpreter;
import dev.accelgen.compiler.interp.SeededInputs;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.quant.ErrorStats;
import dev.accelgen.compiler.quant.QuantPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The LLaMA config importer's graph (RoPE, grouped-query causal attention, SwiGLU, RMSNorm) computes what
 * PyTorch's exported tiny-llama computes: the config describing that model, given the ONNX file's weights
 * role by role, produces the same logits.
 */
class LlamaAgainstPyTorchTest {
    /** Weights by role, in graph order: embedding, norm gains, then weight-MatMul matrices. */
    private static List<String> roles(Graph g) {
        List<String> r = new ArrayList<>();
        List<String> norms = new ArrayList<>();
        List<String> mats = new ArrayList<>();
        for (Node n : g.nodes()) {
            if (n.op() instanceof Op.Gather && g.weights().containsKey(n.input(0))) {
                r.add(n.input(0));
            } else if (n.op() instanceof Op.RmsNorm) {
                norms.add(n.input(1));
            } else if (QuantPlan.isWeightMatMul(g, n)) {
                mats.add(n.input(1));
            }
        }
        r.addAll(norms);
        r.addAll(mats);
        return r;
    }

    @Test
    void configGraphWithTheExportedWeightsMatchesTheExport() {
        Graph onnx = ModelLoader.load("zoo:tiny-llama", Map.of(), BuildOptions.weightless()).graph();
        Graph cfg = ModelLoader.load("src/test/resources/configs/zoo-tiny-llama.config.json", Map.of(), BuildOptions.synthetic(8, 1)).graph();
        List<String> from = roles(onnx);
        List<String> to = roles(cfg);
        assertEquals(12, from.size());
        assertEquals(from.size(), to.size());
        Map<String, Tensor> data = new LinkedHashMap<>();
        for (int i = 0; i < from.size(); i++) {
            Tensor w = onnx.weightData().get(from.get(i));
            assertEquals(cfg.type(to.get(i)), w.type(), to.get(i));
            data.put(to.get(i), w);
        }
        // the export stores the rotary cos/sin buffers (2 x [8, 8]) as initializers; the config graph has them as constants
        assertEquals(onnx.parameterCount() - 2 * 8 * 8, cfg.parameterCount());
        Graph mapped = cfg.withWeights(cfg.weights(), data);
        long seed = 4;
        System.out.println("seed=" + seed);
        Map<String, Tensor> in = SeededInputs.of(onnx, seed);
        Tensor want = FloatInterpreter.run(onnx, in).get(onnx.outputs().get(0));
        Tensor got = FloatInterpreter.run(mapped, Map.of("input_ids", in.get(onnx.inputs().get(0)))).get(mapped.outputs().get(0));
        ErrorStats e = ErrorStats.of(got, want);
        System.out.println("llama config vs pytorch export " + e);
        assertTrue(e.maxRel() <= 1e-5, e.toString());
    }
}
