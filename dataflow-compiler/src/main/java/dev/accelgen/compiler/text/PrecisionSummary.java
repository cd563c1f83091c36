package dev.accelgen.compiler.text;

import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.TensorType;
import dev.accelgen.compiler.quant.MixPeWeights;
import dev.accelgen.compiler.quant.QuantPlan;
import dev.accelgen.compiler.quant.Scheme;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per scheme: how many weight MatMuls and parameters it covers and the bits their weights take in memory (codes
 * plus scales and zero points), from shapes alone. Weights outside weight MatMuls (embeddings, norms, biases)
 * stay float32.
 */
public record PrecisionSummary(Map<String, Row> rows, long floatParams, long totalBits) {
    /** One scheme's share. */
    public record Row(int layers, long params, long bits) {
    }

    public static PrecisionSummary of(Graph g, QuantPlan plan) {
        Map<String, Row> rows = new LinkedHashMap<>();
        long matmulParams = 0;
        long total = 0;
        java.util.Set<String> counted = new java.util.HashSet<>();
        for (Map.Entry<Node, Scheme> e : plan.resolve(g).entrySet()) {
            String w = e.getKey().input(1);
            TensorType t = g.type(w);
            int k = t.shape().dim(0);
            int n = t.shape().dim(1);
            long params = (long) k * n;
            long bits = bits(e.getValue(), k, n);
            boolean first = counted.add(w);
            Row r = rows.getOrDefault(e.getValue().label(), new Row(0, 0, 0));
            rows.put(e.getValue().label(), new Row(r.layers() + 1, r.params() + (first ? params : 0), r.bits() + (first ? bits : 0)));
            if (first) {
                matmulParams += params;
                total += bits;
            }
        }
        for (Map.Entry<Node, Scheme> e : plan.resolveMoe(g).entrySet()) {
            Node n = e.getKey();
            int experts = g.type(n.input(2)).shape().dim(0);
            int d = g.type(n.input(2)).shape().dim(1);
            int f = g.type(n.input(2)).shape().dim(2);
            long params = 2L * experts * d * f;
            long bits = experts * (bits(e.getValue(), d, f) + bits(e.getValue(), f, d));
            Row r = rows.getOrDefault(e.getValue().label(), new Row(0, 0, 0));
            rows.put(e.getValue().label(), new Row(r.layers() + 2 * experts, r.params() + params, r.bits() + bits));
            matmulParams += params;
            total += bits;
        }
        long floatParams = g.parameterCount() - matmulParams;
        return new PrecisionSummary(rows, floatParams, total + 32 * floatParams);
    }

    /** Storage bits of a K x N weight matrix under a scheme. */
    public static long bits(Scheme s, int k, int n) {
        long kn = (long) k * n;
        if (s instanceof Scheme.Ternary) {
            return 2 * kn + 32; // 2-bit codes, one float32 absmean scale per tensor
        }
        if (s instanceof Scheme.MixPe m) {
            long groups = (long) n * MixPeWeights.groups(k, m.groupSize());
            return m.wBits() * kn + groups * (16 + m.wBits()) + 32L * n; // codes, Q0.16 scale + zp per group, column step
        }
        if (s instanceof Scheme.Int8 i) {
            long kept = i.sparse() ? kn / i.m() * i.n() : kn;
            long index = i.sparse() ? kept * (32 - Integer.numberOfLeadingZeros(i.m() - 1)) : 0;
            return 8 * kept + index + 32L * n; // int8 codes, in-group indices when sparse, per-column scale
        }
        return 32 * kn;
    }
}
