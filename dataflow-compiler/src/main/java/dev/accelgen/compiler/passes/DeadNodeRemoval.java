package dev.accelgen.compiler.passes;

import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.ir.TensorType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Drops nodes none of whose outputs reach a graph output, and weights nothing reads any more. */
public final class DeadNodeRemoval {
    private DeadNodeRemoval() {
    }

    public static Graph run(Graph g) {
        Set<String> live = new HashSet<>(g.outputs());
        List<Node> kept = new ArrayList<>();
        List<Node> nodes = g.nodes();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Node n = nodes.get(i);
            if (n.outputs().stream().anyMatch(live::contains)) {
                kept.add(n);
                for (String in : n.inputs()) {
                    if (!in.isEmpty()) {
                        live.add(in);
                    }
                }
            }
        }
        Collections.reverse(kept);
        Map<String, TensorType> w = new LinkedHashMap<>();
        Map<String, Tensor> d = new LinkedHashMap<>();
        for (Map.Entry<String, TensorType> e : g.weights().entrySet()) {
            if (live.contains(e.getKey())) {
                w.put(e.getKey(), e.getValue());
                if (g.weightData().containsKey(e.getKey())) {
                    d.put(e.getKey(), g.weightData().get(e.getKey()));
                }
            }
        }
        Map<String, TensorType> types = new LinkedHashMap<>();
        for (Map.Entry<String, TensorType> e : g.types().entrySet()) {
            if (live.contains(e.getKey()) || g.inputs().contains(e.getKey())) {
                types.put(e.getKey(), e.getValue());
            }
        }
        return g.withNodes(kept, types).withWeights(w, d);
    }
}
