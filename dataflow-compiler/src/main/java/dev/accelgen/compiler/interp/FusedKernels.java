package dev.accelgen.compiler.interp;

import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;
import java.util.Arrays;

/** Kernels of the fused ops: attention, SwiGLU, MLGRU and MoE. */
public final class FusedKernels {
    private FusedKernels() {
    }

    private static Tensor scalar(float v) {
        return Tensor.ofFloats(Shape.scalar(), new float[] {v});
    }

    /**
     * softmax(q k^T * scale + mask [+ causal]) v, in the same rounding steps as the unfused graph. With fewer key/value
     * heads than query heads (grouped-query attention) each key/value head is repeated for its group first.
     */
    public static Tensor attention(Op.Attention a, Tensor q, Tensor k, Tensor v, Tensor mask) {
        k = repeatHeads(k, q);
        v = repeatHeads(v, q);
        int r = k.shape().rank();
        int[] perm = new int[r];
        for (int i = 0; i < r; i++) {
            perm[i] = i;
        }
        perm[r - 1] = r - 2;
        perm[r - 2] = r - 1;
        Tensor s = MathKernels.matmul(q, ShapeKernels.transpose(k, perm));
        if (a.scale() != 1f) {
            s = MathKernels.binary(Op.BinaryKind.MUL, s, scalar(a.scale()));
        }
        if (mask != null) {
            s = MathKernels.binary(Op.BinaryKind.ADD, s, mask);
        }
        if (a.causal()) {
            float[] d = s.floats().clone();
            int t = s.shape().dim(-2);
            int len = s.shape().dim(-1);
            for (int base = 0; base < d.length; base += t * len) {
                for (int i = 0; i < t; i++) {
                    int last = i + len - t;
                    for (int j = 0; j < len; j++) {
                        if (j > last || a.window() > 0 && j <= last - a.window()) {
                            d[base + i * len + j] = Float.NEGATIVE_INFINITY;
                        }
                    }
                }
            }
            s = Tensor.ofFloats(s.shape(), d);
        }
        return MathKernels.matmul(MathKernels.softmax(s, -1), v);
    }

    /** [..,Hkv,S,D] to [..,Hq,S,D], head h of the result being head h / (Hq / Hkv) of x; x itself otherwise. */
    private static Tensor repeatHeads(Tensor x, Tensor q) {
        Shape s = x.shape();
        int r = s.rank();
        if (r < 3 || q.shape().rank() != r) {
            return x;
        }
        int hkv = s.dim(-3);
        int hq = q.shape().dim(-3);
        if (hkv == hq || hkv <= 1 || hq % hkv != 0) {
            return x; // equal heads, or MatMul broadcasting (one head), or a mismatch MatMul reports
        }
        int[] grouped = new int[r + 1];
        System.arraycopy(s.dims(), 0, grouped, 0, r - 2);
        grouped[r - 2] = 1;
        grouped[r - 1] = s.dim(-2);
        grouped[r] = s.dim(-1);
        long[] target = new long[r + 1];
        for (int i = 0; i <= r; i++) {
            target[i] = grouped[i];
        }
        target[r - 2] = hq / hkv;
        Tensor repeated = ShapeKernels.expand(x.reshape(Shape.of(grouped)), target);
        int[] out = s.dims();
        out[r - 3] = hq;
        return repeated.reshape(Shape.of(out));
    }

    public static Tensor swiGlu(Tensor gate, Tensor up) {
        return MathKernels.binary(Op.BinaryKind.MUL, MathKernels.unary(Op.UnaryKind.SILU, gate), up);
    }

    /** MLGRU over axis 1 of [B,T,D]; state starts at zero; without {@code gPre} (null) the output is the state. */
    public static Tensor mlgru(Tensor fPre, Tensor cPre, Tensor gPre) {
        Shape s = fPre.shape();
        if (!s.equals(cPre.shape()) || gPre != null && !s.equals(gPre.shape()) || s.rank() != 3) {
            throw new IllegalArgumentException("MLGRU needs [B,T,D] inputs of one shape, got "
                    + s + ", " + cPre.shape() + (gPre == null ? "" : ", " + gPre.shape()));
        }
        int b = s.dim(0);
        int t = s.dim(1);
        int d = s.dim(2);
        float[] out = new float[fPre.size()];
        for (int bi = 0; bi < b; bi++) {
            float[] h = new float[d];
            for (int ti = 0; ti < t; ti++) {
                int base = (bi * t + ti) * d;
                for (int j = 0; j < d; j++) {
                    float f = (float) SpecialFunctions.sigmoid(fPre.floats()[base + j]);
                    double cp = cPre.floats()[base + j];
                    float c = (float) (cp * SpecialFunctions.sigmoid(cp));
                    float oneMinusF = (float) (1.0 - f);
                    h[j] = (float) ((float) (f * (double) h[j]) + (float) (oneMinusF * (double) c));
                    out[base + j] = gPre == null ? h[j] : (float) (SpecialFunctions.sigmoid(gPre.floats()[base + j]) * h[j]);
                }
            }
        }
        return Tensor.ofFloats(s, out);
    }

