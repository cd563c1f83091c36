package dev.accelgen.sim.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.sim.DmaGolden;
import dev.accelgen.sim.Fixtures;
import dev.accelgen.sim.GoldenModel;
import dev.accelgen.sim.MacGolden;
import dev.accelgen.sim.MacVariants;
import dev.accelgen.sim.MemRequesterGolden;
import dev.accelgen.sim.OutputEvent;
import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.Trace;
import dev.accelgen.sim.VerifyResult;
import dev.accelgen.sim.WideGolden;
import dev.accelgen.sim.manifest.Manifest;
import dev.accelgen.sim.manifest.ManifestReader;
import dev.accelgen.sim.stress.Stress;
import dev.accelgen.sim.verilator.BuildOptions;
import dev.accelgen.sim.verilator.RunLimits;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleVerifierTest {
    @Test
    void manyConfigurationsInOneBuildEachCheckedAgainstItsOwnGolden(@TempDir Path dir) {
        List<BundleCase> cases = new ArrayList<>();
        long seed = 500;
        for (int k = 0; k < 4; k++) {
            System.out.println("seed=" + (seed + k));
            cases.add(new BundleCase(MacVariants.write(dir, k), new MacGolden(k, k % 4),
                    MacGolden.randomStimulus(30 + k, seed + k, k)));
        }
        // The same module twice (identical file, compiled once), a wide-port unit and a memory unit.
        cases.add(new BundleCase(Fixtures.manifest("mac", "mac_pipe"), new MacGolden(1), MacGolden.randomStimulus(20, 600, 1)));
        cases.add(new BundleCase(Fixtures.manifest("mac", "mac_pipe"), new MacGolden(2), MacGolden.randomStimulus(25, 601, 2)));
        cases.add(new BundleCase(Fixtures.manifest("wide", "wide_regs"), new WideGolden(), WideGolden.randomStimulus(602)));
        cases.add(new BundleCase(Fixtures.manifest("memreq", "mem_requester"),
                MemRequesterGolden::requesterGolden,
                MemRequesterGolden.randomRequests(603)));
        // A unit that reads and writes one memory: its stalls, latencies and writes are its own inside the bundle.
        Stimulus dma = DmaGolden.randomStimulus(6, 605);
        cases.add(new BundleCase(Fixtures.manifest("dma", "dma_copy"), new DmaGolden(), dma));
        // A deliberately broken golden model for one unit must fail that unit only.
        GoldenModel broken = s -> {
            Trace t = new MacGolden(0, 0).run(s);
            List<OutputEvent> e = new ArrayList<>(t.events());
            OutputEvent last = e.remove(e.size() - 1);
            e.add(new OutputEvent(last.cycle(), last.stream(), Fixtures.values("out_acc",
                    last.values().get("out_acc").add(BigInteger.ONE))));
            return t.withEvents(e, t.totalCycles());
        };
        cases.add(new BundleCase(MacVariants.write(dir, 8), broken, MacGolden.randomStimulus(10, 604, 0)));

        BundleResult r = BundleVerifier.verify(cases, BuildOptions.DEFAULT, RunLimits.DEFAULT);
        System.out.println("bundle of " + cases.size() + " units: build " + r.build().elapsed().toMillis() + " ms (cache hit "
                + r.build().cacheHit() + ")");
        for (int u = 0; u < 9; u++) {
            VerifyResult v = r.results().get(u);
            assertTrue(v.passed(), "unit " + u + ": " + v.summaryLine());
            assertEquals("PASS outputs=" + v.golden().outputCount() + " rtl_cycles=" + v.golden().totalCycles()
                    + " golden_cycles=" + v.golden().totalCycles(), v.summaryLine());
        }
        assertEquals(40, r.results().get(6).rtl().trace().events().size());
        assertEquals(DmaGolden.copiedWords(dma), r.results().get(8).rtl().writtenWords().get("mem"));
        VerifyResult bad = r.results().get(9);
        assertFalse(bad.passed());
        OutputEvent last = bad.rtl().trace().events().get(bad.rtl().trace().events().size() - 1);
        assertEquals("FAIL first mismatch at cycle " + last.cycle() + " stream out port out_acc: expected "
                + last.values().get("out_acc").add(BigInteger.ONE) + " actual " + last.values().get("out_acc")
                + " (seed 604)", bad.summaryLine());
        assertFalse(r.allPassed());
    }

    @Test
    void unitsOfOneBundleShareTheirStress() {
        Bundle b = Bundle.of(List.of(Fixtures.manifest("mac", "mac_pipe"), Fixtures.manifest("mac", "mac_pipe")));
        Stimulus stressed = MacGolden.randomStimulus(2, 1, 0);
        Stimulus calm = stressed.withStress(Stress.NONE);
        assertEquals("units of one bundle must share their stress settings, got " + stressed.stress() + " and "
                + calm.stress(), assertThrows(IllegalArgumentException.class, () -> b.merge(List.of(stressed, calm)))
                .getMessage());
    }

    @Test
    void differentModulesWithTheSameNameAreRejected(@TempDir Path dir) throws IOException {
        Path fixture = Fixtures.dir("mac");
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("mac_pipe.v"), Files.readString(fixture.resolve("mac_pipe.v"))
                .replace("(phase != 2'd3)", "(phase != 2'd2)"));
        Files.copy(fixture.resolve("mac_pipe.manifest.json"), other.resolve("mac_pipe.manifest.json"));
        Manifest a = Fixtures.manifest("mac", "mac_pipe");
        Manifest b = ManifestReader.read(other.resolve("mac_pipe.manifest.json"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Bundle.of(List.of(a, b)).unitSources());
        assertEquals("module 'mac_pipe' is defined differently by " + fixture.resolve("mac_pipe.v") + " and "
                + other.resolve("mac_pipe.v") + "; units in one bundle must agree on every module they share"
                + " (give differing configurations distinct module names)", e.getMessage());
    }

    @Test
    void moduleNamesIgnoreComments() {
        assertEquals(List.of("a", "b_2"), ModuleNames.declaredIn("// module fake\nmodule a(); endmodule /* module x */\nmodule b_2 (input x); endmodule"));
    }
}
