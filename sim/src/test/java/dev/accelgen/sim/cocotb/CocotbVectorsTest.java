package dev.accelgen.sim.cocotb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.sim.DmaGolden;
import dev.accelgen.sim.Fixtures;
import dev.accelgen.sim.GoldenModel;
import dev.accelgen.sim.MacGolden;
import dev.accelgen.sim.MemRequesterGolden;
import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.Trace;
import dev.accelgen.sim.TraceComparator;
import dev.accelgen.sim.VerifyResult;
import dev.accelgen.sim.WideGolden;
import dev.accelgen.sim.manifest.Manifest;
import dev.accelgen.sim.verilator.HarnessSpec;
import dev.accelgen.sim.verilator.RunLimits;
import dev.accelgen.sim.verilator.VerilatorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The cocotb tests (tests/cocotb) play stimulus.json and check expected.json under
 * src/test/resources/cocotb/<unit>/. This test proves those files are exactly what StimulusFiles
 * and TraceFiles write from the golden models today, and that Verilator agrees with them, so the
 * Icarus run and the Verilator run are held to the same trace. Regenerate after an intended
 * change with {@code -Daccelgen.regenerate=true}.
 */
class CocotbVectorsTest {
    private static final Path DIR = Path.of("src/test/resources/cocotb");
    private static final RunLimits LIMITS = new RunLimits(4, 20, 100_000);

    @Test
    void macVectors() throws IOException {
        check("mac", Fixtures.manifest("mac", "mac_pipe"), new MacGolden(2), MacGolden.randomStimulus(12, 7, 2));
    }

    @Test
    void memoryVectors() throws IOException {
        check("memreq", Fixtures.manifest("memreq", "mem_requester"), MemRequesterGolden::requesterGolden,
                MemRequesterGolden.randomRequests(101));
    }

    @Test
    void dmaVectors() throws IOException {
        check("dma", Fixtures.manifest("dma", "dma_copy"), new DmaGolden(), DmaGolden.randomStimulus(6, 603));
    }

    @Test
    void wideVectors() throws IOException {
        check("wide", Fixtures.manifest("wide", "wide_regs"), new WideGolden(), WideGolden.randomStimulus(602));
    }

    private static void check(String unit, Manifest m, GoldenModel golden, Stimulus s) throws IOException {
        System.out.println("seed=" + s.seed());
        Trace expected = golden.run(s);
        RunLimits limits = LIMITS.atLeast(expected.totalCycles() + 1);
        String stimulusJson = StimulusFiles.toJson(m, s, limits);
        String expectedJson = TraceFiles.toJson(m, expected);
        Path dir = DIR.resolve(unit);
        if (Boolean.getBoolean("accelgen.regenerate")) {
            Files.createDirectories(dir);
            StimulusFiles.write(m, s, limits, dir.resolve("stimulus.json"));
            TraceFiles.write(m, expected, dir.resolve("expected.json"));
        }
        assertEquals(stimulusJson, Files.readString(dir.resolve("stimulus.json")),
                "stale " + dir.resolve("stimulus.json") + ": rerun with -Daccelgen.regenerate=true");
        assertEquals(expectedJson, Files.readString(dir.resolve("expected.json")),
                "stale " + dir.resolve("expected.json") + ": rerun with -Daccelgen.regenerate=true");
        // The JSON round-trips to the same stimulus and trace, and the Verilator run matches it.
        Stimulus back = StimulusFiles.read(m, dir.resolve("stimulus.json"));
        assertEquals(stimulusJson, StimulusFiles.toJson(m, back, limits));
        assertEquals(golden.run(s), golden.run(back));
        Trace reread = TraceFiles.read(m, dir.resolve("expected.json"));
        assertEquals(expected, reread);
        VerifyResult r = TraceComparator.compare(HarnessSpec.of(m), reread, VerilatorModel.build(m).run(s, limits), s.seed());
        assertTrue(r.passed(), r.summaryLine());
    }

    @Test
    void badStimulusFileIsAOneLineError(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Manifest m = Fixtures.manifest("mac", "mac_pipe");
        Path f = tmp.resolve("s.json");
        Files.writeString(f, "{\"format\": \"accelgen-stimulus/2\", \"streams\": [{\"name\": \"in\", \"beats\": "
                + "[{\"idle\": 0, \"values\": {\"in_a\": \"12\", \"in_b\": \"0x1\", \"in_last\": \"0x1\"}}]}]}");
        assertEquals(f + ": value '12' is not a 0x-prefixed hex bit pattern",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> StimulusFiles.read(m, f)).getMessage());
        Files.writeString(f, "{\"format\": \"accelgen-stimulus/2\", \"streams\": [{\"name\": \"nope\", \"beats\": []}]}");
        assertEquals(f + ": stimulus stream 'nope' is not an input stream of mac_pipe",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> StimulusFiles.read(m, f)).getMessage());
    }
}
