package dev.accelgen.compiler.quant;

import dev.accelgen.compiler.ir.Granularity;
import dev.accelgen.compiler.ir.QuantParams;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.pe.ternary.BitLinearArith;

/**
 * BitLinear: absmean-ternarized weights (per tensor), per-token absmax int8 activations, exact lane sums in the
 * wrapping accumulator, float dequantization: all steps are {@link BitLinearArith}'s.
 */
public final class TernaryLayer implements QuantizedLayer {
    private final int k;
    private final int n;
    private final BitLinearArith.TernaryWeights weights;

    public TernaryLayer(Tensor w) {
        this.k = w.shape().dim(0);
        this.n = w.shape().dim(1);
        double[][] cols = new double[n][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < n; j++) {
                cols[j][i] = w.floats()[i * n + j];
            }
        }
        this.weights = BitLinearArith.ternarize(cols);
    }

    @Override
    public Tensor apply(Tensor x) {
        double[][] rows = QuantizedLayer.rows(x, k);
        float[] out = new float[rows.length * n];
        for (int r = 0; r < rows.length; r++) {
            BitLinearArith.QuantizedActs a = BitLinearArith.absmaxQuantize(rows[r]);
            for (int j = 0; j < n; j++) {
                long acc = BitLinearArith.accumulate(0, BitLinearArith.laneSum(weights.w()[j], a.a()));
                out[r * n + j] = (float) BitLinearArith.dequantize(acc, weights.beta(), a.gamma());
            }
        }
        return QuantizedLayer.output(x, n, out);
    }

    @Override
    public QuantParams weightParams() {
        return new QuantParams(2, true, Granularity.PER_TENSOR, 0, new float[] {(float) weights.beta()}, new int[] {0});
    }
}
