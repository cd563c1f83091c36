package dev.accelgen.compiler.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model as a dataflow graph. Nodes are kept in topological order. {@code weights} declares every
 * parameter tensor by type; {@code weightData} holds values for those that have them (empty for a graph
 * built from a config without weights, which can be compiled and estimated but not run).
 * {@code types} holds the inferred type of every value (inputs, weights and node outputs).
 */
public record Graph(String name, List<String> inputs, List<String> outputs, List<Node> nodes,
                    Map<String, TensorType> weights, Map<String, Tensor> weightData,
                    Map<String, TensorType> types, Map<String, QuantParams> quant) {
    public Graph {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        nodes = List.copyOf(nodes);
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        weightData = Collections.unmodifiableMap(new LinkedHashMap<>(weightData));
        types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
        quant = Collections.unmodifiableMap(new LinkedHashMap<>(quant));
        Set<String> defined = new HashSet<>(inputs);
        defined.addAll(weights.keySet());
        for (Node n : nodes) {
            for (String in : n.inputs()) {
                if (!in.isEmpty() && !defined.contains(in)) {
                    throw new IllegalArgumentException("node " + n.name() + " reads " + in
                            + " before it is defined (graph not in topological order or value missing)");
                }
            }
            defined.addAll(n.outputs());
        }
        for (String o : outputs) {
            if (!defined.contains(o)) {
                throw new IllegalArgumentException("graph output " + o + " is never defined");
            }
        }
    }

    public TensorType type(String value) {
        TensorType t = types.get(value);
        if (t == null) {
            throw new IllegalArgumentException("no type known for value " + value);
        }
        return t;
    }

    /** Exact parameter count: the sum of the element counts of the declared weights. */
    public long parameterCount() {
        long n = 0;
        for (TensorType t : weights.values()) {
            n = Math.addExact(n, t.shape().elements());
        }
        return n;
    }

    public boolean hasWeightData() {
        return weightData.keySet().containsAll(weights.keySet());
    }

    /** The node producing each value. */
    public Map<String, Node> producers() {
        Map<String, Node> m = new LinkedHashMap<>();
        for (Node n : nodes) {
            for (String o : n.outputs()) {
                m.put(o, n);
            }
        }
        return m;
    }

    /** The nodes reading each value. */
    public Map<String, List<Node>> consumers() {
        Map<String, List<Node>> m = new LinkedHashMap<>();
        for (Node n : nodes) {
            for (String in : n.inputs()) {
                if (!in.isEmpty()) {
                    m.computeIfAbsent(in, k -> new ArrayList<>()).add(n);
                }
            }
        }
        return m;
    }

    public Graph withNodes(List<Node> newNodes, Map<String, TensorType> newTypes) {
        return new Graph(name, inputs, outputs, newNodes, weights, weightData, newTypes, quant);
    }

    public Graph withWeights(Map<String, TensorType> newWeights, Map<String, Tensor> newData) {
        return new Graph(name, inputs, outputs, nodes, newWeights, newData, types, quant);
    }

    public Graph withQuant(Map<String, QuantParams> newQuant) {
        return new Graph(name, inputs, outputs, nodes, weights, weightData, types, newQuant);
    }
}
