package dev.accelgen.compiler.backend.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.accelgen.compiler.backend.lir.ActQuant;
import dev.accelgen.compiler.backend.lir.Projection;
import dev.accelgen.compiler.quant.Scheme;
import dev.accelgen.pe.accel.matrix.MatArith;
import dev.accelgen.pe.accel.matrix.QuantWeights;
import dev.accelgen.pe.fixed.Fixed;
import dev.accelgen.pe.mixpe.ActType;
import dev.accelgen.pe.mixpe.MixPeArith;
import dev.accelgen.pe.ternary.BitLinearArith;
import dev.accelgen.pe.vector.arith.RowScaleArith;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The row kernel's one-pass integer sums against the pe-library calls they stand for ({@link MixPeArith#dot} per
 * column, {@link BitLinearArith#laneSum}, the 64-bit int8 sum wrapped to 32 bits), on random weights and rows with
 * saturating inputs, wide K (the int8 sum wraps) and a partial last MixPE group.
 */
class ProjectionKernelTest {
    static final long SEED = Long.getLong("accelgen.seed", 7);

    @Test
    void int8SumsWrapAsTheUnitDoes() {
        Random r = new Random(SEED);
        System.out.println("seed=" + SEED + " (-Daccelgen.seed)");
        int k = 140000;
        int n = 3;
        int[][] w = new int[n][k];
        for (int[] col : w) {
            Arrays.fill(col, 127);
        }
        w[2] = randomInts(r, k, -127, 127);
        Projection p = new Projection(new Scheme.Int8(0, 0), new QuantWeights.Ints(w), new MatArith.CodeRange(-128, 127),
                new ActQuant.PerTensor(1 << 23, 39), new int[] {3, -5, 1 << 20}, 4, new int[] {7, 0, -7});
        int[] x = new int[k];
        Arrays.fill(x, 127 << 16);
        x[5] = Integer.MIN_VALUE;
        assertArrayEquals(reference(p, x), new ProjectionKernel(p).row(x));
    }

    @Test
    void mixPeMatchesTheUnitsDotProduct() {
        Random r = new Random(SEED + 1);
        for (ActType act : new ActType[] {ActType.INT8, ActType.INT16}) {
            int k = 100;
            int n = 5;
            int group = 32;
            int groups = (k + group - 1) / group;
            int[][] codes = new int[n][];
            int[][] scales = new int[n][];
            int[][] zps = new int[n][];
            for (int j = 0; j < n; j++) {
                codes[j] = randomInts(r, k, 0, 15);
                scales[j] = randomInts(r, groups, 0, 65535);
                zps[j] = randomInts(r, groups, 0, 15);
            }
            MatArith.CodeRange range = act == ActType.INT16 ? new MatArith.CodeRange(-32768, 32767) : new MatArith.CodeRange(-128, 127);
            Projection p = new Projection(new Scheme.MixPe(4, act, group), new QuantWeights.MixPe(codes, scales, zps), range,
                    new ActQuant.PerTensor(12345, 20), randomInts(r, n, -(1 << 30), 1 << 30), 30, null);
            for (int row = 0; row < 20; row++) {
                int[] x = randomInts(r, k, Integer.MIN_VALUE, Integer.MAX_VALUE);
                assertArrayEquals(reference(p, x), new ProjectionKernel(p).row(x), act + " row " + row);
            }
        }
    }

    @Test
    void ternaryMatchesTheLaneSum() {
        Random r = new Random(SEED + 2);
        int k = 300;
        int n = 4;
        int[][] t = new int[n][];
        for (int j = 0; j < n; j++) {
            t[j] = randomInts(r, k, -1, 1);
        }
        Projection p = new Projection(new Scheme.Ternary(), new QuantWeights.Ternary(t), new MatArith.CodeRange(-127, 127),
                new ActQuant.PerRow(13981013, 25), null, RowScaleArith.ROWSCALE_DSHIFT, randomInts(r, n, -1000, 1000));
        for (int row = 0; row < 20; row++) {
            int[] x = randomInts(r, k, -(1 << 24), 1 << 24);
            assertArrayEquals(reference(p, x), new ProjectionKernel(p).row(x), "row " + row);
        }
    }

    /** The row through the pe-library calls themselves, column by column. */
    private static int[] reference(Projection p, int[] x) {
        int k = p.k();
        int[] codes = new int[k];
        int rowM = 0;
        if (p.act() instanceof ActQuant.PerTensor t) {
            for (int i = 0; i < k; i++) {
                codes[i] = MatArith.quantize(x[i], t.q(), t.qShift(), p.codes());
            }
        } else {
            ActQuant.PerRow pr = (ActQuant.PerRow) p.act();
            long gamma = RowScaleArith.gamma(x, k);
            int q = RowScaleArith.q(gamma);
            rowM = RowScaleArith.m(gamma, pr.betaMant(), pr.betaShift());
            for (int i = 0; i < k; i++) {
                codes[i] = RowScaleArith.code(x[i], q);
            }
        }
        int[] y = new int[p.n()];
        for (int j = 0; j < p.n(); j++) {
            long acc;
            if (p.weights() instanceof QuantWeights.MixPe m) {
                int padded = m.scales()[j].length * p.group();
                acc = MixPeArith.dot(((Scheme.MixPe) p.scheme()).act(), p.group(), Arrays.copyOf(m.codes()[j], padded),
                        Arrays.copyOf(codes, padded), m.scales()[j], m.zps()[j]);
            } else if (p.weights() instanceof QuantWeights.Ternary t) {
                acc = BitLinearArith.accumulate(0, BitLinearArith.laneSum(t.trits()[j], codes));
            } else {
                long s = 0;
                for (int i = 0; i < k; i++) {
                    s += (long) ((QuantWeights.Ints) p.weights()).values()[j][i] * codes[i];
                }
                acc = Fixed.wrap(s, 32);
            }
            y[j] = MatArith.output(acc, p.m() != null ? p.m()[j] : rowM, p.dShift(), p.bias() != null ? p.bias()[j] : 0, 0);
        }
        return y;
    }

    private static int[] randomInts(Random r, int n, long lo, long hi) {
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = (int) (lo + (long) (r.nextDouble() * (hi - lo + 1)));
        }
        return v;
    }
}
