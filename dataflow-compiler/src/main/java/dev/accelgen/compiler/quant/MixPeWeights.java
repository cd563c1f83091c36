package dev.accelgen.compiler.quant;

import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.pe.accel.matrix.QuantWeights;
import dev.accelgen.pe.mixpe.MixPeArith;

/**
 * MixPE weights: each output column's weights are cut into groups of G along K (the scheme's group size, the MixPE
 * unit's; the last group is partial when G does not divide K, as the unit's weight tiles lay it out); a group stores unsigned w-bit codes
 * with a zero point (min/max asymmetric) and a Q0.16 scale relative to the column's largest group step
 * {@code colStep} (so every Q0.16 scale fits): weight = {@code colStep * scale / 2^16 * (code - zp)}. The unit's dot
 * product ({@link MixPeArith#dot}) yields {@code sum (code - zp) * scale * a} in Q.8.
 */
public final class MixPeWeights {
    private final int group;
    private final int[][] codes;
    private final int[][] scales;
    private final int[][] zps;
    private final double[] colStep;

    public MixPeWeights(Tensor w, Scheme.MixPe scheme) {
        int k = w.shape().dim(0);
        int n = w.shape().dim(1);
        this.group = scheme.groupSize();
        int levels = (1 << scheme.wBits()) - 1;
        int groups = groups(k, group);
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
                for (int i = g * group; i < Math.min(k, (g + 1) * group); i++) {
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
                for (int i = g * group; i < Math.min(k, (g + 1) * group); i++) {
                    codes[j][i] = realStep == 0 ? zp : (int) Math.max(0, Math.min(levels, Math.round(v[i * n + j] / realStep) + zp));
                }
            }
        }
    }

    /** Groups of G along K: ceil(K / G). */
    public static int groups(int k, int group) {
        return (k + group - 1) / group;
    }

    public int group() {
        return group;
    }

    /** The quantized weights ([n][k] codes, per column and group the Q0.16 scale and zero point). */
    public QuantWeights.MixPe quantWeights() {
        return new QuantWeights.MixPe(codes, scales, zps);
    }

    /** Column j's largest group step. */
    public double colStep(int j) {
        return colStep[j];
    }
}
