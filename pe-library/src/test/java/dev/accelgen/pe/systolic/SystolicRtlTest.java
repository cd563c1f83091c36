package dev.accelgen.pe.systolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.hdl.Design;
import dev.accelgen.hdl.Hdl;
import dev.accelgen.sim.GoldenModel;
import dev.accelgen.sim.OutputEvent;
import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.StressProfile;
import dev.accelgen.sim.Trace;
import dev.accelgen.sim.Verifier;
import dev.accelgen.sim.VerifyResult;
import dev.accelgen.sim.bundle.BundleCase;
import dev.accelgen.sim.bundle.BundleResult;
import dev.accelgen.sim.bundle.BundleVerifier;
import dev.accelgen.sim.cocotb.CocotbResult;
import dev.accelgen.sim.cocotb.CocotbRunner;
import dev.accelgen.sim.manifest.Manifest;
import dev.accelgen.sim.manifest.ManifestReader;
import dev.accelgen.sim.tools.LintResult;
import dev.accelgen.sim.tools.VerilatorLint;
import dev.accelgen.sim.tools.YosysCheck;
import dev.accelgen.sim.verilator.RunLimits;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated array in Verilator (and once in cocotb/Icarus) against the golden model, bit and cycle exact. */
class SystolicRtlTest {
    @TempDir
    Path tmp;

    private Manifest emit(SystolicConfig cfg, String dir) {
        Design d = Hdl.elaborate(new SystolicArray(), cfg);
        Path m = d.emit(tmp.resolve(dir));
        return ManifestReader.read(m);
    }

    @Test
    void requiredSizesAreBitAndCycleExactOverSeveralSeeds() {
        List<BundleCase> cases = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int[][] sizes = {{1, 1}, {4, 4}, {8, 16}, {16, 16}};
        for (int[] s : sizes) {
            SystolicConfig cfg = SystolicConfig.int8(s[0], s[1]);
            Manifest m = emit(cfg, "int8_" + s[0] + "x" + s[1]);
            for (long seed : new long[] {1, 2, 3}) {
                System.out.println("systolic " + s[0] + "x" + s[1] + " seed=" + seed);
                cases.add(new BundleCase(m, new SystolicGolden(cfg), StressProfile.DEFAULT.apply(SystolicStimulus.random(cfg, 12, seed))));
                names.add(s[0] + "x" + s[1] + " seed " + seed);
            }
        }
        BundleResult r = BundleVerifier.verify(cases);
        for (int i = 0; i < cases.size(); i++) {
            VerifyResult v = r.results().get(i);
            assertTrue(v.passed(), names.get(i) + ": " + v.summaryLine() + "\n" + v.detail());
            assertEquals(v.golden().totalCycles(), v.rtl().trace().totalCycles());
            assertTrue(v.golden().events().size() > 0);
        }
    }

    @Test
    void everyEmittedFileIsLintCleanAndPassesYosysCheck() {
        for (SystolicConfig cfg : List.of(SystolicConfig.int8(1, 1), SystolicConfig.int8(4, 4),
                new SystolicConfig(3, 5, 4, 6, 13, false), SystolicConfig.int8(8, 16))) {
            Manifest m = emit(cfg, "lint_" + cfg.rows() + "x" + cfg.cols() + "_" + cfg.aBits());
            LintResult lint = VerilatorLint.lint(m);
            assertTrue(lint.clean(), lint.toString());
            assertTrue(YosysCheck.check(m).ok(), YosysCheck.check(m).toString());
        }
    }

    @Test
    void randomConfigurationsInOneBuild() {
        long seed = 20261129;
        System.out.println("random systolic configs seed=" + seed);
        java.util.Random rng = new java.util.Random(seed);
        SystolicKind kind = new SystolicKind();
        List<BundleCase> cases = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            SystolicConfig cfg = kind.randomConfig(rng);
            cases.add(new BundleCase(emit(cfg, "rand_" + i), kind.golden(cfg), kind.randomStimulus(cfg, 6, seed + i)));
        }
        BundleResult r = BundleVerifier.verify(cases);
        for (VerifyResult v : r.results()) {
            assertTrue(v.passed(), v.summaryLine() + "\n" + v.detail());
        }
    }

    /** A golden model with one wrong bit in one output: the verifier must name cycle, port, values and seed. */
    @Test
    void aBrokenGoldenModelIsCaught() {
        SystolicConfig cfg = SystolicConfig.int8(4, 4);
        GoldenModel good = new SystolicGolden(cfg);
        GoldenModel broken = s -> {
            Trace t = good.run(s);
            List<OutputEvent> events = new ArrayList<>(t.events());
            OutputEvent e = events.get(5);
            Map<String, BigInteger> v = new HashMap<>(e.values());
            v.replaceAll((k, x) -> x.flipBit(3));
            events.set(5, new OutputEvent(e.cycle(), e.stream(), v));
            return t.withEvents(events, t.totalCycles());
        };
        Stimulus stim = SystolicStimulus.random(cfg, 4, 99);
        OutputEvent target = good.run(stim).events().get(5);
        VerifyResult r = Verifier.verify(emit(cfg, "broken_golden"), broken, stim);
        assertFalse(r.passed());
        assertTrue(r.summaryLine().startsWith("FAIL first mismatch at cycle " + target.cycle() + " stream "
                + target.stream()), r.summaryLine());
        assertTrue(r.summaryLine().endsWith("(seed 99)"), r.summaryLine());
    }

    /** RTL whose PE ignores {@code first}: accumulators leak between tiles, caught at the second tile. */
    @Test
    void brokenRtlIsCaught() {
        SystolicConfig cfg = SystolicConfig.int8(2, 2);
        Design d = Hdl.elaborate(new SystolicArray(new SystolicPe(false)), cfg);
        Manifest m = ManifestReader.read(d.emit(tmp.resolve("broken_rtl")));
        VerifyResult r = Verifier.verify(m, new SystolicGolden(cfg), SystolicStimulus.random(cfg, 3, 5));
        assertFalse(r.passed());
        assertTrue(r.summaryLine().startsWith("FAIL first mismatch at cycle "), r.summaryLine());
    }

    @Test
    void cocotbOnIcarusAgreesWithTheGoldenModel() {
        SystolicConfig cfg = SystolicConfig.int8(2, 3);
        Manifest m = emit(cfg, "cocotb");
        Stimulus stim = SystolicStimulus.random(cfg, 5, 17);
        System.out.println("cocotb systolic 2x3 seed=17");
        CocotbResult r = CocotbRunner.run(m, new SystolicGolden(cfg), stim, RunLimits.DEFAULT, tmp.resolve("cocotb_run"));
        assertTrue(r.passed(), r.summaryLine() + "\n" + r.log());
        assertTrue(Files.isDirectory(tmp.resolve("cocotb_run")));
    }
}
