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
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ONNX files exported by PyTorch (src/test/resources/onnx/export_test_models.py): QuantizeLinear/DequantizeLinear,
 * a mix of elementwise/reduction/shape ops, weights in an external data file and a Conv, each against onnxruntime;
 * and the opset 11 export upgraded by the onnx version converter (export_op_models.py), as the opset refusal advises.
 */
class ExportedModelsTest {
    static Path resource(String name) {
        return Path.of("src/test/resources/onnx", name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"qdq.onnx", "ops-mix.onnx", "external/model.onnx", "conv.onnx", "ops/opset11-opset17.onnx"})
    void matchesOnnxruntime(String file) throws Exception {
        long seed = 11;
        System.out.println("seed=" + seed);
        Path p = resource(file);
        Graph g = ModelLoader.load(p.toString(), Map.of(), BuildOptions.weightless()).graph();
        Map<String, Tensor> in = SeededInputs.of(g, seed);
        Map<String, Tensor> ours = FloatInterpreter.run(g, in);
        Map<String, Tensor> ref = OrtReference.run(p, in); // external data is resolved relative to the model file
        for (String out : ref.keySet()) {
            ErrorStats e = ErrorStats.of(ours.get(out), ref.get(out));
            System.out.println(file + " " + out + " " + e);
            assertTrue(e.maxRel() <= 1e-5, file + ": " + e);
        }
        assertEquals(ref.keySet(), ours.keySet());
    }
}
