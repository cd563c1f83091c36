package dev.accelgen.pe.rmsnorm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RmsNormArithTest {
    @Test
    void rsqrtOfPowersOfFour() {
        // m = 4^10: t = 2^30, idx 0, y0 = round(65536 / sqrt(32.5/32)) = 65030,
        // ys = 64528, p = 64528, y1 = roundShift(65030 * (196608 - 64528), 17) = 65530
        RmsNormArith.Rsqrt r = RmsNormArith.rsqrt(1L << 20);
        assertEquals(10, r.k());
        assertEquals(65030, RmsNormArith.tableEntry(0));
        assertEquals(65530, r.y1());
    }

    @Test
    void rsqrtRelativeErrorBelow2ToMinus13() {
        long seed = 21;
        System.out.println("seed=" + seed);
        Random rng = new Random(seed);
        double worst = 0;
        for (int i = 0; i < 200000; i++) {
            long m = 1 + (rng.nextLong() >>> (33 + rng.nextInt(30)));
            RmsNormArith.Rsqrt r = RmsNormArith.rsqrt(m);
            double got = r.y1() / 65536.0 * Math.pow(2, -r.k());
            worst = Math.max(worst, Math.abs(got * Math.sqrt(m) - 1));
        }
        System.out.printf("rsqrt max rel err %.3g%n", worst);
        assertTrue(worst < Math.pow(2, -13), "worst " + worst);
    }

    @Test
    void normalizeConstantVector() {
        // x = 100 everywhere, eps = 1: m = 10001, y = 100/sqrt(10001) ~ 0.99995 -> 2048 in Q4.11
        int[] y = RmsNormArith.normalize(new int[] {100, 100, 100, 100}, 2, 1);
        assertArrayEquals(new int[] {2048, 2048, 2048, 2048}, y);
    }

    @Test
    void normalizeMatchesFloat() {
        long seed = 3;
        System.out.println("seed=" + seed);
        Random rng = new Random(seed);
        for (int trial = 0; trial < 500; trial++) {
            int log2n = 1 + rng.nextInt(9);
            int n = 1 << log2n;
            int amp = 1 + rng.nextInt(32767);
            int[] x = new int[n];
            for (int i = 0; i < n; i++) {
                x[i] = rng.nextInt(2 * amp + 1) - amp;
                x[i] = Math.max(-32768, Math.min(32767, x[i]));
            }
            int[] y = RmsNormArith.normalize(x, log2n, 1);
            double m = Math.floor(RmsNormArith.sumSquares(x) / (double) n) + 1;
            for (int i = 0; i < n; i++) {
                double ref = x[i] / Math.sqrt(m) * 2048;
                if (Math.abs(ref) < 32767) {
                    assertTrue(Math.abs(y[i] - ref) <= 0.5 + Math.abs(ref) * Math.pow(2, -13) + 1e-9,
                            "trial " + trial + " i " + i + ": " + y[i] + " vs " + ref);
                }
            }
        }
    }
}
