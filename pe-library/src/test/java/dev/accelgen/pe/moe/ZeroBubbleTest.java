package dev.accelgen.pe.moe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.sim.Stimulus;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * M3ViT's zero-overhead switching as a property of the golden model (which Verilator holds the RTL to): when
 * the next expert's prefetch fits under the current expert's compute, no switch has a bubble; when every
 * prefetch is longer than every compute, every switch stalls by at least the difference.
 */
class ZeroBubbleTest {
    @Test
    void prefetchUnderComputeNeverStalls() {
        long seed = Long.getLong("accelgen.seed", 6);
        System.out.println("seed=" + seed);
        Random rng = new Random(seed);
        int hidden = 0;
        for (int i = 0; i < 200; i++) {
            int experts = 2 + rng.nextInt(10);
            int cols = 1 << rng.nextInt(4);
            MoeConfig c = new MoeConfig(experts, 1 + rng.nextInt(2), 8 + rng.nextInt(120), 1 << rng.nextInt(2), cols,
                    2 + rng.nextInt(20), 1 + rng.nextInt(30), 1 + rng.nextInt(16));
            MoeLayerGolden g = new MoeLayerGolden(c);
            g.run(MoeLayerStimulus.random(c, 2, seed + i, false, rng.nextBoolean()));
            for (int s = 0; s < g.bubbles().size(); s++) {
                // slack: the dispatch scan spends one cycle per expert with an empty queue
                if (g.outgoingCompute().get(s) >= c.prefetchCycles() + c.experts()) {
                    assertEquals(0, g.bubbles().get(s), c + " seed " + (seed + i) + " switch " + s);
                    hidden++;
                }
            }
        }
        assertTrue(hidden > 100, "switches with the prefetch hidden: " + hidden);
    }

    @Test
    void prefetchOverComputeStallsEverySwitch() {
        // 16 experts, top-1, 16 tokens of one task: several single-tile experts of 8 compute cycles each, while a
        // prefetch takes 2 + 200 + 7 * 4 = 230 cycles.
        MoeConfig c = new MoeConfig(16, 1, 16, 2, 4, 8, 200, 1);
        assertEquals(230, c.prefetchCycles());
        MoeLayerGolden g = new MoeLayerGolden(c);
        g.run(MoeLayerStimulus.random(c, 1, 3, false, true));
        assertTrue(g.bubbles().size() >= 3, "switches " + g.bubbles());
        for (long b : g.bubbles()) {
            assertTrue(b >= 230 - 2 * 8, "bubble " + b + " of " + g.bubbles());
        }
    }
}
