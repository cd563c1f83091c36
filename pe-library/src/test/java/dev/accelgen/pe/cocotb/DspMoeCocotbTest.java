package dev.accelgen.pe.cocotb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.hdl.Hdl;
import dev.accelgen.pe.dsp.DspChain;
import dev.accelgen.pe.dsp.DspChainConfig;
import dev.accelgen.pe.dsp.DspChainGolden;
import dev.accelgen.pe.dsp.DspChainStimulus;
import dev.accelgen.pe.dsp.Packing;
import dev.accelgen.pe.dsp.Sparsity;
import dev.accelgen.pe.moe.MoeConfig;
import dev.accelgen.pe.moe.MoeLayer;
import dev.accelgen.pe.moe.MoeLayerGolden;
import dev.accelgen.pe.moe.MoeLayerStimulus;
import dev.accelgen.sim.GoldenModel;
import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.StressProfile;
import dev.accelgen.sim.Trace;
import dev.accelgen.sim.cocotb.CocotbResult;
import dev.accelgen.sim.cocotb.CocotbRunner;
import dev.accelgen.sim.manifest.Manifest;
import dev.accelgen.sim.manifest.ManifestReader;
import dev.accelgen.sim.verilator.RunLimits;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cocotb on Icarus (needs the .venv from scripts/ensure-tools.sh): a sparse int8x2 chain, which runs the
 * DSP48E2 behavioural model under a second simulator, and an MoE layer with its AXI read memory.
 */
class DspMoeCocotbTest {
    private static void run(Manifest m, GoldenModel golden, Stimulus s, Path dir) {
        Trace want = golden.run(s);
        CocotbResult r = CocotbRunner.run(m, golden, s, new RunLimits(4, 50, 1_000_000), dir);
        assertTrue(r.passed(), r.summaryLine() + "\n" + r.log());
        assertEquals("PASS outputs=" + want.events().size() + " rtl_cycles=" + want.totalCycles() + " golden_cycles="
                + want.totalCycles(), r.summaryLine());
    }

    @Test
    void sparseInt8x2ChainUnderCocotb(@TempDir Path tmp) {
        long seed = 11;
        System.out.println("seed=" + seed);
        DspChainConfig c = new DspChainConfig(4, Packing.INT8X2, Sparsity.parse("2:4"));
        Path manifest = Hdl.elaborate(new DspChain(), c).emit(tmp.resolve("rtl"));
        run(ManifestReader.read(manifest), new DspChainGolden(c), StressProfile.DEFAULT.apply(DspChainStimulus.random(c, 30, seed)),
                tmp.resolve("run"));
    }

    @Test
    void moeLayerUnderCocotb(@TempDir Path tmp) {
        long seed = 12;
        System.out.println("seed=" + seed);
        MoeConfig c = new MoeConfig(4, 2, 4, 2, 2, 4, 7, 1);
        Path manifest = Hdl.elaborate(new MoeLayer(), c).emit(tmp.resolve("rtl"));
        run(ManifestReader.read(manifest), new MoeLayerGolden(c), StressProfile.DEFAULT.apply(MoeLayerStimulus.random(c, 2, seed)),
                tmp.resolve("run"));
    }
}
