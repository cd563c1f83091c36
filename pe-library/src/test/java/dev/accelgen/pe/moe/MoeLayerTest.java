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
 * The full MoE layer (router, queues, dispatch, gather, engine) in Verilator against its golden model, under the
 * default stress (AR stalls, latency drawn from [L, 3L], junk on idle inputs). Seed: -Daccelgen.seed=N.
 */
class MoeLayerTest {
    private static final long SEED = Long.getLong("accelgen.seed", 3);

    private static MoeLayerGolden verify(MoeConfig c, Stimulus s, Path dir) {
        System.out.println(c + " seed=" + s.seed());
        Path manifest = RtlChecks.emitAndCheck(Hdl.elaborate(new MoeLayer(), c), dir);
        MoeLayerGolden golden = new MoeLayerGolden(c);
        VerifyResult r = Verifier.verify(ManifestReader.read(manifest), golden, s);
        assertTrue(r.passed(), r.summaryLine() + "\n" + r.detail());
        return golden;
    }

    @Test
    void topTwoRoutingWithSlowMemory(@TempDir Path tmp) {
        MoeConfig c = new MoeConfig(8, 2, 6, 2, 4, 6, 30, 1);
        verify(c, StressProfile.DEFAULT.apply(MoeLayerStimulus.random(c, 3, SEED)), tmp);
    }

    @Test
    void prefetchHiddenUnderComputeGivesZeroBubblesInRtl(@TempDir Path tmp) {
        MoeConfig c = new MoeConfig(8, 2, 64, 2, 4, 8, 10, 4);
        MoeLayerGolden g = verify(c, StressProfile.DEFAULT.apply(MoeLayerStimulus.random(c, 2, SEED, false, true)), tmp);
        assertTrue(g.bubbles().size() >= 6, "switches: " + g.bubbles());
        g.bubbles().forEach(b -> assertEquals(0L, b));
    }
}
