package dev.accelgen.compiler.quant;

import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.pe.accel.matrix.QuantWeights;

/**
 * INT8 weights: per-column symmetric int8 codes (after optional N:M magnitude pruning along K, which the DSP
 * chain's sparse mode skips): weight = {@code wScale[j] * code}.
 */
public final class Int8Weights {
    private final long[][] wq;
    private final double[] wScale;

    public Int8Weights(Tensor w, Scheme.Int8 scheme) {
        int k = w.shape().dim(0);
        int n = w.shape().dim(1);
        float[] v = pruned(w, scheme).floats();
        wq = new long[k][n];
        wScale = new double[n];
        for (int j = 0; j < n; j++) {
            double mx = 0;
            for (int i = 0; i < k; i++) {
                mx = Math.max(mx, Math.abs(v[i * n + j]));
            }
            wScale[j] = mx > 0 ? mx / 127 : 1;
            for (int i = 0; i < k; i++) {
                wq[i][j] = (long) Math.max(-127, Math.min(127, Math.rint(v[i * n + j] / wScale[j])));
            }
        }
    }

    /** The int8 weight codes ([n][k]). */
    public QuantWeights.Ints quantWeights() {
        return QuantWeights.Ints.fromRows(wq);
    }

    /** Column j's weight scale: weight = wScale[j] * code. */
    public double weightScale(int j) {
        return wScale[j];
    }

    /** {@code w} [K, N] after the scheme's N:M pruning (a copy; dense schemes keep every weight). */
    public static Tensor pruned(Tensor w, Scheme.Int8 scheme) {
        float[] v = w.floats().clone();
        if (scheme.sparse()) {
            prune(v, w.shape().dim(0), w.shape().dim(1), scheme.n(), scheme.m());
        }
        return Tensor.ofFloats(w.shape(), v);
    }

    /** Keeps the {@code keep} largest-magnitude weights of every {@code m} consecutive ones along K (ties: lower index). */
    static void prune(float[] v, int k, int n, int keep, int m) {
        for (int j = 0; j < n; j++) {
            for (int base = 0; base < k; base += m) {
                int len = Math.min(m, k - base);
                Integer[] idx = new Integer[len];
                for (int i = 0; i < len; i++) {
                    idx[i] = base + i;
                }
                final int col = j;
                java.util.Arrays.sort(idx, (p, q) -> {
                    int c = Float.compare(Math.abs(v[q * n + col]), Math.abs(v[p * n + col]));
                    return c != 0 ? c : Integer.compare(p, q);
                });
                for (int i = keep; i < len; i++) {
                    v[idx[i] * n + j] = 0;
                }
            }
        }
    }
}
