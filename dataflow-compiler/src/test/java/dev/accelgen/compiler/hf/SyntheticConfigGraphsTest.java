package dev.accelgen.compiler.hf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.compiler.ModelLoader;
import dev.accelgen.compiler.interp.SeededInputs;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.passes.ShapeInference;
import dev.accelgen.compiler.quant.Calibration;
import dev.accelgen.compiler.quant.QuantPlan;
import dev.accelgen.compiler.run.QuantReport;
import dev.accelgen.compiler.quant.Scheme;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Small configs of each family built with seeded synthetic weights: the builder's declared types agree with
 * kernel-based shape inference, and both interpreters run them.
 */
class SyntheticConfigGraphsTest {
    @ParameterizedTest
    @CsvSource({"tiny-llama,int8,0.995", "tiny-llama,w4a8,0.90", "tiny-hgrn,ternary,0.995", "tiny-hgrn,w8a8,0.99",
            "tiny-m3vit,int8,0.999", "tiny-m3vit,w4a16,0.98"})
    void buildsTypesAndRuns(String name, String scheme, double minCosine) {
        long seed = 5;
        System.out.println("seed=" + seed);
        Graph g = ModelLoader.load("src/test/resources/configs/" + name + ".config.json", Map.of(), BuildOptions.synthetic(8, seed)).graph();
        assertTrue(g.hasWeightData());
        Graph inferred = ShapeInference.infer(g);
        for (String v : g.types().keySet()) {
            assertEquals(g.type(v), inferred.type(v), name + " value " + v);
        }
        Map<String, Double> ranges = Calibration.ranges(g, Calibration.seededSamples(g, seed, 2));
        QuantReport r = QuantReport.measure(g, new QuantPlan(Scheme.parse(scheme), Map.of()), ranges, SeededInputs.of(g, seed));
        System.out.println(name + " " + scheme + " " + r.outputs());
        assertTrue(r.worstOutputCosine() >= minCosine, name + " " + scheme + " " + r.outputs());
    }
}
