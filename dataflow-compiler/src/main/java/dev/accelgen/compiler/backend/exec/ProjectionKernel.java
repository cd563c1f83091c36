package dev.accelgen.compiler.backend.exec;

import dev.accelgen.compiler.backend.lir.ActQuant;
import dev.accelgen.compiler.backend.lir.Projection;
import dev.accelgen.compiler.quant.Scheme;
import dev.accelgen.pe.accel.matrix.MatArith;
import dev.accelgen.pe.accel.matrix.QuantWeights;
import dev.accelgen.pe.fixed.Fixed;
import dev.accelgen.pe.mixpe.MixPeArith;
import dev.accelgen.pe.ternary.BitLinearArith;
import dev.accelgen.pe.vector.arith.RowScaleArith;
import java.util.Arrays;

/**
 * One row through a {@link Projection} as the MM instruction computes it: activation codes ({@link MatArith#quantize},
 * or VROWSCALE's per-row q with {@link RowScaleArith}), the unit's integer sums ({@link MixPeArith#dot} over whole groups,
 * zeros past K,
 * {@link BitLinearArith#laneSum}, the 32-bit wrapping int8 sum of the DSP chain and systolic array), then
 * {@link MatArith#output} with the column's (or the row's) multiplier and the bias.
 */
final class ProjectionKernel {
    private ProjectionKernel() {
    }

    static int[] row(Projection p, int[] x) {
        int k = p.k();
        int[] codes = new int[k];
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
        int n = p.n();
        int[] y = new int[n];
        for (int j = 0; j < n; j++) {
            long acc = accumulate(p, codes, j);
            int m = p.m() != null ? p.m()[j] : rowM;
            y[j] = MatArith.output(acc, m, p.dShift(), p.bias() != null ? p.bias()[j] : 0, 0);
        }
        return y;
    }

    /** The unit's result for column j. */
    static long accumulate(Projection p, int[] codes, int j) {
        QuantWeights w = p.weights();
        if (w instanceof QuantWeights.MixPe m) {
            int padded = m.scales()[j].length * p.group();
            return MixPeArith.dot(((Scheme.MixPe) p.scheme()).act(), p.group(), Arrays.copyOf(m.codes()[j], padded), Arrays.copyOf(codes, padded),
                    m.scales()[j], m.zps()[j]);
        }
        if (w instanceof QuantWeights.Ternary t) {
            return BitLinearArith.accumulate(0, BitLinearArith.laneSum(t.trits()[j], codes));
        }
        int[] col = ((QuantWeights.Ints) w).values()[j];
        long s = 0;
        for (int i = 0; i < codes.length; i++) {
            s += (long) col[i] * codes[i];
        }
        return Fixed.wrap(s, 32);
    }
}
