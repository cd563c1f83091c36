package dev.accelgen.compiler.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.compiler.ModelLoader;
import dev.accelgen.compiler.backend.lower.LowerOptions;
import dev.accelgen.compiler.hf.BuildOptions;
import dev.accelgen.compiler.interp.SeededInputs;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.quant.Calibration;
import dev.accelgen.compiler.quant.Int8Weights;
import dev.accelgen.compiler.quant.QuantPlan;
import dev.accelgen.compiler.quant.Scheme;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The accelerator's arithmetic (the LIR interpreter) against the float interpreter: the worst output cosine over
 * three seeded inputs (calibrated on four other seeded samples) must meet the stated bound. Bounds are the measured
 * worst case with margin (printed). N:M pruning is a change of the model, not of the arithmetic: it is measured
 * against the dense float model (the cost of pruning weights that were not trained sparse) and against the float
 * model with the same pruned weights (the arithmetic alone).
 */
class AcceleratorAccuracyTest {
    static final long SEED = Long.getLong("accelgen.seed", 1);

    static double worstCosine(String model, Graph g, Graph reference, String scheme, int seeds) {
        double worst = 1;
        for (long s = SEED; s < SEED + seeds; s++) {
            Map<String, Double> ranges = Calibration.ranges(g, Calibration.seededSamples(g, s, 4));
            QuantReport r = QuantReport.measure(model, g, new QuantPlan(Scheme.parse(scheme), Map.of()), ranges, SeededInputs.of(g, s));
            Map<String, Tensor> inputs = SeededInputs.of(g, s);
            double cos = r.worstOutputCosine();
            if (reference != g) {
                Map<String, Tensor> want = dev.accelgen.compiler.interp.FloatInterpreter.run(reference, inputs);
                Map<String, Tensor> got = LirRun.outputs(model, g, new QuantPlan(Scheme.parse(scheme), Map.of()), ranges, inputs,
                        LowerOptions.DEFAULT_KEY_TILE);
                cos = 1;
                for (String o : want.keySet()) {
                    cos = Math.min(cos, dev.accelgen.compiler.quant.ErrorStats.of(got.get(o), want.get(o)).cosine());
                }
            }
            System.out.printf(java.util.Locale.ROOT, "%s %s seed %d cosine %.6f%s%n", model, scheme, s, cos, reference != g ? " (vs pruned float)" : "");
            worst = Math.min(worst, cos);
        }
        return worst;
    }

    static Graph zoo(String model, int seqLen) {
        return ModelLoader.load(model, Map.of(), BuildOptions.synthetic(seqLen, 5)).graph();
    }

    @ParameterizedTest
    @CsvSource({"zoo:tiny-llama,w4a8,0.995", "zoo:tiny-llama,int8,0.9998", "zoo:tiny-mmfree,ternary,0.9999", "zoo:tiny-moe-vit,w4a8,0.995",
            "zoo:tiny-encoder,int8,0.9998", "zoo:tiny-llama,int8-2:4,0.84", "src/test/resources/configs/tiny-hgrn.config.json,ternary,0.999",
            "src/test/resources/configs/tiny-m3vit.config.json,w4a8,0.985", "src/test/resources/configs/tiny-mistral.config.json,int8,0.998",
            "src/test/resources/configs/tiny-qwen2.config.json,int8,0.99"})
    void tinyModelsMeetTheirBounds(String model, String scheme, double bound) {
        System.out.println("seed=" + SEED + " (-Daccelgen.seed)");
        Graph g = zoo(model, 8);
        double worst = worstCosine(model, g, g, scheme, 3);
        assertTrue(worst >= bound, model + " " + scheme + " worst cosine " + worst + " < " + bound);
    }

    @Test
    void sparseArithmeticMatchesThePrunedFloatModel() {
        Graph g = zoo("zoo:tiny-llama", 8);
        Scheme.Int8 s = new Scheme.Int8(2, 4);
        Map<String, Tensor> data = new LinkedHashMap<>(g.weightData());
        for (Node n : g.nodes()) {
            if (QuantPlan.isWeightMatMul(g, n)) {
                data.put(n.input(1), Int8Weights.pruned(g.weightData().get(n.input(1)), s));
            }
        }
        double worst = worstCosine("zoo:tiny-llama", g, g.withWeights(g.weights(), data), "int8-2:4", 3);
        assertTrue(worst >= 0.9995, "int8-2:4 against the pruned float model: " + worst);
    }

    @Test
    void attentionOverManyKeyTilesStaysAccurate() {
        // 192 tokens: against float (int8 activations of a longer sequence cost a little more), and key tiles of 16
        // (twelve per late row, the online softmax rescaling across them) against one tile per row
        Graph g = zoo("src/test/resources/configs/zoo-tiny-llama.config.json", 192);
        double worst = worstCosine("zoo-tiny-llama 192 tokens", g, g, "int8", 2);
        assertTrue(worst >= 0.995, "worst cosine " + worst);
        Map<String, Double> ranges = Calibration.ranges(g, Calibration.seededSamples(g, SEED, 4));
        Map<String, Tensor> in = SeededInputs.of(g, SEED);
        QuantPlan plan = new QuantPlan(new Scheme.Int8(0, 0), Map.of());
        Tensor one = LirRun.outputs("x", g, plan, ranges, in, 192).get(g.outputs().get(0));
        Tensor tiled = LirRun.outputs("x", g, plan, ranges, in, 16).get(g.outputs().get(0));
        double cos = dev.accelgen.compiler.quant.ErrorStats.of(tiled, one).cosine();
        System.out.println("16-key tiles against one tile: cosine " + cos);
        assertTrue(cos >= 0.99999, "tiling changed the output: cosine " + cos);
    }
}
