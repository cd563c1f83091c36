package dev.accelgen.pe.vector.arith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** MoE routing (top-k, gates, lists) and the weighted combine. */
class MoeArithTest {
    private static final long SEED = Long.getLong("accelgen.seed", 13);
    private static final int ONE = 65536;

    @Test
    void picksInDescendingOrderWithTiesToTheLowerExpert() {
        int[] x = {ONE, 3 * ONE, 3 * ONE, 2 * ONE, Integer.MIN_VALUE};
        assertArrayEquals(new int[] {1, 2}, TopKArith.pick(x, 5, 2));
        assertArrayEquals(new int[] {1, 2, 3, 0, 4}, TopKArith.pick(x, 5, 5));
        assertArrayEquals(new int[] {0, 1, 2}, TopKArith.pick(new int[] {7, 7, 7, 7}, 4, 3));
        // equal picked logits: equal gates of one half each; one pick: gate 1.0
        assertArrayEquals(new int[] {ONE / 2, ONE / 2}, TopKArith.gates(x, new int[] {1, 2}));
        assertArrayEquals(new int[] {ONE}, TopKArith.gates(x, new int[] {4}));
        assertEquals(9 + 3L * 7, TopKArith.listBase(9, 3, 3));
    }

    @Test
    void listsAppendInTokenOrderAndDropPastCapacity() {
        TopKArith.Lists l = new TopKArith.Lists(3, 2);
        l.route(0, new int[] {3, 2, 1}, 2);
        l.route(1, new int[] {3, 1, 2}, 2);
        l.route(2, new int[] {5, 9, 1}, 1);
        l.route(3, new int[] {9, 1, 0}, 1);
        assertEquals(2, l.count(0));
        assertArrayEquals(new int[] {0, TopKArith.gates(new int[] {3, 2, 1}, new int[] {0, 1})[0]}, l.entry(0, 0));
        assertEquals(1, l.entry(0, 1)[0]);
        assertEquals(2, l.count(1));
        assertArrayEquals(new int[] {2, ONE}, l.entry(1, 1));
        assertEquals(1, l.count(2));
    }

    @Test
    void gatesMatchDoublePrecisionSoftmax() {
        Random rng = new Random(SEED);
        double worst = 0;
        for (int trial = 0; trial < 5000; trial++) {
            int e = 1 + rng.nextInt(64);
            int k = 1 + rng.nextInt(Math.min(e, 15));
            int[] x = AttnArithTest.gaussian(rng, e, 1 + rng.nextInt(4));
            int[] picks = TopKArith.pick(x, e, k);
            int[] g = TopKArith.gates(x, picks);
            double sum = 0;
            for (int p : picks) {
                sum += Math.exp((x[p] - x[picks[0]]) / (double) ONE);
            }
            for (int i = 0; i < k; i++) {
                assertTrue(i == 0 || x[picks[i]] < x[picks[i - 1]] || picks[i] > picks[i - 1], "pick order");
                worst = Math.max(worst, Math.abs(g[i] / (double) ONE - Math.exp((x[picks[i]] - x[picks[0]]) / (double) ONE) / sum));
            }
        }
        System.out.printf("top-k gate max abs error %.3g%n", worst);
        assertTrue(worst < 3e-5, "gates " + worst);
    }

    @Test
    void combineRoundsTheExactProductAndSaturatesOnce() {
        assertEquals(10 + 3, ScatterArith.combine(10, ONE / 2, 5));
        assertEquals(10 - 2, ScatterArith.combine(10, ONE / 2, -5));
        // gate * a = 2^62 / 2^16 = 2^46 would saturate mul(gate, a) first; d + it still saturates to MAX
        assertEquals(Integer.MAX_VALUE, ScatterArith.combine(-5, Integer.MIN_VALUE, Integer.MIN_VALUE));
        // mul(2.0, MAX - 5) would saturate, but d = -MAX brings the exact sum back into range
        assertEquals(Integer.MAX_VALUE - 10, ScatterArith.combine(-Integer.MAX_VALUE, 2 * ONE, Integer.MAX_VALUE - 5));
    }
}
