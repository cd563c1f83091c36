package dev.accelgen.pe.numerics;

import dev.accelgen.pe.mixpe.ActType;
import dev.accelgen.pe.mixpe.Fp16Bfp;
import dev.accelgen.pe.mixpe.MixPeArith;
import dev.accelgen.pe.mlgru.MlgruArith;
import dev.accelgen.pe.rmsnorm.RmsNormArith;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Measures every fixed-point approximation in pe-library against float on random inputs and
 * prints one line per figure ({@code name value}). Run: {@code java ... ErrorReport [seed]}.
 */
public final class ErrorReport {
    private ErrorReport() {
    }

    /** One measured figure. */
    public record Figure(String name, double value) {
        @Override
        public String toString() {
            return String.format("%-40s %.6g", name, value);
        }
    }

    public static List<Figure> measure(long seed) {
        Random rng = new Random(seed);
        List<Figure> out = new ArrayList<>();
        for (ActType t : ActType.values()) {
            out.add(new Figure("mixpe_" + t.cliName() + "_w4_g32_max_abs_err", mixpeError(rng, t, 4, 32)));
        }
        double sig = 0;
        double silu = 0;
        for (int x = -32768; x < 32768; x++) {
            double xr = MlgruArith.fromQ(x);
            double s = BitLinearMlgruLayer.sigmoid(xr);
            sig = Math.max(sig, Math.abs(MlgruArith.fromQ(MlgruArith.sigmoid(x)) - s));
            silu = Math.max(silu, Math.abs(MlgruArith.fromQ(MlgruArith.silu(x)) - xr * s));
        }
        out.add(new Figure("sigmoid_plan_q12_max_abs_err", sig));
        out.add(new Figure("silu_q12_max_abs_err", silu));
        out.add(new Figure("rmsnorm_rsqrt_max_rel_err", rsqrtError(rng)));
        out.add(new Figure("rmsnorm_n64_output_max_abs_err", rmsnormError(rng)));
        BitLinearMlgruLayer.Agreement a = BitLinearMlgruLayer.run(64, 32, rng.nextLong());
        out.add(new Figure("bitlinear_mlgru_d64_t32_max_abs_err", a.maxAbsError()));
        out.add(new Figure("bitlinear_mlgru_d64_t32_cosine", a.cosine()));
        return out;
    }

    /** Max |fixed - float| of a group's dequantized output (real units) over random groups. */
    private static double mixpeError(Random rng, ActType t, int bits, int g) {
        double worst = 0;
        for (int trial = 0; trial < 2000; trial++) {
            int[] q = new int[g];
            int[] a = new int[g];
            int scale = 256 + rng.nextInt(4096);
            int zp = rng.nextInt(1 << bits);
            double ref = 0;
            for (int i = 0; i < g; i++) {
                q[i] = rng.nextInt(1 << bits);
                if (t == ActType.FP16) {
                    // activations of an LLM layer: normal with sigma 1..8, as binary16
                    a[i] = halfOf(rng.nextGaussian() * (1 + rng.nextInt(8)));
                    ref += scale / 65536.0 * (q[i] - zp) * Fp16Bfp.toDouble(a[i]);
                } else {
                    a[i] = rng.nextInt(1 << t.portBits()) - (1 << (t.portBits() - 1));
                    ref += scale / 65536.0 * (q[i] - zp) * a[i];
                }
            }
            double got = MixPeArith.groupOutput(t, q, a, scale, zp) / 256.0;
            worst = Math.max(worst, Math.abs(got - ref));
        }
        return worst;
    }

    /** Binary16 pattern nearest below |v| (truncating the fraction), for |v| < 65504. */
    static int halfOf(double v) {
        int sign = v < 0 ? 0x8000 : 0;
        double m = Math.abs(v);
        if (m < Math.pow(2, -14)) {
            return sign | (int) (m / Math.pow(2, -24));
        }
        int e = Math.getExponent(m);
        int frac = (int) ((m / Math.pow(2, e) - 1) * 1024);
        return sign | ((e + 15) << 10) | frac;
    }

    private static double rsqrtError(Random rng) {
        double worst = 0;
        for (int i = 0; i < 100000; i++) {
            long m = 1 + (rng.nextLong() >>> (33 + rng.nextInt(30)));
            RmsNormArith.Rsqrt r = RmsNormArith.rsqrt(m);
            worst = Math.max(worst, Math.abs(r.y1() / 65536.0 * Math.pow(2, -r.k()) * Math.sqrt(m) - 1));
        }
        return worst;
    }

    private static double rmsnormError(Random rng) {
        double worst = 0;
        for (int trial = 0; trial < 200; trial++) {
            int[] x = new int[64];
            for (int i = 0; i < x.length; i++) {
                x[i] = (int) Math.max(-32768, Math.min(32767, Math.round(rng.nextGaussian() * 3000)));
            }
            int[] y = RmsNormArith.normalize(x, 6, 1);
            double ms = 0;
            for (int v : x) {
                ms += (double) v * v;
            }
            double rms = Math.sqrt(ms / x.length + 1);
            for (int i = 0; i < x.length; i++) {
                worst = Math.max(worst, Math.abs(y[i] / 2048.0 - x[i] / rms));
            }
        }
        return worst;
    }

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 1;
        System.out.println("seed=" + seed);
        for (Figure f : measure(seed)) {
            System.out.println(f);
        }
    }
}
