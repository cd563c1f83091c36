package dev.accelgen.compiler.interp;

import dev.accelgen.compiler.ir.DType;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.ir.TensorType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Reproducible inputs for a graph: float inputs are standard normal, integer inputs that index an embedding
 * (a Gather on a weight) are uniform over its rows, other integer inputs uniform in 0..9.
 */
public final class SeededInputs {
    private SeededInputs() {
    }

    public static Map<String, Tensor> of(Graph g, long seed) {
        Random rng = new Random(seed);
        Map<String, List<Node>> consumers = g.consumers();
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String in : g.inputs()) {
            TensorType t = g.type(in);
            int n = (int) t.shape().elements();
            if (t.dtype() == DType.FLOAT32) {
                float[] f = new float[n];
                for (int i = 0; i < n; i++) {
                    f[i] = (float) rng.nextGaussian();
                }
                out.put(in, Tensor.ofFloats(t.shape(), f));
            } else {
                int bound = indexBound(g, consumers.getOrDefault(in, List.of()), in);
                long[] l = new long[n];
                for (int i = 0; i < n; i++) {
                    l[i] = rng.nextInt(bound);
                }
                out.put(in, Tensor.ofLongs(t.dtype(), t.shape(), l));
            }
        }
        return out;
    }

    private static int indexBound(Graph g, List<Node> readers, String value) {
        for (Node n : readers) {
            if (n.op() instanceof Op.Gather ga && n.input(1).equals(value) && g.weights().containsKey(n.input(0))) {
                TensorType w = g.weights().get(n.input(0));
                return w.shape().dim(w.shape().axis(ga.axis()));
            }
        }
        return 10;
    }
}
