package dev.accelgen.compiler.quant;

import dev.accelgen.compiler.ir.Granularity;
import dev.accelgen.compiler.ir.QuantParams;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.pe.mixpe.ActType;
import dev.accelgen.pe.mixpe.MixPeArith;

/**
 * MixPE: each output column's weights are cut into groups of G along K; a group stores unsigned w-bit codes
 * with a zero point (min/max asymmetric) and a Q0.16 scale relative to the column's largest group step
 * {@code colStep} (so every Q0.16 scale fits). Activations are signed 8/16-bit with a calibrated per-tensor scale.
 * The dot product, zero-point correction, per-group dequantization and the wrapping accumulator are
 * {@link MixPeArith#dot}; the result is {@code acc / 2^8 * actScale * colStep}.
 */
public final class MixPeLayer implements QuantizedLayer {
    private final Scheme.MixPe scheme;
    private final int k;
    private final int n;
    private final int group;
    private final double actScale;
    private final int[][] codes;
    private final int[][] scales;
    private final int[][] zps;
    private final double[] colStep;

    /** @param actMaxAbs calibrated max |x| of the activations */
    public MixPeLayer(Tensor w, Scheme.MixPe scheme, double actMaxAbs) {
        this.scheme = scheme;
        this.k = w.shape().dim(0);
        this.n = w.shape().dim(1);
        this.group = groupFor(k, scheme.groupSize());
        int actMax = scheme.act() == ActType.INT8 ? 127 : 32767;
        this.actScale = actMaxAbs > 0 ? actMaxAbs / actMax : 1;
        int levels = (1 << scheme.wBits()) - 1;
        int groups = k / group;
        codes = new int[n][k];
        scales = new int[n][groups];
        zps = new int[n][groups];
        colStep = new double[n];
        float[] v = w.floats();
        for (int j = 0; j < n; j++) {
            double[] step = new double[groups];
            double[] lo = new double[groups];
            for (int g = 0; g < groups; g++) {
                double mn = 0;
                double mx = 0;
                for (int i = g * group; i < (g + 1) * group; i++) {
                    mn = Math.min(mn, v[i * n + j]);
                    mx = Math.max(mx, v[i * n + j]);
                }
                step[g] = (mx - mn) / levels;
                lo[g] = mn;
                colStep[j] = Math.max(colStep[j], step[g]);
            }
            for (int g = 0; g < groups; g++) {
                int s16 = colStep[j] == 0 ? 0 : (int) Math.min(65535, Math.round(step[g] / colStep[j] * 65536));
                double realStep = colStep[j] * s16 / 65536.0;
                int zp = realStep == 0 ? 0 : (int) Math.max(0, Math.min(levels, Math.round(-lo[g] / realStep)));
                scales[j][g] = s16;
                zps[j][g] = zp;
                for (int i = g * group; i < (g + 1) * group; i++) {
                    codes[j][i] = realStep == 0 ? zp : (int) Math.max(0, Math.min(levels, Math.round(v[i * n + j] / realStep) + zp));
                }
            }
        }
    }

    /** The quantized weights ([n][k] codes, per column and group the Q0.16 scale and zero point). */
    public dev.accelgen.pe.accel.matrix.QuantWeights.MixPe quantWeights() {
        return new dev.accelgen.pe.accel.matrix.QuantWeights.MixPe(codes, scales, zps);
    }

    /** Column j's largest group step: weight = colStep[j] * scale / 2^16 * (code - zp). */
    public double colStep(int j) {
        return colStep[j];
    }

    /** The largest power of two <= the requested group size that divides K. */
    static int groupFor(int k, int requested) {
        int g = Integer.highestOneBit(Math.min(requested, k));
        while (k % g != 0) {
            g >>= 1;
        }
        return g;
    }

    @Override
    public IntegerRun integer(Tensor x) {
        int lim = scheme.act() == ActType.INT8 ? 127 : 32767;
        int rows = x.size() / k;
        int[][] a = new int[rows][k];
        long[][] acc = new long[rows][n];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < k; i++) {
                a[r][i] = (int) Math.max(-lim, Math.min(lim, Math.rint(x.floats()[r * k + i] / actScale)));
            }
            for (int j = 0; j < n; j++) {
                acc[r][j] = MixPeArith.dot(scheme.act(), group, codes[j], a[r], scales[j], zps[j]);
            }
        }
        return new IntegerRun(a, acc, new double[] {actScale});
    }

    @Override
    public Tensor apply(Tensor x) {
        IntegerRun run = integer(x);
        float[] out = new float[run.accumulators().length * n];
        for (int r = 0; r < run.accumulators().length; r++) {
            for (int j = 0; j < n; j++) {
                out[r * n + j] = (float) (run.accumulators()[r][j] / (double) (1 << MixPeArith.OUT_FRAC) * actScale * colStep[j]);
            }
        }
        return QuantizedLayer.output(x, n, out);
    }

    @Override
    public QuantParams activationParams() {
        return new QuantParams(scheme.act().portBits(), true, Granularity.PER_TENSOR, 0, new float[] {(float) actScale}, new int[] {0});
    }

    @Override
    public QuantParams weightParams() {
        float[] s = new float[n * scales[0].length];
        int[] z = new int[s.length];
        for (int j = 0; j < n; j++) {
            for (int g = 0; g < scales[j].length; g++) {
                s[j * scales[j].length + g] = (float) (colStep[j] * scales[j][g] / 65536.0);
                z[j * scales[j].length + g] = zps[j][g];
            }
        }
        return new QuantParams(scheme.wBits(), false, Granularity.PER_GROUP, group, s, z);
    }
}
