package dev.accelgen.pe.moe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.hdl.Hdl;
import dev.accelgen.pe.testutil.RtlChecks;
import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.StressProfile;
import dev.accelgen.sim.Verifier;
import dev.accelgen.sim.VerifyResult;
import dev.accelgen.sim.manifest.ManifestReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MoE engine in Verilator against its golden model, with memory stalls and with prefetch hidden, under the
 * default stress (AR stalls, latency drawn from [L, 3L], junk on idle inputs). Seed: -Daccelgen.seed=N.
 */
class MoeEngineTest {
    private static MoeGolden verify(MoeConfig c, Path dir, int batches, boolean gaps) {
        long seed = Long.getLong("accelgen.seed", 4);
        System.out.println(c + " seed=" + seed);
        Path manifest = RtlChecks.emitAndCheck(Hdl.elaborate(new MoeEngine(), c), dir);
        Stimulus s = StressProfile.DEFAULT.apply(MoeStimulus.random(c, batches, seed, gaps));
        MoeGolden golden = new MoeGolden(c);
        VerifyResult r = Verifier.verify(ManifestReader.read(manifest), golden, s);
        assertTrue(r.passed(), r.summaryLine() + "\n" + r.detail());
        return golden;
    }

    @Test
    void slowMemoryStallsAreCycleExact(@TempDir Path tmp) {
        verify(new MoeConfig(8, 2, 6, 2, 4, 6, 30, 1), tmp, 3, true);
    }

    @Test
    void prefetchHiddenUnderComputeGivesZeroBubbles(@TempDir Path tmp) {
        // 64 tokens, top-2 of 4 active experts: ~32 tokens per expert = 16 tiles x 8 steps = 128 compute cycles per
        // expert vs prefetch 1 + 10 + 7 = 18 cycles (at most 1 + 16 + 30 + 7 = 54 with AR stalls and latency 3L).
        MoeConfig c = new MoeConfig(8, 2, 64, 2, 4, 8, 10, 4);
        MoeGolden g = verify(c, tmp, 2, false);
        assertTrue(g.bubbles().size() > 4);
        for (long b : g.bubbles()) {
            assertEquals(0, b);
        }
    }
}
