package dev.accelgen.compiler.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.compiler.ModelLoader;
import dev.accelgen.compiler.hf.BuildOptions;
import dev.accelgen.compiler.interp.SeededInputs;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.run.QuantReport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every zoo ONNX model runs on the accelerator's arithmetic under every scheme within the scheme's stated tolerance. */
class ZooQuantizationTest {
    private static final String[] SCHEMES = {"float", "ternary", "w2a8", "w3a8", "w4a8", "w8a8", "w4a16", "int8", "int8-2:4", "int8-1:4", "int8-2:8"};

    @ParameterizedTest
    @ValueSource(strings = {"tiny-encoder", "tiny-llama", "tiny-mmfree", "tiny-moe-vit"})
    void everySchemeMeetsItsTolerance(String name) {
        long seed = 7;
        System.out.println("seed=" + seed);
        Graph g = ModelLoader.load("zoo:" + name, Map.of(), BuildOptions.weightless()).graph();
        Map<String, Double> ranges = Calibration.ranges(g, Calibration.seededSamples(g, seed, 4));
        for (String s : SCHEMES) {
            Scheme scheme = Scheme.parse(s);
            QuantReport r = QuantReport.measure(g, new QuantPlan(scheme, Map.of()), ranges, SeededInputs.of(g, seed));
            System.out.println(name + " " + s + " " + r.outputs());
            assertTrue(r.worstOutputCosine() >= Tolerance.minCosine(scheme), name + " " + s + " " + r.outputs());
            if (scheme instanceof Scheme.Float) {
                r.outputs().values().forEach(e -> assertEquals(0.0, e.maxAbs(), name + ": float scheme must equal the float run"));
            }
        }
    }

    @Test
    void perLayerOverrideChangesOnlyThatLayer() {
        Graph g = ModelLoader.load("zoo:tiny-llama", Map.of(), BuildOptions.weightless()).graph();
        Map<String, Double> ranges = Calibration.ranges(g, Calibration.seededSamples(g, 1, 2));
        String head = g.nodes().stream().filter(n -> QuantPlan.isWeightMatMul(g, n)).reduce((a, b) -> b).orElseThrow().name();
        QuantReport base = QuantReport.measure(g, new QuantPlan(Scheme.parse("w8a8"), Map.of()), ranges, SeededInputs.of(g, 1));
        QuantReport r = QuantReport.measure(g, new QuantPlan(Scheme.parse("w8a8"), Map.of(head, Scheme.parse("w2a8"))), ranges,
                SeededInputs.of(g, 1));
        for (int i = 0; i < r.layers().size(); i++) {
            QuantReport.Layer l = r.layers().get(i);
            assertEquals(l.node().equals(head) ? "w2a8" : "w8a8", l.scheme());
            if (!l.node().equals(head)) {
                assertEquals(base.layers().get(i).error(), l.error(), "layers before the head are unchanged");
            } else {
                assertTrue(l.error().maxAbs() > 10 * base.layers().get(i).error().maxAbs(), l + " vs " + base.layers().get(i));
            }
        }
    }
}
