package dev.accelgen.pe.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** INT4x4 packing through a cascade of modelled DSP48E2 slices, at and beyond the lane budget. */
class Int4x4Test {
    private static final int OP_M = 0b00_000_01_01;
    private static final int OP_CASCADE = 0b00_001_01_01;

    /** Last P of a combinational cascade computing the 2x2 outer products of a0/a1 with w0/w1, summed over k. */
    private static long cascade(int[] a0, int[] a1, int[] w0, int[] w1) {
        Dsp48e2Params comb = new Dsp48e2Params(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, true, 0);
        long pcin = 0;
        for (int k = 0; k < a0.length; k++) {
            Dsp48e2Model slice = new Dsp48e2Model(comb);
            pcin = slice.step(Dsp48e2Pins.running(Int4x4.aPin(a1[k]), Int4x4.bPin(w1[k], w0[k]), 0, Int4x4.dPin(a0[k]),
                    0b00100, k == 0 ? OP_M : OP_CASCADE, 0, pcin)).p();
        }
        return pcin;
    }

    private static long dot(int[] a, int[] w) {
        long s = 0;
        for (int k = 0; k < a.length; k++) {
            s += (long) a[k] * w[k];
        }
        return s;
    }

    private static long[] expected(int[] a0, int[] a1, int[] w0, int[] w1) {
        return new long[] {dot(a0, w0), dot(a0, w1), dot(a1, w0), dot(a1, w1)};
    }

    @Test
    void budgetIsFifteenProducts() {
        assertEquals(15, Int4x4.MAX_DEPTH);
        assertEquals(15, LaneBudget.maxDepth(4, 4, 11));          // 1023 / 64 = 15, 1024 / 56 = 18
        assertEquals(15, LaneBudget.maxDepthAboveLane(4, 4, 11)); // 1023 / 64 = 15, 1023 / 56 = 18
        assertEquals(1, LaneBudget.maxDepthAboveLane(8, 8, 16));  // 32767 / 16384
    }

    @Test
    void depthFifteenIsExactForExtremeAndRandomOperands() {
        int n = Int4x4.MAX_DEPTH;
        int[] m8 = filled(n, -8);
        int[] p7 = filled(n, 7);
        assertArrayEquals(expected(m8, m8, m8, m8), Int4x4.unpack(cascade(m8, m8, m8, m8)));
        assertArrayEquals(expected(p7, m8, m8, p7), Int4x4.unpack(cascade(p7, m8, m8, p7)));
        assertArrayEquals(expected(m8, p7, p7, m8), Int4x4.unpack(cascade(m8, p7, p7, m8)));
        long seed = Long.getLong("accelgen.seed", 8);
        System.out.println("seed=" + seed);
        Random rng = new Random(seed);
        for (int t = 0; t < 3000; t++) {
            int len = 1 + rng.nextInt(n);
            int[] a0 = random(rng, len);
            int[] a1 = random(rng, len);
            int[] w0 = random(rng, len);
            int[] w1 = random(rng, len);
            assertArrayEquals(expected(a0, a1, w0, w1), Int4x4.unpack(cascade(a0, a1, w0, w1)), "seed=" + seed);
        }
    }

    @Test
    void depthSixteenCollides() {
        int n = Int4x4.MAX_DEPTH + 1;
        int[] m8 = filled(n, -8);
        int[] p7 = filled(n, 7);
        int[] zero = filled(n, 0);
        // lane 0 alone: 16 * (-8 * -8) = 1024 reads back as -1024
        assertEquals(-1024, Int4x4.unpack(cascade(m8, zero, m8, zero))[0]);
        // lane 1 alone (lane 0 = 0, no borrow): a0*w1 = 1024 reads back as -1024
        long[] lanes = Int4x4.unpack(cascade(m8, zero, zero, m8));
        assertEquals(0, lanes[0]);
        assertEquals(-1024, lanes[1]);
        assertNotEquals(expected(m8, zero, zero, m8)[1], lanes[1]);
        // with a negative lane 0 below (borrow 1), the same 1024 happens to survive: the bound is for all operands
        assertEquals(1024, Int4x4.unpack(cascade(m8, zero, p7, m8))[1]);
    }

    private static int[] filled(int n, int v) {
        int[] a = new int[n];
        Arrays.fill(a, v);
        return a;
    }

    private static int[] random(Random rng, int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = rng.nextInt(4) == 0 ? (rng.nextBoolean() ? -8 : 7) : rng.nextInt(16) - 8;
        }
        return a;
    }
}
