package dev.accelgen.compiler.quant;

import dev.accelgen.compiler.interp.FloatInterpreter;
import dev.accelgen.compiler.interp.SeededInputs;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Activation ranges for static per-tensor scales: max |x| of each weight MatMul's input over calibration samples. */
public final class Calibration {
    private Calibration() {
    }

    /** {@code count} seeded samples: seeds {@code seed+1 .. seed+count} (the run itself uses {@code seed}). */
    public static List<Map<String, Tensor>> seededSamples(Graph g, long seed, int count) {
        List<Map<String, Tensor>> s = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            s.add(SeededInputs.of(g, seed + i));
        }
        return s;
    }

    /** Max |input activation| per weight MatMul node name. */
    public static Map<String, Double> ranges(Graph g, List<Map<String, Tensor>> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("calibration needs at least one sample");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map<String, Tensor> sample : samples) {
            Map<String, Tensor> env = FloatInterpreter.runAll(g, sample);
            for (Node n : g.nodes()) {
                if (!QuantPlan.isWeightMatMul(g, n)) {
                    continue;
                }
                Tensor x = env.get(n.input(0));
                double m = 0;
                for (int i = 0; i < x.size(); i++) {
                    m = Math.max(m, Math.abs(x.get(i)));
                }
                out.merge(n.name(), m, Math::max);
            }
        }
        return out;
    }
}
