package dev.accelgen.compiler.run;

import dev.accelgen.compiler.backend.exec.LirSession;
import dev.accelgen.compiler.backend.lower.LowerOptions;
import dev.accelgen.compiler.backend.lower.Lowering;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.quant.QuantPlan;
import java.util.Map;

/** Test helper: the graph's outputs as the accelerator computes them (one run over all rows, the given key tiles). */
final class LirRun {
    private LirRun() {
    }

    static Map<String, Tensor> outputs(String model, Graph g, QuantPlan plan, Map<String, Double> ranges, Map<String, Tensor> inputs,
                                       int keyTile) {
        return new LirSession(Lowering.lower(model, g, plan, ranges, new LowerOptions(0, keyTile))).run(inputs).outputs();
    }
}
