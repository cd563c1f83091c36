package dev.accelgen.compiler.interp;

import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs a graph with weights in float32, the reference the quantized interpreter is measured against. */
public final class FloatInterpreter {
    private FloatInterpreter() {
    }

    /** Computes a node's outputs in place of its kernel (e.g. recording what the kernel sees), or returns null. */
    public interface NodeOverride {
        List<Tensor> eval(Node n, List<Tensor> args);
    }

    /** Every value computed (inputs, weights, node outputs) by name. */
    public static Map<String, Tensor> runAll(Graph g, Map<String, Tensor> inputs) {
        return runAll(g, inputs, (n, args) -> null);
    }

    /** {@link #runAll(Graph, Map)} with nodes the override computes. */
    public static Map<String, Tensor> runAll(Graph g, Map<String, Tensor> inputs, NodeOverride override) {
        if (!g.hasWeightData()) {
            throw new IllegalArgumentException("graph " + g.name() + " has no weight data: build it with synthetic weights to run it");
        }
        Map<String, Tensor> env = new LinkedHashMap<>(g.weightData());
        for (String in : g.inputs()) {
            Tensor t = inputs.get(in);
            if (t == null) {
                throw new IllegalArgumentException("no value given for graph input " + in);
            }
            if (!t.type().equals(g.type(in))) {
                throw new IllegalArgumentException("input " + in + " is " + t.type() + ", the graph expects " + g.type(in));
            }
            env.put(in, t);
        }
        for (Node n : g.nodes()) {
            List<Tensor> args = new ArrayList<>();
            for (String in : n.inputs()) {
                args.add(in.isEmpty() ? null : env.get(in));
            }
            List<Tensor> outs;
            try {
                outs = override.eval(n, args);
                if (outs == null) {
                    outs = Kernels.eval(n.op(), args, n.outputs().size());
                }
            } catch (RuntimeException e) {
                throw new IllegalStateException("node " + n.name() + " (" + n.op().kind() + "): " + e.getMessage(), e);
            }
            for (int i = 0; i < n.outputs().size(); i++) {
                if (!n.outputs().get(i).isEmpty()) {
                    env.put(n.outputs().get(i), outs.get(i));
                }
            }
        }
        return env;
    }

    /** The graph outputs by name. */
    public static Map<String, Tensor> run(Graph g, Map<String, Tensor> inputs) {
        Map<String, Tensor> all = runAll(g, inputs);
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String o : g.outputs()) {
            out.put(o, all.get(o));
        }
        return out;
    }
}
