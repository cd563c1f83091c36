package dev.accelgen.compiler.backend.lower;

import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.compiler.backend.lir.Val;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.quant.Scheme;
import java.util.ArrayList;
import java.util.List;

/**
 * A weight product before quantization, so that later steps can still fold a constant into its columns and fuse
 * it with its neighbours: the float weights [K, N], the calibrated input range, the optional float bias and the
 * per-column factor folded into the output.
 *
 * @param node   the graph MatMul
 * @param value  the graph value the output equals (the MatMul's, or its bias Add's)
 * @param factor per column, the constant the output is multiplied by (an attention scale folded in; else 1)
 */
record LinearSpec(String node, String value, Val in, Val out, Scheme scheme, Tensor w, double range, float[] bias,
                  double[] factor) {
    int n() {
        return w.shape().dim(1);
    }

    LinearSpec scaled(int from, int to, double f) {
        double[] g = factor.clone();
        for (int j = from; j < to; j++) {
            g[j] *= f;
        }
        return new LinearSpec(node, value, in, out, scheme, w, range, bias, g);
    }

    /** The parts for this spec's columns placed from column {@code offset} of a linear: one per run of equal factors. */
    List<LirOp.Part> parts(int offset) {
        List<LirOp.Part> parts = new ArrayList<>();
        int start = 0;
        for (int j = 1; j <= n(); j++) {
            if (j == n() || factor[j] != factor[start]) {
                parts.add(new LirOp.Part(node, value, offset + start, j - start, start, factor[start]));
                start = j;
            }
        }
        return parts;
    }

    LirOp.Linear op() {
        return new LirOp.Linear(in, out, Projections.of(scheme, w, range, factor, bias), parts(0));
    }
}
