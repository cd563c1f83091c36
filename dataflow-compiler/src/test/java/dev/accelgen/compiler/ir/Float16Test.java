package dev.accelgen.compiler.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** binary16 conversions: every bit pattern round-trips, and narrowing rounds to the nearest value, ties to even. */
class Float16Test {
    @Test
    void everyPatternRoundTrips() {
        for (int h = 0; h < 0x10000; h++) {
            float f = Float16.toFloat(h);
            if (Float.isNaN(f)) {
                assertEquals(0x7c00, h & 0x7c00, "NaN only from exponent 31: " + Integer.toHexString(h));
                continue;
            }
            assertEquals(h, Float16.fromFloat(f) & 0xffff, Integer.toHexString(h));
        }
    }

    @Test
    void knownValues() {
        assertEquals(1f, Float16.toFloat(0x3c00));
        assertEquals(-2f, Float16.toFloat(0xc000));
        assertEquals(65504f, Float16.toFloat(0x7bff));
        assertEquals(0x1p-24f, Float16.toFloat(0x0001));
        assertEquals(Float.POSITIVE_INFINITY, Float16.toFloat(0x7c00));
        assertEquals(0x7c00, Float16.fromFloat(65520f)); // halfway to 2^16 rounds to even: infinity
        assertEquals(0x7bff, Float16.fromFloat(65519f));
        assertEquals(0x0000, Float16.fromFloat(0x1p-25f)); // half the smallest subnormal: ties to even (0)
        assertEquals(0x0001, Float16.fromFloat(0x1.8p-25f));
        assertEquals(0x3c00, Float16.fromFloat(1f + 0x1p-11f)); // tie between 1 and 1+2^-10: even
        assertEquals(0x3c02, Float16.fromFloat(1f + 0x3p-11f)); // tie between 1+2^-10 and 1+2^-9: even
    }

    /** Random floats narrow to the nearest binary16 value, found by binary search over all finite values. */
    @Test
    void narrowingIsNearest() {
        long seed = Long.getLong("seed", 16);
        System.out.println("Float16Test seed=" + seed);
        float[] finite = new float[0x7c00];
        for (int h = 0; h < finite.length; h++) {
            finite[h] = Float16.toFloat(h);
        }
        Random rng = new Random(seed);
        for (int i = 0; i < 200_000; i++) {
            float f = (float) (rng.nextGaussian() * Math.pow(2, rng.nextInt(40) - 26));
            float mag = Math.abs(f);
            int k = Arrays.binarySearch(finite, mag);
            int want;
            if (k >= 0) {
                want = k;
            } else {
                int hi = -k - 1;
                int lo = hi - 1;
                if (hi == finite.length) {
                    want = mag >= 65520f ? 0x7c00 : lo;
                } else {
                    double dl = mag - (double) finite[lo];
                    double dh = finite[hi] - (double) mag;
                    want = dl < dh ? lo : dh < dl ? hi : (lo % 2 == 0 ? lo : hi);
                }
            }
            int got = Float16.fromFloat(f) & 0xffff;
            assertEquals(want | (f < 0 || (f == 0 && 1 / f < 0) ? 0x8000 : 0), got, "f=" + f + " seed=" + seed);
        }
    }
}
