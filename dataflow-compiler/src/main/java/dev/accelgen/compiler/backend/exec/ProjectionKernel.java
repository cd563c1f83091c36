package dev.accelgen.compiler.backend.exec;

import dev.accelgen.compiler.backend.lir.ActQuant;
import dev.accelgen.compiler.backend.lir.Projection;
import dev.accelgen.pe.accel.matrix.MatArith;
import dev.accelgen.pe.accel.matrix.QuantWeights;
import dev.accelgen.pe.mixpe.MixPeArith;
import dev.accelgen.pe.ternary.BitLinearArith;
import dev.accelgen.pe.vector.arith.RowScaleArith;
import java.util.Arrays;

/**
 * One row through a {@link Projection} as the MM instruction computes it: activation codes ({@link MatArith#quantize},
 * or VROWSCALE's per-row q with {@link RowScaleArith}), the unit's integer result per column, then
 * {@link MatArith#output} with the column's (or the row's) multiplier and the bias. The unit's result is pe-library's
 * arithmetic with the plain integer sums taken in one pass: MixPE sums each group's {@code sum q_i a_i} (the codes'
 * group sums {@code sum a_i} once per row) and corrects, dequantizes and accumulates it with {@link MixPeArith}
 * (= {@link MixPeArith#dot} over whole groups, zeros past K); ternary sums {@code trit_i * a_i} in 32 bits
 * (= {@link BitLinearArith#laneSum}) and accumulates with {@link BitLinearArith#accumulate}; int8 sums in 32-bit
 * int arithmetic, which wraps exactly as the DSP chain and systolic array do. {@code ProjectionKernelTest} checks each
 * against the pe-library call it stands for.
 */
final class ProjectionKernel {
    private final Projection p;
    /** [n][k] integer weights: int8 codes or trits; MixPE codes padded with zeros to whole groups. */
    private final int[][] w;
    private final int group;
    private final int groups;

    ProjectionKernel(Projection p) {
        this.p = p;
        QuantWeights qw = p.weights();
        if (qw instanceof QuantWeights.MixPe m) {
            group = p.group();
            groups = m.scales()[0].length;
            w = new int[p.n()][];
            for (int j = 0; j < p.n(); j++) {
                w[j] = Arrays.copyOf(m.codes()[j], groups * group);
            }
        } else {
            group = 0;
            groups = 0;
            w = qw instanceof QuantWeights.Ternary t ? t.trits() : ((QuantWeights.Ints) qw).values();
        }
    }

    int[] row(int[] x) {
        int k = p.k();
        int[] codes = new int[groups > 0 ? groups * group : k];
        int rowM = 0;
        if (p.act() instanceof ActQuant.PerTensor t) {
            for (int i = 0; i < k; i++) {
                codes[i] = MatArith.quantize(x[i], t.q(), t.qShift(), p.codes());
            }
        } else {
            ActQuant.PerRow r = (ActQuant.PerRow) p.act();
            long gamma = RowScaleArith.gamma(x, k);
            int q = RowScaleArith.q(gamma);
            rowM = RowScaleArith.m(gamma, r.betaMant(), r.betaShift());
            for (int i = 0; i < k; i++) {
                codes[i] = RowScaleArith.code(x[i], q);
            }
        }
        long[] actSums = groups > 0 ? groupSums(codes) : null;
        int n = p.n();
        int[] y = new int[n];
        for (int j = 0; j < n; j++) {
            long acc = actSums != null ? mixPe(codes, actSums, j) : unitSum(codes, w[j]);
            int m = p.m() != null ? p.m()[j] : rowM;
            y[j] = MatArith.output(acc, m, p.dShift(), p.bias() != null ? p.bias()[j] : 0, 0);
        }
        return y;
    }

    /** {@code sum a_i} of each group of the codes. */
    private long[] groupSums(int[] codes) {
        long[] s = new long[groups];
        for (int g = 0; g < groups; g++) {
            for (int i = g * group; i < (g + 1) * group; i++) {
                s[g] += codes[i];
            }
        }
        return s;
    }

    private long mixPe(int[] codes, long[] actSums, int j) {
        QuantWeights.MixPe m = (QuantWeights.MixPe) p.weights();
        int[] q = w[j];
        long acc = 0;
        for (int g = 0; g < groups; g++) {
            long dot = 0;
            for (int i = g * group; i < (g + 1) * group; i++) {
                dot += (long) q[i] * codes[i];
            }
            long corr = MixPeArith.correct(new MixPeArith.GroupSums(dot, actSums[g]), m.zps()[j][g]);
            acc = MixPeArith.accumulate(acc, MixPeArith.dequant(corr, m.scales()[j][g], MixPeArith.INT_SHIFT));
        }
        return acc;
    }

    /** Ternary (48-bit accumulator, the sum exact in 32 bits) or int8 (32-bit wrap) column sum. */
    private long unitSum(int[] codes, int[] col) {
        int s = 0;
        for (int i = 0; i < codes.length; i++) {
            s += col[i] * codes[i];
        }
        return p.weights() instanceof QuantWeights.Ternary ? BitLinearArith.accumulate(0, s) : s;
    }
}
