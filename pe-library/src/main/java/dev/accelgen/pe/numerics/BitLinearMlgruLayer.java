package dev.accelgen.pe.numerics;

import dev.accelgen.pe.mlgru.MlgruArith;
import dev.accelgen.pe.ternary.BitLinearArith;
import java.util.Random;

/**
 * One MatMul-free token-mixer layer run twice on the same random input: in float (ternary weights
 * times beta, unquantized activations, exact logistic/SiLU) and through the fixed-point datapath
 * (absmax int8 activations, integer ternary lane sums, fixed-point per-tensor scale into Q3.12,
 * {@link MlgruArith} steps). Reports how far the outputs o_t drift apart.
 */
public final class BitLinearMlgruLayer {
    private BitLinearMlgruLayer() {
    }

    /** Agreement between the float and the fixed-point layer outputs. */
    public record Agreement(double maxAbsError, double cosine, int dim, int steps) {
    }

    public static Agreement run(int dim, int steps, long seed) {
        Random rng = new Random(seed);
        BitLinearArith.TernaryWeights wf = randomTernary(rng, dim);
        BitLinearArith.TernaryWeights wc = randomTernary(rng, dim);
        BitLinearArith.TernaryWeights wg = randomTernary(rng, dim);
        double[] hRef = new double[dim];
        int[] hQ = new int[dim];
        double maxErr = 0;
        double dot = 0;
        double n1 = 0;
        double n2 = 0;
        for (int t = 0; t < steps; t++) {
            double[] x = new double[dim];
            for (int i = 0; i < dim; i++) {
                x[i] = rng.nextGaussian();
            }
            BitLinearArith.QuantizedActs qa = BitLinearArith.absmaxQuantize(x);
            for (int j = 0; j < dim; j++) {
                double f = sigmoid(floatPre(wf, j, x));
                double c = silu(floatPre(wc, j, x));
                double g = sigmoid(floatPre(wg, j, x));
                hRef[j] = f * hRef[j] + (1 - f) * c;
                double oRef = g * hRef[j];

                MlgruArith.Step s = MlgruArith.step(fixedPre(wf, j, qa), fixedPre(wc, j, qa), fixedPre(wg, j, qa), hQ[j]);
                hQ[j] = s.h();
                double o = MlgruArith.fromQ(s.o());
                maxErr = Math.max(maxErr, Math.abs(o - oRef));
                dot += o * oRef;
                n1 += o * o;
                n2 += oRef * oRef;
            }
        }
        return new Agreement(maxErr, dot / Math.sqrt(n1 * n2), dim, steps);
    }

    private static BitLinearArith.TernaryWeights randomTernary(Random rng, int dim) {
        double[][] w = new double[dim][dim];
        for (double[] row : w) {
            for (int i = 0; i < dim; i++) {
                row[i] = rng.nextGaussian() / Math.sqrt(dim);
            }
        }
        return BitLinearArith.ternarize(w);
    }

    private static double floatPre(BitLinearArith.TernaryWeights w, int row, double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += w.w()[row][i] * x[i];
        }
        return s * w.beta();
    }

    private static int fixedPre(BitLinearArith.TernaryWeights w, int row, BitLinearArith.QuantizedActs qa) {
        long acc = BitLinearArith.laneSum(w.w()[row], qa.a());
        return BitLinearArith.applyScale(acc, BitLinearArith.scaleToQ(w.beta(), qa.gamma(), MlgruArith.FRAC));
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static double silu(double x) {
        return x * sigmoid(x);
    }
}
