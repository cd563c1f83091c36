package dev.accelgen.pe.vector.arith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** rsqrt, reciprocal, norms, softmax, row scales and element-wise ops: exact vectors and float-reference bounds. */
class NumericsArithTest {
    private static final long SEED = Long.getLong("accelgen.seed", 5);

    @Test
    void elementwiseExactVectors() {
        assertEquals(98304, EltwiseArith.mul(3 * 65536, 32768));
        assertEquals(-1, EltwiseArith.mul(-1, 65535));
        assertEquals(0, EltwiseArith.mul(-1, 32768));
        assertEquals(Integer.MAX_VALUE, EltwiseArith.mul(Integer.MIN_VALUE, Integer.MIN_VALUE));
        assertEquals(Integer.MAX_VALUE, EltwiseArith.add(Integer.MAX_VALUE, 1));
        assertEquals(Integer.MIN_VALUE, EltwiseArith.sub(Integer.MIN_VALUE, 1));
        assertEquals(65536, EltwiseArith.affine(65536, 131072, -65536));
        assertEquals(Integer.MIN_VALUE, EltwiseArith.affine(Integer.MIN_VALUE, 65536, -1));
    }

    @Test
    void rsqrtRelativeErrorIsBelow4e5() {
        double worst = 0;
        for (long t = 1L << 30; t < 1L << 32; t += 1237) {
            double want = 65536 / Math.sqrt(t / (double) (1L << 30));
            worst = Math.max(worst, Math.abs(RsqrtArith.newton(t) - want) / want);
        }
        System.out.printf("rsqrt max relative error %.3g%n", worst);
        assertTrue(worst < 4e-5, "rsqrt " + worst);
        RsqrtArith.Result r = RsqrtArith.rsqrt(BigInteger.ONE.shiftLeft(95).add(BigInteger.valueOf(12345)));
        assertEquals(47, r.k());
    }

    @Test
    void reciprocalRelativeErrorIsBelow3e5() {
        double worst = 0;
        for (long s = 1; s < 1L << 62; s = s + 1 + s / 997) {
            RecipArith.Result r = RecipArith.recip(s);
            double got = r.r1() * Math.pow(2, -16 - r.e());
            worst = Math.max(worst, Math.abs(got * s - 1));
        }
        System.out.printf("reciprocal max relative error %.3g%n", worst);
        assertTrue(worst < 3e-5, "recip " + worst);
        assertEquals(new RecipArith.Result(65536, 16), RecipArith.recip(65536));
    }

    @Test
    void normExactVectors() {
        // RMS of [1, -1, 1, -1] is 1: Q = 4 * 4 * 2^32 = 2^36, k = 18, t = 2^30, y0 = 65281, ys = 65027,
        // p = 65027, y1 = roundShift(65281 * 131581, 17) = 65535; y = roundShift(4 * 65536 * 65535, 18) = 65535.
        int one = 65536;
        assertArrayEquals(new int[] {65535, -65535, 65535, -65535},
                NormArith.row(new int[] {one, -one, one, -one}, 4, 0, false, null, null));
        // LayerNorm of a constant row is 0 (Q = len^2 * eps; c = 0); with bias it is the bias.
        assertArrayEquals(new int[] {7, 7, 7}, NormArith.row(new int[] {5 * one, 5 * one, 5 * one}, 3, 1000, true,
                new int[] {one, one, one}, new int[] {7, 7, 7}));
        // Q = 0 (all zeros, eps 0) counts as 1: outputs 0.
        assertArrayEquals(new int[] {0, 0}, NormArith.row(new int[] {0, 0}, 2, 0, true, null, null));
    }

