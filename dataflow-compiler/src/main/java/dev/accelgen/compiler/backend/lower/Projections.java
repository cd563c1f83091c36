package dev.accelgen.compiler.backend.lower;

import dev.accelgen.compiler.backend.lir.ActQuant;
import dev.accelgen.compiler.backend.lir.Projection;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.quant.Int8Weights;
import dev.accelgen.compiler.quant.MixPeWeights;
import dev.accelgen.compiler.quant.Scheme;
import dev.accelgen.compiler.quant.TernaryWeights;
import dev.accelgen.pe.accel.matrix.MatArith;
import dev.accelgen.pe.accel.matrix.QuantWeights;
import dev.accelgen.pe.mixpe.ActType;
import dev.accelgen.pe.mixpe.MixPeArith;
import dev.accelgen.pe.vector.arith.EltwiseArith;

/**
 * Quantizes one weight matrix for its scheme's unit and derives the MM's fixed-point parameters. The weights are
 * quantized per scheme ({@link MixPeWeights}, {@link TernaryWeights}, {@link Int8Weights}); the
 * activation multiplier maps the calibrated range to the code range ({@code q / 2^qShift = codeMax / (2^16 * range)},
 * q as large as its 24 bits allow) and the per-column multipliers undo both scales, times any constant factor
 * folded into the output ({@code M / 2^dShift}, the largest dShift that keeps every M in 31 bits).
 */
final class Projections {
    /** Largest positive multiplier M (signed 32-bit). */
    private static final long M_MAX = Integer.MAX_VALUE;

    private Projections() {
    }

    /**
     * @param w         weights [K, N]
     * @param actMaxAbs calibrated max |x| of the input
     * @param factor    per-column constant folded into the output (1: none)
     * @param bias      per-column float bias, or null
     */
    static Projection of(Scheme s, Tensor w, double actMaxAbs, double[] factor, float[] bias) {
        int n = w.shape().dim(1);
        int[] b = null;
        if (bias != null) {
            b = new int[n];
            for (int j = 0; j < n; j++) {
                b[j] = EltwiseArith.toFx(bias[j] * factor[j]);
            }
        }
        if (s instanceof Scheme.Ternary) {
            TernaryWeights t = new TernaryWeights(w);
            double f = factor[0];
            for (double v : factor) {
                if (v != f) {
                    throw new IllegalArgumentException("a ternary projection folds one factor for all columns");
                }
            }
            return new Projection(s, t.quantWeights(), codes(s), perRow(t.beta() * f), null,
                    dev.accelgen.pe.vector.arith.RowScaleArith.ROWSCALE_DSHIFT, b);
        }
        double[] f = new double[n];
        ActQuant.PerTensor q;
        QuantWeights qw;
        if (s instanceof Scheme.MixPe m) {
            MixPeWeights l = new MixPeWeights(w, m);
            q = perTensor(actMaxAbs, codes(s).hi());
            qw = l.quantWeights();
            double act = effectiveScale(q);
            for (int j = 0; j < n; j++) {
                f[j] = act * l.colStep(j) * (1 << (16 - MixPeArith.OUT_FRAC)) * factor[j];
            }
        } else {
            Int8Weights l = new Int8Weights(w, (Scheme.Int8) s);
            q = perTensor(actMaxAbs, codes(s).hi());
            qw = l.quantWeights();
            double act = effectiveScale(q);
            for (int j = 0; j < n; j++) {
                f[j] = act * l.weightScale(j) * 65536 * factor[j];
            }
        }
        int dShift = shiftFor(f);
        int[] m = new int[n];
        for (int j = 0; j < n; j++) {
            m[j] = (int) Math.max(-M_MAX, Math.min(M_MAX, Math.round(f[j] * Math.pow(2, dShift))));
        }
        return new Projection(s, qw, codes(s), q, m, dShift, b);
    }

    /** The activation codes of the scheme's unit. */
    static MatArith.CodeRange codes(Scheme s) {
        if (s instanceof Scheme.Ternary) {
            return new MatArith.CodeRange(-127, 127);
        }
        if (s instanceof Scheme.MixPe m && m.act() == ActType.INT16) {
            return new MatArith.CodeRange(-32768, 32767);
        }
        return new MatArith.CodeRange(-128, 127);
    }

    /** The MM instruction's {@code q} field is 24 bits wide (docs/isa.md, MM). */
    static final long MM_Q_MAX = (1L << 24) - 1;

    /** {@code q / 2^qShift ~ codeMax / (2^16 * range)} with the largest qShift whose q fits 24 bits. */
    static ActQuant.PerTensor perTensor(double actMaxAbs, int codeMax) {
        double codesPerRaw = actMaxAbs > 0 ? codeMax / (actMaxAbs * 65536) : 1.0 / 65536;
        for (int s = 63; s > 0; s--) {
            long q = Math.round(codesPerRaw * Math.pow(2, s));
            if (q <= MM_Q_MAX) {
                return new ActQuant.PerTensor(Math.max(q, 1), s);
            }
        }
        return new ActQuant.PerTensor(MM_Q_MAX, 0);
    }

    /** The real value of one activation code under q: {@code 2^qShift / (2^16 q)}. */
    static double effectiveScale(ActQuant.PerTensor q) {
        return Math.pow(2, q.qShift()) / (65536.0 * q.q());
    }

    /** beta as a 24-bit mantissa and shift (the largest shift that fits). */
    static ActQuant.PerRow perRow(double beta) {
        for (int s = 63; s > 0; s--) {
            long m = Math.round(beta * Math.pow(2, s));
            if (m < 1L << 24) {
                return new ActQuant.PerRow(m, s);
            }
        }
        return new ActQuant.PerRow(Math.min(Math.round(beta), (1L << 24) - 1), 0);
    }

    /** The largest shift in 0..63 at which every {@code |f_j| * 2^shift} rounds into 31 bits. */
    static int shiftFor(double[] f) {
        double max = 0;
        for (double v : f) {
            max = Math.max(max, Math.abs(v));
        }
        if (max == 0) {
            return 0;
        }
        for (int s = 63; s > 0; s--) {
            if (Math.round(max * Math.pow(2, s)) <= M_MAX) {
                return s;
            }
        }
        return 0;
    }
}
