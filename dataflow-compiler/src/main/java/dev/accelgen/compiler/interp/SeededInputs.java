package dev.accelgen.compiler.interp;

import dev.accelgen.compiler.ir.DType;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.ir.TensorBudget;
import dev.accelgen.compiler.ir.TensorType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Reproducible inputs for a graph, inside each input's domain ({@link InputDomains}): float inputs are standard
 * normal, or |normal| + 0.1 where the graph takes their Log, Sqrt or fractional power; integer inputs that index a
 * Gather (through reshapes, casts and the like) are uniform over the gathered axis, others uniform in 0..9, and
 * 1..9 where they divide.
 */
public final class SeededInputs {
    private SeededInputs() {
    }

    public static Map<String, Tensor> of(Graph g, long seed) {
        Random rng = new Random(seed);
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String in : g.inputs()) {
            TensorType t = g.type(in);
            int n = TensorBudget.elements(t.shape());
            InputDomains.Domain d = InputDomains.of(g, in);
            if (t.dtype() == DType.FLOAT32) {
                float[] f = new float[n];
                for (int i = 0; i < n; i++) {
                    double v = rng.nextGaussian();
                    f[i] = (float) (d.positive() ? Math.abs(v) + 0.1 : v);
                }
                out.put(in, Tensor.ofFloats(t.shape(), f));
            } else {
                int low = d.nonZero() && d.indexBound() > 1 ? 1 : 0;
                long[] l = new long[n];
                for (int i = 0; i < n; i++) {
                    l[i] = low + rng.nextInt(d.indexBound() - low);
                }
                out.put(in, Tensor.ofLongs(t.dtype(), t.shape(), l));
            }
        }
        return out;
    }
}
