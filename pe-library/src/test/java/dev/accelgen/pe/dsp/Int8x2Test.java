package dev.accelgen.pe.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** INT8x2 packing through a cascade of modelled DSP48E2 slices, at and beyond the lane budget. */
class Int8x2Test {
    private static final int OP_M = 0b00_000_01_01;
    private static final int OP_CASCADE = 0b00_001_01_01;

    /** Runs {@code hi.length} packed products down a combinational cascade of DSP models and returns the last P. */
    private static long cascade(int[] hi, int[] lo, int[] x) {
        Dsp48e2Params comb = new Dsp48e2Params(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, true, 0);
        long pcin = 0;
        for (int k = 0; k < hi.length; k++) {
            Dsp48e2Model slice = new Dsp48e2Model(comb);
            pcin = slice.step(Dsp48e2Pins.running(Int8x2.aPin(hi[k]), Int8x2.bPin(x[k]), 0, Int8x2.dPin(lo[k]), 0b00100,
                    k == 0 ? OP_M : OP_CASCADE, 0, pcin)).p();
        }
        return pcin;
    }

    private static long dot(int[] w, int[] x) {
        long s = 0;
        for (int k = 0; k < w.length; k++) {
            s += (long) w[k] * x[k];
        }
        return s;
    }

    @Test
    void budgetIsSevenForInt8InAnEighteenBitLane() {
        assertEquals(7, Int8x2.MAX_DEPTH);
        assertEquals(16384, LaneBudget.maxProduct(8, 8));
        assertEquals(-16256, LaneBudget.minProduct(8, 8));
        assertEquals(15, LaneBudget.maxDepth(8, 8, 19));
        assertEquals(1, LaneBudget.maxDepth(8, 8, 16));    // 2 * 16384 > 32767
        assertEquals(1, LaneBudget.maxDepth(4, 4, 8));     // 2 * 64 > 127
    }

    @Test
    void depthSevenIsExactForExtremeAndRandomOperands() {
        int n = Int8x2.MAX_DEPTH;
        int[] m128 = filled(n, -128);
        int[] p127 = filled(n, 127);
        // extremes: all products +16384, all -16256, mixed lanes
        assertArrayEquals(new long[] {n * 16384L, n * 16384L}, Int8x2.unpack(cascade(m128, m128, m128)));
        assertArrayEquals(new long[] {-n * 16256L, n * 16384L}, Int8x2.unpack(cascade(p127, m128, m128)));
        assertArrayEquals(new long[] {n * 16384L, -n * 16256L}, Int8x2.unpack(cascade(m128, p127, m128)));
        long seed = Long.getLong("accelgen.seed", 9);
        System.out.println("seed=" + seed);
        Random rng = new Random(seed);
        for (int t = 0; t < 2000; t++) {
            int len = 1 + rng.nextInt(n);
            int[] hi = random(rng, len);
            int[] lo = random(rng, len);
            int[] x = random(rng, len);
            assertArrayEquals(new long[] {dot(hi, x), dot(lo, x)}, Int8x2.unpack(cascade(hi, lo, x)), "seed=" + seed);
        }
    }

    @Test
    void depthEightCollidesForTheExtremeOperands() {
        int n = Int8x2.MAX_DEPTH + 1;
        int[] m128 = filled(n, -128);
        long[] lanes = Int8x2.unpack(cascade(m128, m128, m128));
        // the lower lane's 131072 = 2^17 reads back as -2^17 and drags the upper lane
        assertEquals(-131072L, lanes[1]);
        assertNotEquals(n * 16384L, lanes[0]);
        assertEquals(n * 16384L + 1, lanes[0]);
    }

    private static int[] filled(int n, int v) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private static int[] random(Random rng, int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = rng.nextInt(4) == 0 ? (rng.nextBoolean() ? -128 : 127) : rng.nextInt(256) - 128;
        }
        return a;
    }
}
