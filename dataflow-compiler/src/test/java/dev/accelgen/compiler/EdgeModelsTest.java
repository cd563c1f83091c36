package dev.accelgen.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.compiler.hf.BuildOptions;
import dev.accelgen.compiler.interp.FloatInterpreter;
import dev.accelgen.compiler.interp.SeededInputs;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.ort.OrtReference;
import dev.accelgen.compiler.quant.ErrorStats;
import dev.accelgen.compiler.quant.QuantPlan;
import dev.accelgen.compiler.quant.Tolerance;
import dev.accelgen.compiler.run.ModelRunner;
import dev.accelgen.errors.ModelError;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The crashes found on small edge-case models (written by {@code src/test/resources/onnx/make_edge_models.py}):
 * each model imports, and where it runs, the interpreter agrees with onnxruntime.
 */
class EdgeModelsTest {
    static final Path EDGE = Path.of("src/test/resources/onnx/edge");
    static final long SEED = 5;

    private static Graph load(String name) {
        return ModelLoader.load(EDGE.resolve(name).toString(), Map.of(), BuildOptions.weightless()).graph();
    }

    /** The float interpreter on seeded inputs against onnxruntime on the same inputs, every output. */
    private static Map<String, Tensor> agreesWithOnnxruntime(String name) {
        Graph g = load(name);
        Map<String, Tensor> in = SeededInputs.of(g, SEED);
        Map<String, Tensor> ours = FloatInterpreter.run(g, in);
        Map<String, Tensor> ref = OrtReference.run(EDGE.resolve(name), in);
        assertEquals(ref.keySet(), ours.keySet());
        for (String out : ref.keySet()) {
            ErrorStats e = ErrorStats.of(ours.get(out), ref.get(out));
            assertTrue(e.maxRel() <= Tolerance.ORT_MAX_REL, name + " " + out + ": " + e);
        }
        return in;
    }

    /** {@code model run --scheme float --compare-ort}: these graphs are not transformers the accelerator runs. */
    private static ModelRunner.Result runWithOrt(String spec) {
        return ModelRunner.run(new ModelRunner.Request(spec, new QuantPlan(dev.accelgen.compiler.quant.Scheme.parse("float"), Map.of()),
                SEED, 2, true, 8, Map.of(), null, Map.of(), false));
    }

    @Test
    void dropoutWithItsMaskOutputImportsAndTheMaskIsAllTrue() {
        Graph g = load("dropout-mask.onnx");
        assertEquals("bool[2,4]", g.type("mask").toString());
        Map<String, Tensor> out = FloatInterpreter.run(g, SeededInputs.of(g, SEED));
        assertEquals(List.of(1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L), java.util.Arrays.stream(out.get("mask").longs()).boxed().toList());
        agreesWithOnnxruntime("dropout-mask.onnx");
    }

    @Test
    void aMulOfScalarsIsNotMistakenForRmsNorm() {
        assertEquals("float32[]", load("mul-scalar.onnx").type("out").toString());
        agreesWithOnnxruntime("mul-scalar.onnx");
    }

    @Test
    void seededIndicesStayInsideTheGatheredAxis() {
        Map<String, Tensor> in = agreesWithOnnxruntime("gather.onnx");
        for (long id : in.get("ids").longs()) {
            assertTrue(id >= 0 && id < 6, "ids index a 6-row table through a Reshape: " + id);
        }
        for (long i : in.get("idx").longs()) {
            assertTrue(i >= 0 && i < 5, "idx indexes axis -2 of a [5,3] input: " + i);
        }
    }

    @Test
    void seededInputsArePositiveWhereTheGraphTakesLogSqrtOrAFractionalPower() {
        Map<String, Tensor> in = agreesWithOnnxruntime("positive-domain.onnx");
        for (String x : List.of("a", "b", "c")) {
            for (float v : in.get(x).floats()) {
                assertTrue(v > 0, x + " = " + v);
            }
        }
    }

    @Test
    void zeroStandInsDoNotFailShapeInferenceAndSeededDivisorsAreNotZero() {
        assertEquals("float32[3]", load("int-div.onnx").type("out").toString());
        for (long v : agreesWithOnnxruntime("int-div.onnx").get("parts").longs()) {
            assertTrue(v >= 1 && v <= 9, "divisor " + v);
        }
    }

    @Test
    void compareOrtHandlesIntegerAndBoolOutputsFloat64InputsAndExternalData() {
        for (String spec : List.of(EDGE.resolve("int-bool-out.onnx").toString(), EDGE.resolve("double-in.onnx").toString(),
                "src/test/resources/onnx/external/model.onnx")) {
            ModelRunner.Result r = runWithOrt(spec);
            assertTrue(r.pass(), spec + ": " + r.lines());
            assertEquals(0.0, r.ort().maxRel(), 1e-6, spec);
        }
        ModelRunner.Result ints = runWithOrt(EDGE.resolve("int-bool-out.onnx").toString());
        assertTrue(ints.lines().contains("onnxruntime positive max_abs=0.000e+00 max_rel=0.000e+00 cosine=1.000000"), ints.lines().toString());
        assertTrue(ints.lines().contains("onnxruntime as_int max_abs=0.000e+00 max_rel=0.000e+00 cosine=1.000000"), ints.lines().toString());
    }

    @Test
    void compareOrtOnQonnxCustomOpsSaysOnnxruntimeCannotRunThem() {
        String spec = "src/test/resources/onnx/qonnx-mlp.onnx";
        ModelError e = assertThrows(ModelError.class, () -> runWithOrt(spec));
        assertEquals(spec + ": --compare-ort: onnxruntime cannot run the custom ops BipolarQuant (qonnx.custom_op.general),"
                + " Quant (qonnx.custom_op.general); run without --compare-ort (QONNX models are checked against the qonnx"
                + " executor instead)", e.getMessage());
    }
}
