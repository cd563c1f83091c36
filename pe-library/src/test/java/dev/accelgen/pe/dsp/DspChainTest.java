package dev.accelgen.pe.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.hdl.Hdl;
import dev.accelgen.pe.testutil.RtlChecks;
import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.StressProfile;
import dev.accelgen.sim.Trace;
import dev.accelgen.sim.Verifier;
import dev.accelgen.sim.VerifyResult;
import dev.accelgen.sim.manifest.ManifestReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Directed chain configurations in Verilator: lint, Yosys, bit- and cycle-exact against the golden model. */
class DspChainTest {
    private static void verify(DspChainConfig c, Path dir, int beats) {
        long seed = Long.getLong("accelgen.seed", 12);
        System.out.println(c + " seed=" + seed);
        Path manifest = RtlChecks.emitAndCheck(Hdl.elaborate(new DspChain(), c), dir);
        Stimulus s = StressProfile.DEFAULT.apply(DspChainStimulus.random(c, beats, seed));
        VerifyResult r = Verifier.verify(ManifestReader.read(manifest), new DspChainGolden(c), s);
        assertTrue(r.passed(), r.summaryLine() + "\n" + r.detail());
        assertEquals(beats, r.golden().events().size());
    }

    @Test
    void int8x2TwoFourChainOfEightCrossesTheLaneBudget(@TempDir Path tmp) {
        DspChainConfig c = new DspChainConfig(8, Packing.INT8X2, Sparsity.parse("2:4"));
        assertEquals(2, c.segments());
        assertEquals(16, c.window());
        verify(c, tmp, 200);
    }

    @Test
    void int4x4ChainOfSeventeenUsesTwoSegments(@TempDir Path tmp) {
        DspChainConfig c = new DspChainConfig(17, Packing.INT4X4, Sparsity.parse("1:4"));
        assertEquals(2, c.segments());
        verify(c, tmp, 150);
    }

    @Test
    void unpackedBlockSparseChain(@TempDir Path tmp) {
        verify(new DspChainConfig(6, Packing.NONE, Sparsity.parse("block:3")), tmp, 100);
    }

    @Test
    void latencyCountsSkewRegistersAndOutputStage() {
        assertEquals(7 - 1 + 3 + 2, new DspChainConfig(8, Packing.INT8X2, new Sparsity.Dense()).latency());
        assertEquals(8 - 1 + 2 + 2, new DspChainConfig(8, Packing.NONE, new Sparsity.Dense()).latency());
    }

    @Test
    void goldenUsesTheModeWrittenBeforeTheBeat() {
        DspChainConfig c = new DspChainConfig(2, Packing.NONE, Sparsity.parse("1:4"));
        java.util.Map<String, java.math.BigInteger> v = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 8; i++) {
            v.put("x_" + i, java.math.BigInteger.valueOf(i + 1));
        }
        v.put("w_0", java.math.BigInteger.valueOf(2));
        v.put("w_1", java.math.BigInteger.valueOf(0xFF)); // -1
        v.put("idx_0", java.math.BigInteger.valueOf(3));
        v.put("idx_1", java.math.BigInteger.valueOf(1));
        // dense: 2*x0 - x1 = 2 - 2 = 0; sparse: 2*x3 - x5 = 8 - 6 = 2
        dev.accelgen.sim.Beat b0 = new dev.accelgen.sim.Beat(0, v);
        dev.accelgen.sim.Beat b1 = new dev.accelgen.sim.Beat(0, v);
        Stimulus s = new Stimulus(java.util.List.of(new dev.accelgen.sim.StreamStimulus("in", java.util.List.of(b0, b1)),
                new dev.accelgen.sim.StreamStimulus("cfg", java.util.List.of(new dev.accelgen.sim.Beat(0,
                        java.util.Map.of("cfg_mode", java.math.BigInteger.ONE))))), -1);
        Trace t = new DspChainGolden(c).run(s);
        assertEquals(java.math.BigInteger.ZERO, t.events().get(0).values().get("y_0"));
        assertEquals(java.math.BigInteger.TWO, t.events().get(1).values().get("y_0"));
        assertEquals(c.latency(), t.events().get(0).cycle());
    }
}