    /** One expert's up projection (before bias and GELU) and down projection (before bias) on [n,D] / [n,F] rows. */
    public interface Experts {
        Tensor up(int expert, Tensor row);

        Tensor down(int expert, Tensor row);
    }

    /** The float experts: plain MatMuls with the stacked weights. */
    public static Experts floatExperts(Tensor up, Tensor down) {
        return new Experts() {
            public Tensor up(int expert, Tensor row) {
                return MathKernels.matmul(row, slice(up, expert));
            }

            public Tensor down(int expert, Tensor row) {
                return MathKernels.matmul(row, slice(down, expert));
            }
        };
    }

    public static Tensor moe(Op.Moe m, Tensor x, Tensor router, Tensor up, Tensor upBias, Tensor down, Tensor downBias) {
        return moe(m, x, router, upBias, downBias, floatExperts(up, down));
    }

    /**
     * A top-k MoE: per token, the top-k experts' gates are the softmax over their logits or, with
     * {@link Op.Gating#PICKED_OF_SOFTMAX}, their probabilities in the softmax over all logits (the others get 0); each expert
     * then runs once on the batch of tokens routed to it, and every token adds gate_e * (down_e(gelu(up_e(x) +
     * bu_e)) + bd_e) over its experts in index order (the order the dense form sums in).
     */
    public static Tensor moe(Op.Moe m, Tensor x, Tensor router, Tensor upBias, Tensor downBias, Experts experts) {
        int d = x.shape().dim(-1);
        int tokens = x.size() / d;
        int e = m.experts();
        Tensor flat = x.reshape(Shape.of(tokens, d));
        Tensor logits = MathKernels.matmul(flat, router);
        float[][] gates = new float[tokens][e];
        for (int t = 0; t < tokens; t++) {
            float[] l = Arrays.copyOfRange(logits.floats(), t * e, (t + 1) * e);
            float[] sorted = l.clone();
            Arrays.sort(sorted);
            float kth = sorted[e - m.topK()];
            double max = sorted[e - 1];
            double[] w = new double[e];
            double sum = 0;
            boolean ofAll = m.gating() == Op.Gating.PICKED_OF_SOFTMAX;
            for (int j = 0; j < e; j++) {
                w[j] = ofAll || l[j] >= kth ? Math.exp(l[j] - max) : 0;
                sum += w[j];
            }
            for (int j = 0; j < e; j++) {
                gates[t][j] = l[j] >= kth ? (float) (w[j] / sum) : 0;
            }
        }
        float[] out = new float[x.size()];
        for (int j = 0; j < e; j++) {
            int[] routed = routedTokens(gates, j);
            if (routed.length == 0) {
                continue;
            }
            float[] batch = new float[routed.length * d];
            for (int i = 0; i < routed.length; i++) {
                System.arraycopy(x.floats(), routed[i] * d, batch, i * d, d);
            }
            Tensor rows = Tensor.ofFloats(Shape.of(routed.length, d), batch);
            Tensor hid = MathKernels.gelu(MathKernels.binary(Op.BinaryKind.ADD, experts.up(j, rows), slice(upBias, j)), false);
            Tensor y = MathKernels.binary(Op.BinaryKind.ADD, experts.down(j, hid), slice(downBias, j));
            for (int i = 0; i < routed.length; i++) {
                int t = routed[i];
                for (int c = 0; c < d; c++) {
                    out[t * d + c] = (float) (out[t * d + c] + (float) ((double) gates[t][j] * y.floats()[i * d + c]));
                }
            }
        }
        return Tensor.ofFloats(x.shape(), out);
    }

    private static int[] routedTokens(float[][] gates, int expert) {
        int n = 0;
        for (float[] g : gates) {
            n += g[expert] != 0 ? 1 : 0;
        }
        int[] r = new int[n];
        int k = 0;
        for (int t = 0; t < gates.length; t++) {
            if (gates[t][expert] != 0) {
                r[k++] = t;
            }
        }
        return r;
    }

    /** Expert j's slice of a stacked [E, ...] tensor. */
    public static Tensor slice(Tensor stacked, int j) {
        int[] dims = stacked.shape().dims();
        int[] rest = Arrays.copyOfRange(dims, 1, dims.length);
        int n = stacked.size() / dims[0];
        return Tensor.ofFloats(Shape.of(rest), Arrays.copyOfRange(stacked.floats(), j * n, (j + 1) * n));
    }
}
