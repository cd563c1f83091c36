package dev.accelgen.compiler.quant;

import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.pe.accel.matrix.QuantWeights;
import dev.accelgen.pe.ternary.BitLinearArith;

/**
 * BitLinear weights: absmean-ternarized per tensor ({@link BitLinearArith#ternarize}), weight = {@code beta * trit}
 * (activations are quantized per row by VROWSCALE, see {@code ActQuant.PerRow}). Weights that are already
 * ternary ({@code c * {-1, 0, +1}} for one magnitude c, as BitNet checkpoints in inference form and the zoo's
 * tiny-mmfree store them) keep their codes and use {@code beta = c}: absmean would give {@code c} times the
 * non-zero fraction and rescale a model that is exactly representable.
 */
public final class TernaryWeights {
    private final BitLinearArith.TernaryWeights weights;

    public TernaryWeights(Tensor w) {
        int k = w.shape().dim(0);
        int n = w.shape().dim(1);
        double[][] cols = new double[n][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < n; j++) {
                cols[j][i] = w.floats()[i * n + j];
            }
        }
        double c = ternaryMagnitude(w.floats());
        if (c > 0) {
            int[][] codes = new int[n][k];
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < k; i++) {
                    codes[j][i] = (int) Math.signum(cols[j][i]);
                }
            }
            this.weights = new BitLinearArith.TernaryWeights(codes, c);
        } else {
            this.weights = BitLinearArith.ternarize(cols);
        }
    }

    /** The trits ([n][k], each -1, 0 or +1). */
    public QuantWeights.Ternary quantWeights() {
        return new QuantWeights.Ternary(weights.w());
    }

    /** The weight magnitude: weight = beta * trit. */
    public double beta() {
        return weights.beta();
    }

    /** The common magnitude of the non-zero weights if they all share one, else 0. */
    static double ternaryMagnitude(float[] w) {
        float c = 0;
        for (float v : w) {
            float a = Math.abs(v);
            if (a == 0) {
                continue;
            }
            if (c == 0) {
                c = a;
            } else if (a != c) {
                return 0;
            }
        }
        return c;
    }
}
