package dev.accelgen.pe.moe;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.hdl.Hdl;
import dev.accelgen.pe.testutil.RtlChecks;
import dev.accelgen.sim.VerifyResult;
import dev.accelgen.sim.bundle.BundleCase;
import dev.accelgen.sim.bundle.BundleResult;
import dev.accelgen.sim.bundle.BundleVerifier;
import dev.accelgen.sim.manifest.ManifestReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 50 random MoE layers (random memory latency and bandwidth, routing, batch sizes, idle gaps) in one Verilator build;
 * every fifth is also linted (Verilator -Wall) and checked by Yosys. */
class MoeRandomConfigsTest {
    @Test
    void fiftyRandomConfigurationsAreBitAndCycleExact(@TempDir Path tmp) {
        long seed = Long.getLong("accelgen.seed", 7);
        System.out.println("seed=" + seed);
        Random rng = new Random(seed);
        MoeKind kind = new MoeKind();
        List<BundleCase> cases = new ArrayList<>();
        List<MoeConfig> configs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            MoeConfig c = kind.randomConfig(rng);
            configs.add(c);
            Path m = i % 5 == 0
                    ? RtlChecks.emitAndCheck(Hdl.elaborate(kind.generator(), c), tmp.resolve("c" + i))
                    : Hdl.elaborate(kind.generator(), c).emit(tmp.resolve("c" + i));
            cases.add(new BundleCase(ManifestReader.read(m), kind.golden(c), kind.randomStimulus(c, 2, seed + i)));
        }
        BundleResult r = BundleVerifier.verify(cases);
        for (int i = 0; i < cases.size(); i++) {
            VerifyResult v = r.results().get(i);
            assertTrue(v.passed(), configs.get(i) + " (seed " + (seed + i) + "): " + v.summaryLine() + "\n" + v.detail());
        }
    }
}
