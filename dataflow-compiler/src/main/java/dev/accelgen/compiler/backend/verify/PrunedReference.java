package dev.accelgen.compiler.backend.verify;

import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.quant.Int8Weights;
import dev.accelgen.compiler.quant.QuantPlan;
import dev.accelgen.compiler.quant.Scheme;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The float model a plan deploys: layers of an N:M sparse scheme carry their pruned weights (the quantizer's
 * magnitude pruning, {@link Int8Weights#pruned}), everything else is the graph's. Pruning changes the model, not the
 * arithmetic, so the accelerator's numeric fidelity is measured against this model; the unpruned float model is
 * reported beside it.
 */
final class PrunedReference {
    private PrunedReference() {
    }

    /** The graph with every N:M layer's weights pruned (weight MatMuls, and a MoE's router and experts); null if none. */
    static Graph of(Graph g, QuantPlan plan) {
        Map<String, Tensor> data = new LinkedHashMap<>(g.weightData());
        boolean any = false;
        for (Map.Entry<Node, Scheme> e : plan.resolve(g).entrySet()) {
            if (e.getValue() instanceof Scheme.Int8 s && s.sparse()) {
                String w = e.getKey().input(1);
                data.put(w, Int8Weights.pruned(g.weightData().get(w), s));
                any = true;
            }
        }
        for (Map.Entry<Node, Scheme> e : plan.resolveMoe(g).entrySet()) {
            if (e.getValue() instanceof Scheme.Int8 s && s.sparse()) {
                Node n = e.getKey();
                for (int input : new int[] {1, 2, 4}) {
                    String w = n.input(input);
                    if (g.weightData().containsKey(w)) {
                        data.put(w, prunedBlocks(g.weightData().get(w), s));
                        any = true;
                    }
                }
            }
        }
        return any ? g.withWeights(g.weights(), data) : null;
    }

    /** A [K, N] weight pruned, or each [K, N] block of an [E, K, N] one. */
    private static Tensor prunedBlocks(Tensor w, Scheme.Int8 s) {
        if (w.shape().rank() == 2) {
            return Int8Weights.pruned(w, s);
        }
        int k = w.shape().dim(1);
        int n = w.shape().dim(2);
        float[] all = w.floats().clone();
        for (int e = 0; e < w.shape().dim(0); e++) {
            float[] block = new float[k * n];
            System.arraycopy(all, e * k * n, block, 0, k * n);
            float[] p = Int8Weights.pruned(Tensor.ofFloats(Shape.of(k, n), block), s).floats();
            System.arraycopy(p, 0, all, e * k * n, k * n);
        }
        return Tensor.ofFloats(w.shape(), all);
    }
}
