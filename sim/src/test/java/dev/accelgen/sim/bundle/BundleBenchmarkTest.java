package dev.accelgen.sim.bundle;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.sim.MacGolden;
import dev.accelgen.sim.MacVariants;
import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.VerifyResult;
import dev.accelgen.sim.manifest.Manifest;
import dev.accelgen.sim.verilator.BuildOptions;
import dev.accelgen.sim.verilator.RtlRun;
import dev.accelgen.sim.verilator.RunLimits;
import dev.accelgen.sim.verilator.VerilatorModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Build-time and speed figures (not part of the default test run; see sim/pom.xml). Every build
 * here is cold: a nonce comment in the RTL gives each run new cache keys.
 */
@Tag("bench")
class BundleBenchmarkTest {
    private static final int UNITS = 50;

    @Test
    void fiftyUnitsInOneBuildVersusOneBuildPerUnit(@TempDir Path dir) {
        String nonce = "nonce " + System.nanoTime();
        List<BundleCase> cases = new ArrayList<>();
        for (int k = 0; k < UNITS; k++) {
            long seed = 9000 + k;
            cases.add(new BundleCase(MacVariants.write(dir, k, nonce), new MacGolden(k % 8, k % 4),
                    MacGolden.randomStimulus(100, seed, k % 8)));
        }
        long t0 = System.nanoTime();
        BundleResult bundle = BundleVerifier.verify(cases, BuildOptions.DEFAULT, RunLimits.DEFAULT);
        double bundleTotal = (System.nanoTime() - t0) / 1e9;
        assertFalse(bundle.build().cacheHit());
        for (VerifyResult r : bundle.results()) {
            assertTrue(r.passed(), r.summaryLine());
        }
        // One build per unit, measured on 3 units and scaled to 50.
        double single = 0;
        for (int k = 0; k < 3; k++) {
            Manifest m = MacVariants.write(dir.resolve("single"), k, nonce);
            single += VerilatorModel.build(m).buildResult().elapsed().toMillis() / 1000.0;
        }
        double perUnit = single / 3;
        System.out.printf("BENCH bundle of %d units: build %.1f s, build+run+compare %.1f s; one build per unit: "
                + "%.1f s each, %.0f s for %d%n", UNITS, bundle.build().elapsed().toMillis() / 1000.0, bundleTotal,
                perUnit, perUnit * UNITS, UNITS);
        assertTrue(bundle.build().elapsed().toMillis() < 60_000, "bundle build took " + bundle.build().elapsed());
    }

    @Test
    void buildTimeAndSpeedPerOptimisationLevel(@TempDir Path dir) {
        for (String opt : List.of("-O0", "-O1", "-O2", "-O3")) {
            Manifest m = MacVariants.write(dir.resolve(opt.substring(1)), 0, "nonce " + System.nanoTime());
            VerilatorModel model = VerilatorModel.build(m, new BuildOptions(1, opt));
            Stimulus s = MacGolden.randomStimulus(20_000, 77, 0);
            RtlRun run = model.run(s);
            System.out.printf("BENCH %s: cold build %.1f s, %d cycles in %.2f s = %.2f M cycles/s (incl. file I/O)%n",
                    opt, model.buildResult().elapsed().toMillis() / 1000.0, run.cyclesRun(), run.simSeconds(),
                    run.cyclesRun() / run.simSeconds() / 1e6);
        }
    }
}
