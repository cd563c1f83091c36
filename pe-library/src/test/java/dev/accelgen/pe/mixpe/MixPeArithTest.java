package dev.accelgen.pe.mixpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MixPeArithTest {
    @Test
    void handComputedGroup() {
        // q = {3, 0, 15, 8}, a = {10, -4, 2, -1}, zp = 8, scale = 0.5 (32768)
        // dot = 30 + 0 + 30 - 8 = 52; actSum = 7; corr = 52 - 56 = -4
        // out = roundShift(-4 * 32768, 8) = -512 (= -2.0 in Q.8)
        assertEquals(-512, MixPeArith.groupOutputInt(new int[] {3, 0, 15, 8}, new int[] {10, -4, 2, -1}, 32768, 8));
    }

    @Test
    void dequantRoundsHalfUp() {
        // corr * scale = 3 * 128 = 384 = 1.5 * 256 -> 2; -384 -> -1
        assertEquals(2, MixPeArith.dequant(3, 128, 8));
        assertEquals(-1, MixPeArith.dequant(-3, 128, 8));
    }

    @Test
    void accumulatorWrapsAt48Bits() {
        long max = (1L << 47) - 1;
        assertEquals(-(1L << 47), MixPeArith.accumulate(max, 1));
    }

    @Test
    void integerGroupsMatchFloatWithinOutputRounding() {
        long seed = 1234;
        System.out.println("seed=" + seed);
        Random rng = new Random(seed);
        for (int trial = 0; trial < 2000; trial++) {
            int bits = new int[] {2, 3, 4, 8}[rng.nextInt(4)];
            int g = 1 << (1 + rng.nextInt(6));
            int[] q = new int[g];
            int[] a = new int[g];
            double ref = 0;
            int scale = rng.nextInt(1 << 16);
            int zp = rng.nextInt(1 << bits);
            for (int i = 0; i < g; i++) {
                q[i] = rng.nextInt(1 << bits);
                a[i] = rng.nextInt(65536) - 32768;
                ref += scale / 65536.0 * (q[i] - zp) * a[i];
            }
            double got = MixPeArith.groupOutputInt(q, a, scale, zp) / 256.0;
            assertTrue(Math.abs(got - ref) <= 0.5 / 256 + 1e-9, "trial " + trial + ": " + got + " vs " + ref);
        }
    }

    @Test
    void fp16GroupsMatchFloatWithinAlignmentBound() {
        long seed = 99;
        System.out.println("seed=" + seed);
        Random rng = new Random(seed);
        for (int trial = 0; trial < 2000; trial++) {
            int bits = new int[] {2, 3, 4, 8}[rng.nextInt(4)];
            int g = 1 << (1 + rng.nextInt(6));
            int[] q = new int[g];
            int[] h = new int[g];
            int scale = rng.nextInt(1 << 16);
            int zp = rng.nextInt(1 << bits);
            double ref = 0;
            for (int i = 0; i < g; i++) {
                q[i] = rng.nextInt(1 << bits);
                h[i] = rng.nextInt(0x7C00) | (rng.nextBoolean() ? 0x8000 : 0); // finite values
                ref += scale / 65536.0 * (q[i] - zp) * Fp16Bfp.toDouble(h[i]);
            }
            int e = Fp16Bfp.align(h).sharedExp();
            // each aligned significand is off by < 1 unit of 2^(E-25)
            double bound = g * Math.pow(2, e - 25) * ((1 << bits) - 1) * scale / 65536.0 + 0.5 / 256;
            double got = MixPeArith.groupOutputFp16(q, h, scale, zp) / 256.0;
            assertTrue(Math.abs(got - ref) <= bound * (1 + 1e-12), "trial " + trial + ": " + got + " vs " + ref);
        }
    }
}
