package dev.accelgen.compiler.quant;

import dev.accelgen.compiler.ir.Granularity;
import dev.accelgen.compiler.ir.QuantParams;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.pe.ternary.BitLinearArith;

/**
 * BitLinear: absmean-ternarized weights (per tensor), per-token absmax int8 activations, exact lane sums in the
 * wrapping accumulator, float dequantization: all steps are {@link BitLinearArith}'s. Weights that are already
 * ternary ({@code c * {-1, 0, +1}} for one magnitude c, as BitNet checkpoints in inference form and the zoo's
 * tiny-mmfree store them) keep their codes and use {@code beta = c}: absmean would give {@code c} times the
 * non-zero fraction and rescale a model that is exactly representable.
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
    public dev.accelgen.pe.accel.matrix.QuantWeights.Ternary quantWeights() {
        return new dev.accelgen.pe.accel.matrix.QuantWeights.Ternary(weights.w());
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

    @Override
    public IntegerRun integer(Tensor x) {
        double[][] rows = QuantizedLayer.rows(x, k);
        int[][] codes = new int[rows.length][];
        long[][] acc = new long[rows.length][n];
        double[] gamma = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            BitLinearArith.QuantizedActs a = BitLinearArith.absmaxQuantize(rows[r]);
            codes[r] = a.a();
            gamma[r] = a.gamma();
            for (int j = 0; j < n; j++) {
                acc[r][j] = BitLinearArith.accumulate(0, BitLinearArith.laneSum(weights.w()[j], a.a()));
            }
        }
        return new IntegerRun(codes, acc, gamma);
    }

    @Override
    public Tensor apply(Tensor x) {
        IntegerRun run = integer(x);
        float[] out = new float[run.accumulators().length * n];
        for (int r = 0; r < run.accumulators().length; r++) {
            for (int j = 0; j < n; j++) {
                out[r * n + j] = (float) BitLinearArith.dequantize(run.accumulators()[r][j], weights.beta(), run.rowScales()[r]);
            }
        }
        return QuantizedLayer.output(x, n, out);
    }

    @Override
    public QuantParams activationParams() {
        return new QuantParams(8, true, Granularity.PER_TOKEN, 0, new float[0], new int[0]);
    }

    @Override
    public QuantParams weightParams() {
        return new QuantParams(2, true, Granularity.PER_TENSOR, 0, new float[] {(float) weights.beta()}, new int[] {0});
    }
}
