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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ops of transformer and LLM exports (models from src/test/resources/onnx/export_op_models.py), imported, optimised
 * and run by the float interpreter, against onnxruntime on the same seeded inputs. float32 models agree to 1e-5 of
 * each output's largest magnitude; the float16 model, which onnxruntime computes in float16 and we in float32, to
 * 2e-3 (4 float16 ulps at 1.0).
 */
class TransformerOpsTest {
    static Path op(String name) {
        return Path.of("src/test/resources/onnx/ops", name);
    }

    static Graph load(String file) {
        return ModelLoader.load(op(file).toString(), Map.of(), BuildOptions.weightless()).graph();
    }

    @ParameterizedTest
    @CsvSource({"attention-causal.onnx, 1e-5", "attention-gqa-3d.onnx, 1e-5", "attention-bool-mask.onnx, 1e-5",
            "attention-softcap.onnx, 1e-5", "rope.onnx, 1e-5", "conv.onnx, 1e-5", "batchnorm.onnx, 1e-5",
            "sequence.onnx, 1e-5", "where.onnx, 1e-5", "if.onnx, 1e-5", "logsoftmax-flatten.onnx, 1e-5",
            "einsum.onnx, 1e-5", "einsum-attention.onnx, 1e-5", "fp16.onnx, 2e-3"})
    void matchesOnnxruntime(String file, double tolerance) throws Exception {
        long seed = Long.getLong("seed", 17);
        System.out.println(file + " seed=" + seed + " (reproduce with -Dseed=" + seed + ")");
        Graph g = load(file);
        Map<String, Tensor> in = SeededInputs.of(g, seed);
        Map<String, Tensor> ours = FloatInterpreter.run(g, in);
        Map<String, Tensor> ref = OrtReference.run(Files.readAllBytes(op(file)), in);
        assertEquals(ref.keySet(), ours.keySet());
        for (String out : ref.keySet()) {
            ErrorStats e = ErrorStats.of(ours.get(out), ref.get(out));
            System.out.println(file + " " + out + " " + ours.get(out).shape() + " " + e);
            assertTrue(e.maxRel() <= tolerance, file + " " + out + ": " + e);
        }
    }

    /** What each model becomes after import and fusion: the ops the back end will see. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "attention-causal.onnx | {Attention=1, Concat=2}",
        "attention-gqa-3d.onnx | {Add=1, Attention=1, Concat=2, Reshape=4, Transpose=4}",
        "attention-bool-mask.onnx | {Attention=1, Where=1}",
        "attention-softcap.onnx | {Add=1, Div=1, MatMul=2, Mul=2, Reshape=6, Softmax=1, Tanh=1, Transpose=1}",
        "rope.onnx | {Rope=2}",
        "conv.onnx | {Conv=4, Reshape=2, Transpose=1}",
        "batchnorm.onnx | {Add=4, BatchNorm=3, Conv=1, MatMul=3, Relu=1, Reshape=1}",
        "logsoftmax-flatten.onnx | {LogSoftmax=2, Reshape=3}",
        "einsum.onnx | {MatMul=7, Transpose=4}",
        "einsum-attention.onnx | {Attention=1}",
        "if.onnx | {Add=2, Identity=3, Mul=1, Neg=1, Relu=1}"})
    void lowersTo(String file, String ops) {
        assertEquals(ops, GraphText.opCounts(load(file)).toString());
    }
}
