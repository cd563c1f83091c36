package dev.accelgen.compiler.quant;

import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.errors.PlanError;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which scheme each weight MatMul runs in: a model-wide default, overridable per layer (by node name or by
 * weight name). A weight MatMul is a MatMul whose second operand is a 2-D weight; everything else runs in float
 * on the vector unit.
 */
public record QuantPlan(Scheme defaultScheme, Map<String, Scheme> overrides) {
    public QuantPlan {
        overrides = Map.copyOf(overrides);
    }

    public static boolean isWeightMatMul(Graph g, Node n) {
        return n.op() instanceof Op.MatMul && g.weights().containsKey(n.input(1)) && g.type(n.input(1)).shape().rank() == 2;
    }

    /**
     * The weight matrix a MatMul multiplies by through a 2-D Transpose (a LM head tied to the embedding), or null. The
     * accelerator quantizes it like a weight MatMul (its scheme: an override by this node's name, else the default).
     */
    public static String tiedWeight(Graph g, Node n) {
        if (!(n.op() instanceof Op.MatMul)) {
            return null;
        }
        for (Node t : g.nodes()) {
            if (t.outputs().contains(n.input(1)) && t.op() instanceof Op.Transpose && g.weights().containsKey(t.input(0))
                    && g.type(t.input(0)).shape().rank() == 2) {
                return t.input(0);
            }
        }
        return null;
    }

    /** A MoE node: its experts' up and down matrices are quantized like weight MatMuls (the router stays float). */
    public static boolean isMoe(Node n) {
        return n.op() instanceof Op.Moe;
    }

    /** Scheme of every weight MatMul, in graph order; fails on an override naming no weight MatMul or MoE. */
    public Map<Node, Scheme> resolve(Graph g) {
        Map<Node, Scheme> all = resolveAll(g);
        all.keySet().removeIf(QuantPlan::isMoe);
        return all;
    }

    /** Scheme of every MoE node, in graph order. */
    public Map<Node, Scheme> resolveMoe(Graph g) {
        Map<Node, Scheme> all = resolveAll(g);
        all.keySet().removeIf(n -> !isMoe(n));
        return all;
    }

    private Map<Node, Scheme> resolveAll(Graph g) {
        Map<Node, Scheme> out = new LinkedHashMap<>();
        java.util.Set<String> used = new java.util.HashSet<>();
        for (Node n : g.nodes()) {
            if (!isWeightMatMul(g, n) && !isMoe(n)) {
                if (overrides.containsKey(n.name()) && tiedWeight(g, n) != null) {
                    used.add(n.name());
                }
                continue;
            }
            Scheme s = defaultScheme;
            for (String key : new String[] {n.name(), n.input(1)}) {
                if (overrides.containsKey(key)) {
                    s = overrides.get(key);
                    used.add(key);
                }
            }
            out.put(n, s);
        }
        for (String k : overrides.keySet()) {
            if (!used.contains(k)) {
                throw new PlanError("", "layer override " + k + " names no weight MatMul or MoE (node or weight name)");
            }
        }
        return out;
    }
}
