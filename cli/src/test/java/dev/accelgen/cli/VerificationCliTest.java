package dev.accelgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.pe.ternary.Packing;
import dev.accelgen.pe.ternary.TernaryConfig;
import dev.accelgen.pe.ternary.TernaryGolden;
import dev.accelgen.pe.ternary.TernaryStimulus;
import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.cocotb.StimulusFiles;
import dev.accelgen.sim.cocotb.TraceFiles;
import dev.accelgen.sim.manifest.Manifest;
import dev.accelgen.sim.manifest.ManifestReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code accelgen pe vectors} (the cocotb tests' units) and a smoke run of {@code accelgen bench mutation}. */
class VerificationCliTest {
    @TempDir
    Path tmp;

    @Test
    void vectorsWriteTheUnitItsStimulusAndTheGoldenTrace() {
        Path out = tmp.resolve("t");
        Cli r = Cli.run("pe", "vectors", "ternary", "--lanes", "3", "--packing", "base3", "--vectors", "4", "--seed", "9",
                "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        Manifest m = ManifestReader.read(out.resolve("rtl/ternary_l3_a8_base3.manifest.json"));
        Stimulus s = StimulusFiles.read(m, out.resolve("stimulus.json"));
        TernaryConfig c = new TernaryConfig(3, 8, Packing.BASE3);
        assertEquals(TernaryStimulus.random(c, 4, 9).stream("in").beats(), s.stream("in").beats());
        assertEquals(new TernaryGolden(c).run(s), TraceFiles.read(m, out.resolve("expected.json")));
        assertTrue(Files.isRegularFile(out.resolve("rtl/LUT6_2.v")));
    }

    @Test
    void vectorsRejectABadCountWithoutWriting() {
        Path out = tmp.resolve("never");
        Cli r = Cli.run("pe", "vectors", "ternary", "--vectors", "0", "--out", out.toString());
        assertEquals(2, r.exit());
        assertEquals("accelgen: error: --vectors: must be >= 1 (got 0)\n", r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void mutationBenchScoresTwoMutants() {
        Cli r = Cli.run("bench", "mutation", "ternary", "--lanes", "2", "--packing", "2bit", "--mutants", "2", "--seed",
                "4", "--vectors", "6");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().startsWith("mutation ternary ternary_l2_a8_2bit TernaryConfig[lanes=2, aBits=8, packing=TWO_BIT,"
                + " form=LUT6_2] mutants=2 seed=4\n"), r.out());
        assertTrue(r.lastLine().matches("killed=(\\d) survived=(\\d) equivalent-suspected=(\\d) score=(n/a|[0-9.]+%)"),
                r.lastLine());
        assertTrue(r.err().contains("[mutation] 2 mutations of ternary_l2_a8_2bit (seed 4)"), r.err());
        assertEquals(2, r.err().lines().filter(l -> l.matches("\\[mutation] m[01] .*")).count(), r.err());
    }
}