    @Test
    void normsMatchDoublePrecision() {
        Random rng = new Random(SEED);
        double worst = 0;
        for (int trial = 0; trial < 300; trial++) {
            int len = 1 + rng.nextInt(300);
            double scale = Math.pow(2, rng.nextInt(24) - 8);
            int[] x = new int[len];
            for (int i = 0; i < len; i++) {
                x[i] = (int) Math.round(rng.nextGaussian() * scale * 65536);
            }
            long eps = rng.nextInt(1 << 20);
            boolean centered = rng.nextBoolean();
            int[] y = NormArith.row(x, len, eps, centered, null, null);
            double mean = 0;
            for (int v : x) {
                mean += v / 65536.0;
            }
            mean = centered ? mean / len : 0;
            double var = 0;
            for (int v : x) {
                var += Math.pow(v / 65536.0 - mean, 2);
            }
            double inv = 1 / Math.sqrt(var / len + eps / Math.pow(2, 32));
            for (int i = 0; i < len; i++) {
                double want = (x[i] / 65536.0 - mean) * inv;
                worst = Math.max(worst, Math.abs(y[i] / 65536.0 - want) / Math.max(1, Math.abs(want)));
            }
        }
        System.out.printf("norm max error relative to max(|y|, 1) %.3g%n", worst);
        assertTrue(worst < 1e-4, "norm " + worst);
    }

    @Test
    void softmaxMatchesDoublePrecision() {
        assertArrayEquals(new int[] {16384, 16384, 16384, 16384}, SoftmaxArith.row(new int[] {9, 9, 9, 9}, 4));
        assertArrayEquals(new int[] {65536}, SoftmaxArith.row(new int[] {Integer.MIN_VALUE}, 1));
        Random rng = new Random(SEED);
        double worst = 0;
        for (int trial = 0; trial < 300; trial++) {
            int len = 1 + rng.nextInt(500);
            double scale = Math.pow(2, rng.nextInt(8) - 2);
            int[] x = new int[len];
            double max = -1e300;
            for (int i = 0; i < len; i++) {
                x[i] = (int) Math.round(rng.nextGaussian() * scale * 65536);
                max = Math.max(max, x[i] / 65536.0);
            }
            double sum = 0;
            for (int v : x) {
                sum += Math.exp(v / 65536.0 - max);
            }
            int[] y = SoftmaxArith.row(x, len);
            for (int i = 0; i < len; i++) {
                worst = Math.max(worst, Math.abs(y[i] / 65536.0 - Math.exp(x[i] / 65536.0 - max) / sum));
            }
        }
        System.out.printf("softmax max abs error %.3g%n", worst);
        assertTrue(worst < 3e-5, "softmax " + worst);
    }

    @Test
    void rowScalesQuantizeAndDequantizeAsDocumented() {
        long one = 65536;
        // gamma 1.0: q = 127 * 2^32 / 2^16 = 127 * 2^16 exactly; M = beta * 2^16 * 2^16 / 127 for beta = 1/2.
        assertEquals(127 * 65536, RowScaleArith.q(one));
        assertEquals(Math.round(0.5 * 65536 * 65536 / 127.0), RowScaleArith.m(one, 1, 1));
        assertEquals(127, RowScaleArith.code((int) one, RowScaleArith.q(one)));
        assertEquals(-63, RowScaleArith.code((int) (-one / 2), RowScaleArith.q(one)));
        assertEquals(Integer.MAX_VALUE, RowScaleArith.q(0));
        assertEquals(0, RowScaleArith.m(0, 1 << 20, 3));
        assertEquals(Integer.MAX_VALUE, RowScaleArith.m(1L << 31, (1 << 24) - 1, 0));
        Random rng = new Random(SEED);
        double worstQ = 0;
        double worstM = 0;
        for (int trial = 0; trial < 20000; trial++) {
            long gamma = 300 + (rng.nextLong() >>> (33 + rng.nextInt(22)));
            long betaMant = 1 + rng.nextInt(1 << 24);
            int betaShift = 24 + rng.nextInt(8);
            double beta = betaMant / Math.pow(2, betaShift);
            worstQ = Math.max(worstQ, Math.abs(RowScaleArith.q(gamma) / (127 * Math.pow(2, 32) / gamma) - 1));
            double wantM = beta * gamma * 65536 / 127;
            if (wantM < Integer.MAX_VALUE && wantM > 1e4) {
                worstM = Math.max(worstM, Math.abs(RowScaleArith.m(gamma, betaMant, betaShift) / wantM - 1));
            }
        }
        System.out.printf("row scale q max relative error %.3g (gamma >= 300 raw), M %.3g (M >= 1e4)%n", worstQ, worstM);
        assertTrue(worstQ < 2e-3 && worstM < 1e-4, "q " + worstQ + " M " + worstM);
    }
}
