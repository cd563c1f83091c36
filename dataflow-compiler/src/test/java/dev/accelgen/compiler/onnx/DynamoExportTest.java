package dev.accelgen.compiler.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.compiler.ModelLoader;
import dev.accelgen.compiler.hf.BuildOptions;
import dev.accelgen.compiler.interp.FloatInterpreter;
import dev.accelgen.compiler.interp.SeededInputs;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.ort.OrtReference;
import dev.accelgen.compiler.quant.ErrorStats;
import dev.accelgen.compiler.text.GraphText;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The zoo models as PyTorch's torch.export-based exporter writes them (opset 20, Gelu, ReduceMean with an axes
 * input, weights in external .data files): imported, fused to the same ops, and equal to onnxruntime.
 */
class DynamoExportTest {
    @ParameterizedTest
    @CsvSource({"encoder,Attention", "llama,RMSNorm", "mmfree,MLGRU", "moe-vit,MoE"})
    void importsFusesAndMatchesOnnxruntime(String name, String fusedOp) throws Exception {
        long seed = 21;
        System.out.println("seed=" + seed);
        Path p = Path.of("src/test/resources/onnx/dynamo", name + ".onnx");
        Graph g = ModelLoader.load(p.toString(), Map.of(), BuildOptions.weightless()).graph();
        Map<String, Integer> ops = GraphText.opCounts(g);
        System.out.println(name + " " + ops);
        assertTrue(ops.containsKey(fusedOp), name + " lacks " + fusedOp + ": " + ops);
        Map<String, Tensor> in = SeededInputs.of(g, seed);
        Map<String, Tensor> ours = FloatInterpreter.run(g, in);
        Map<String, Tensor> ref = OrtReference.run(p, in);
        assertEquals(ref.keySet(), ours.keySet());
        for (String out : ref.keySet()) {
            ErrorStats e = ErrorStats.of(ours.get(out), ref.get(out));
            System.out.println("dynamo " + name + " " + e);
            assertTrue(e.maxRel() <= 1e-5, name + ": " + e);
        }
    }
}
