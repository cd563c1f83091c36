package dev.accelgen.pe.vector.arith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** RoPE: hand-computed heads and the error against double precision on the same Fx inputs. */
class RopeArithTest {
    private static final long SEED = Long.getLong("accelgen.seed", 3);
    private static final int ONE = 65536;

    @Test
    void handComputedHeads() {
        // headDim 2: d0 = 1*0.5 - 2*0.25 = 0, d1 = 2*0.5 + 1*0.25 = 1.25
        assertArrayEquals(new int[] {0, 5 * ONE / 4}, RopeArith.head(new int[] {ONE, 2 * ONE}, new int[] {ONE / 2, ONE / 4}, 2));
        // headDim 4, table [c0, c1, s0, s1] = [1, 0, 0, 1]: element 0 keeps a0, element 1 becomes -a3, 2 keeps a2, 3 gets a1
        assertArrayEquals(new int[] {10, -40, 30, 20}, RopeArith.head(new int[] {10, 20, 30, 40}, new int[] {ONE, 0, 0, ONE}, 4));
        // one product of half a unit rounds up, minus half a unit rounds to 0
        assertArrayEquals(new int[] {1, 0}, RopeArith.head(new int[] {1, -1}, new int[] {ONE / 2, 0}, 2));
        // extreme products: MIN*MIN - MIN*MAX = 2^63 - 2^31 saturates, MIN*MIN + MIN*MAX = 2^31 is 0.5
        int min = Integer.MIN_VALUE;
        int max = Integer.MAX_VALUE;
        assertArrayEquals(new int[] {max, 32768}, RopeArith.head(new int[] {min, min}, new int[] {min, max}, 2));
        // MIN*MIN - MAX*MAX = 2^32 - 1 rounds to 1.0; MAX*MIN + MIN*MAX = -2^63 + 2^32 saturates
        assertArrayEquals(new int[] {ONE, min}, RopeArith.head(new int[] {min, max}, new int[] {min, max}, 2));
    }

    @Test
    void isExactUpToOneRoundingOnTheSameInputs() {
        Random rng = new Random(SEED);
        double worst = 0;
        for (int trial = 0; trial < 2000; trial++) {
            int headDim = 2 * (1 + rng.nextInt(64));
            int h = headDim / 2;
            int[] a = AttnArithTest.gaussian(rng, headDim, Math.pow(2, rng.nextInt(10) - 3));
            int[] t = new int[headDim];
            for (int i = 0; i < h; i++) {
                double theta = rng.nextDouble() * 1000;
                t[i] = EltwiseArith.toFx(Math.cos(theta));
                t[h + i] = EltwiseArith.toFx(Math.sin(theta));
            }
            int[] d = RopeArith.head(a, t, headDim);
            for (int i = 0; i < h; i++) {
                double lo = (double) a[i] * t[i] - (double) a[i + h] * t[h + i];
                double hi = (double) a[i + h] * t[i] + (double) a[i] * t[h + i];
                worst = Math.max(worst, Math.abs(d[i] - lo / ONE));
                worst = Math.max(worst, Math.abs(d[i + h] - hi / ONE));
            }
        }
        System.out.printf("rope max abs error %.3g units of 2^-16 against the exact rotation%n", worst);
        assertTrue(worst <= 0.5, "rope " + worst);
    }
}
