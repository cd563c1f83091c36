package dev.accelgen.pe.cocotb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.hdl.Design;
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
import dev.accelgen.sim.Verifier;
import dev.accelgen.sim.VerifyResult;
import dev.accelgen.sim.cocotb.StimulusFiles;
import dev.accelgen.sim.cocotb.TraceFiles;
import dev.accelgen.sim.manifest.Manifest;
import dev.accelgen.sim.manifest.ManifestReader;
import dev.accelgen.sim.verilator.RunLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the checked-in units and vectors of tests/cocotb/dspmoe (run by tests/cocotb/test_dspmoe.py under
 * Icarus) identical to what the generators and golden models produce now, and proves Verilator agrees with
 * the same vectors. Regenerate with {@code -Daccelgen.regenerate=true}.
 */
class DspMoeCocotbVectorsTest {
    private static final Path ROOT = Path.of("..", "tests", "cocotb", "dspmoe").toAbsolutePath().normalize();
    private static final RunLimits LIMITS = new RunLimits(4, 50, 1_000_000);

    @Test
    void sparseInt8x2ChainVectorsAreCurrent(@TempDir Path tmp) throws IOException {
        DspChainConfig c = new DspChainConfig(4, Packing.INT8X2, Sparsity.parse("2:4"));
        check(Hdl.elaborate(new DspChain(), c), new DspChainGolden(c), StressProfile.DEFAULT.apply(DspChainStimulus.random(c, 24, 41)), tmp);
    }

    @Test
    void moeLayerVectorsAreCurrent(@TempDir Path tmp) throws IOException {
        MoeConfig c = new MoeConfig(4, 2, 4, 2, 2, 4, 9, 1);
        check(Hdl.elaborate(new MoeLayer(), c), new MoeLayerGolden(c), StressProfile.DEFAULT.apply(MoeLayerStimulus.random(c, 2, 42)), tmp);
    }

    private static void check(Design d, GoldenModel golden, Stimulus s, Path tmp) throws IOException {
        System.out.println(d.topName() + " seed=" + s.seed());
        Path fresh = tmp.resolve(d.topName());
        Manifest m = ManifestReader.read(d.emit(fresh));
        Trace want = golden.run(s);
        StimulusFiles.write(m, s, LIMITS.atLeast(want.totalCycles() + 1), fresh.resolve("stimulus.json"));
        TraceFiles.write(m, want, fresh.resolve("expected.json"));
        VerifyResult v = Verifier.verify(m, golden, s);
        assertTrue(v.passed(), v.summaryLine());
        Path committed = ROOT.resolve(d.topName());
        if (Boolean.getBoolean("accelgen.regenerate")) {
            Files.createDirectories(committed);
            try (Stream<Path> files = Files.list(fresh)) {
                for (Path f : files.toList()) {
                    Files.copy(f, committed.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        try (Stream<Path> files = Files.list(fresh)) {
            for (Path f : files.sorted().toList()) {
                Path c = committed.resolve(f.getFileName());
                assertTrue(Files.exists(c), c + " is missing: rerun with -Daccelgen.regenerate=true");
                assertEquals(Files.readString(f), Files.readString(c), c + " is stale: rerun with -Daccelgen.regenerate=true");
            }
        }
    }
}
