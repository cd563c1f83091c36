package dev.accelgen.compiler.quant;

import dev.accelgen.compiler.ir.Granularity;
import dev.accelgen.compiler.ir.QuantParams;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.pe.systolic.SystolicConfig;
import dev.accelgen.pe.systolic.SystolicGolden;
import dev.accelgen.pe.systolic.SystolicStimulus;
import dev.accelgen.sim.OutputEvent;
import dev.accelgen.sim.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * INT8: per-column symmetric int8 weights (after optional N:M magnitude pruning along K), per-tensor symmetric
 * int8 activations with a calibrated scale. The integer products are accumulated by the INT8 systolic array's
 * golden model ({@link SystolicGolden}, signed 8x8 operands, 32-bit wrapping accumulators) tile by tile
 * (at most {@value #TILE} rows x {@value #TILE} columns), and dequantized as {@code acc * actScale * wScale[j]}.
 */
public final class Int8Layer implements QuantizedLayer {
    static final int TILE = 64;
    private final int k;
    private final int n;
    private final long[][] wq;
    private final double[] wScale;
    private final double actScale;

    public Int8Layer(Tensor w, Scheme.Int8 scheme, double actMaxAbs) {
        this.k = w.shape().dim(0);
        this.n = w.shape().dim(1);
        float[] v = w.floats().clone();
        if (scheme.sparse()) {
            prune(v, k, n, scheme.n(), scheme.m());
        }
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
        this.actScale = actMaxAbs > 0 ? actMaxAbs / 127 : 1;
    }

    /** The int8 weight codes ([n][k]). */
    public dev.accelgen.pe.accel.matrix.QuantWeights.Ints quantWeights() {
        return dev.accelgen.pe.accel.matrix.QuantWeights.Ints.fromRows(wq);
    }

    /** Column j's weight scale: weight = wScale[j] * code. */
    public double weightScale(int j) {
        return wScale[j];
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

    @Override
    public IntegerRun integer(Tensor x) {
        int rows = x.size() / k;
        long[][] a = new long[rows][k];
        int[][] codes = new int[rows][k];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < k; i++) {
                codes[r][i] = (int) Math.max(-127, Math.min(127, Math.rint(x.floats()[r * k + i] / actScale)));
                a[r][i] = codes[r][i];
            }
        }
        long[][] acc = new long[rows][n];
        for (int r0 = 0; r0 < rows; r0 += TILE) {
            int tr = Math.min(TILE, rows - r0);
            for (int c0 = 0; c0 < n; c0 += TILE) {
                int tc = Math.min(TILE, n - c0);
                long[][] t = tile(a, r0, tr, c0, tc);
                for (int r = 0; r < tr; r++) {
                    System.arraycopy(t[r], 0, acc[r0 + r], c0, tc);
                }
            }
        }
        return new IntegerRun(codes, acc, new double[] {actScale});
    }

    @Override
    public Tensor apply(Tensor x) {
        IntegerRun run = integer(x);
        float[] out = new float[run.accumulators().length * n];
        for (int r = 0; r < run.accumulators().length; r++) {
            for (int j = 0; j < n; j++) {
                out[r * n + j] = (float) (run.accumulators()[r][j] * actScale * wScale[j]);
            }
        }
        return QuantizedLayer.output(x, n, out);
    }

    /** One output tile through the systolic golden model. */
    private long[][] tile(long[][] a, int r0, int tr, int c0, int tc) {
        SystolicConfig cfg = SystolicConfig.int8(tr, tc);
        long[][] at = new long[tr][];
        for (int r = 0; r < tr; r++) {
            at[r] = a[r0 + r];
        }
        long[][] bt = new long[k][tc];
        for (int i = 0; i < k; i++) {
            System.arraycopy(wq[i], c0, bt[i], 0, tc);
        }
        Trace t = new SystolicGolden(cfg).run(SystolicStimulus.tile(cfg, at, bt));
        List<List<Long>> perCol = new ArrayList<>();
        for (int c = 0; c < tc; c++) {
            perCol.add(new ArrayList<>());
        }
        for (OutputEvent e : t.events()) {
            int c = Integer.parseInt(e.stream().substring("out_".length()));
            long raw = e.values().get(e.stream()).longValueExact();
            perCol.get(c).add(raw >= 1L << (cfg.accBits() - 1) ? raw - (1L << cfg.accBits()) : raw);
        }
        long[][] acc = new long[tr][tc];
        for (int c = 0; c < tc; c++) {
            for (int r = 0; r < tr; r++) {
                acc[r][c] = perCol.get(c).get(r);
            }
        }
        return acc;
    }

    @Override
    public QuantParams activationParams() {
        return new QuantParams(8, true, Granularity.PER_TENSOR, 0, new float[] {(float) actScale}, new int[] {0});
    }

    @Override
    public QuantParams weightParams() {
        float[] s = new float[n];
        for (int j = 0; j < n; j++) {
            s[j] = (float) wScale[j];
        }
        return new QuantParams(8, true, Granularity.PER_CHANNEL, 0, s, new int[n]);
    }
}
