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
import dev.accelgen.compiler.zoo.Zoo;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The float interpreter on the PyTorch-exported zoo models, after folding and fusion, agrees with onnxruntime to 1e-5. */
class ZooOrtAgreementTest {
    @ParameterizedTest
    @ValueSource(strings = {"tiny-encoder", "tiny-llama", "tiny-mmfree", "tiny-moe-vit"})
    void floatInterpreterMatchesOnnxruntime(String name) {
        long seed = 42;
        System.out.println("seed=" + seed);
        byte[] bytes = Zoo.bytes(name);
        Graph g = ModelLoader.load("zoo:" + name, Map.of(), BuildOptions.weightless()).graph();
        Map<String, Tensor> inputs = SeededInputs.of(g, seed);
        Map<String, Tensor> ours = FloatInterpreter.run(g, inputs);
        Map<String, Tensor> ort = OrtReference.run(bytes, inputs);
        assertEquals(ort.keySet(), ours.keySet());
        System.out.println(name + " ops " + g.nodes().stream().map(n -> n.op().kind()).collect(
                java.util.stream.Collectors.groupingBy(k -> k, java.util.TreeMap::new, java.util.stream.Collectors.counting())));
        for (String out : ort.keySet()) {
            ErrorStats e = ErrorStats.of(ours.get(out), ort.get(out));
            System.out.println(name + " " + out + " " + ours.get(out).shape() + " " + e);
            assertTrue(e.maxRel() <= 1e-5, name + ": " + e);
        }
    }
}
