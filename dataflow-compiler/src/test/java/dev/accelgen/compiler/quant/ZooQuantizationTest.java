package dev.accelgen.compiler.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.compiler.ModelLoader;
import dev.accelgen.compiler.hf.BuildOptions;
import dev.accelgen.compiler.interp.SeededInputs;
import dev.accelgen.compiler.ir.Graph;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every zoo ONNX model runs in the quantized interpreter under every scheme within the scheme's stated tolerance. */
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

    @org.junit.jupiter.api.Test
    void annotatedGraphCarriesWeightAndActivationQuantization() {
        Graph g = ModelLoader.load("zoo:tiny-mmfree", Map.of(), BuildOptions.weightless()).graph();
        Map<String, Double> ranges = Calibration.ranges(g, Calibration.seededSamples(g, 1, 2));
        Graph a = new QuantizedInterpreter(g, new QuantPlan(new Scheme.Ternary(), Map.of("/down/MatMul", Scheme.parse("w4a16"))), ranges).annotated();
        for (dev.accelgen.compiler.ir.Node n : g.nodes()) {
            if (!QuantPlan.isWeightMatMul(g, n)) {
                continue;
            }
            dev.accelgen.compiler.ir.QuantParams w = a.quant().get(n.input(1));
            dev.accelgen.compiler.ir.QuantParams x = a.quant().get(n.input(0));
            if (n.name().equals("/down/MatMul")) {
                assertEquals("u4 per_group g32", w.summary());
                assertEquals("s16 per_tensor", x.summary());
            } else {
                assertEquals("s2 per_tensor", w.summary());
                assertEquals("s8 per_token", x.summary());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny-llama"})
    void perLayerOverrideChangesOnlyThatLayer(String name) {
        Graph g = ModelLoader.load("zoo:" + name, Map.of(), BuildOptions.weightless()).graph();
        Map<String, Double> ranges = Calibration.ranges(g, Calibration.seededSamples(g, 1, 2));
        String head = g.nodes().stream().filter(n -> QuantPlan.isWeightMatMul(g, n)).reduce((a, b) -> b).orElseThrow().name();
        QuantReport r = QuantReport.measure(g, new QuantPlan(new Scheme.Float(), Map.of(head, Scheme.parse("w2a8"))), ranges,
                SeededInputs.of(g, 1));
        for (QuantReport.Layer l : r.layers()) {
            assertEquals(l.node().equals(head) ? "w2a8" : "float", l.scheme());
            assertEquals(l.node().equals(head), l.error().maxAbs() > 0, l.toString());
        }
    }
}
