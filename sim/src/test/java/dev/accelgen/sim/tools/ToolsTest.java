package dev.accelgen.sim.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.sim.Fixtures;
import dev.accelgen.sim.bundle.Bundle;
import dev.accelgen.sim.manifest.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolsTest {
    private static final List<Manifest> FIXTURES = List.of(Fixtures.manifest("mac", "mac_pipe"),
            Fixtures.manifest("wide", "wide_regs"), Fixtures.manifest("memreq", "mem_requester"),
            Fixtures.manifest("dsp", "dsp_mul"));

    @Test
    void everyFixtureIsLintCleanAndPassesYosysCheck() {
        for (Manifest m : FIXTURES) {
            LintResult lint = VerilatorLint.lint(m);
            assertTrue(lint.clean(), m.top() + ": " + lint.warnings());
            YosysResult check = YosysCheck.check(m);
            assertTrue(check.ok(), m.top() + ": " + check.errors());
        }
    }

    @Test
    void bundleWrapperIsLintClean(@TempDir Path dir) throws IOException {
        Bundle b = Bundle.of(FIXTURES);
        Path wrapper = dir.resolve(Bundle.TOP + ".v");
        Files.writeString(wrapper, b.wrapperVerilog());
        List<Path> files = new ArrayList<>(b.unitSources());
        files.add(wrapper);
        LintResult lint = VerilatorLint.lint(files, Bundle.TOP);
        assertTrue(lint.clean(), lint.warnings() + "\n" + b.wrapperVerilog());
    }

    @Test
    void lintReportsEveryWarning(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.v");
        Files.writeString(f, "module bad (input wire a, input wire b, output wire y);\n    wire [1:0] w2 = {a, b};\n"
                + "    assign y = w2[0];\nendmodule\n");
        LintResult r = VerilatorLint.lint(List.of(f), "bad");
        assertFalse(r.clean());
        assertEquals(List.of("%Warning-UNUSEDSIGNAL: " + f + ":2:16: Bits of signal are not used: 'w2'[1]"), r.warnings());
    }

    @Test
    void yosysCheckReportsErrors(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("t.v");
        Files.writeString(f, "module t (input wire a, output wire y);\n    nope u (.x(a));\n    assign y = a;\nendmodule\n");
        YosysResult r = YosysCheck.check(List.of(f), "t");
        assertFalse(r.ok());
        assertEquals("ERROR: Module `\\nope' referenced in module `\\t' in cell `\\u' is not part of the design.", r.errors());

        Path g = dir.resolve("u.v");
        Files.writeString(g, "module u (input wire a, input wire b, output wire y);\n    assign y = a;\n    assign y = b;\nendmodule\n");
        YosysResult multi = YosysCheck.check(List.of(g), "u");
        assertFalse(multi.ok());
        assertEquals("Warning: multiple conflicting drivers for u.\\b:\nERROR: Found 1 problems in 'check -assert'.",
                multi.errors());
    }

    @Test
    void synthCountsUltraScaleCells() {
        // Yosys 0.23 mapping of fixtures/mac/mac_pipe.v (deterministic for a given Yosys version).
        ResourceCounts mac = YosysSynth.synth(Fixtures.manifest("mac", "mac_pipe"));
        assertEquals(Map.of("CARRY4", 8, "DSP48E2", 1, "FDRE", 85, "INV", 1, "LUT2", 68, "LUT3", 1, "LUT4", 3,
                "LUT5", 8, "LUT6", 53), mac.cells());
        assertEquals(1 + 68 + 1 + 3 + 8 + 53, mac.lut()); // the INV is a LUT1
        assertEquals(85, mac.ff());
        assertEquals(8, mac.carry4());
        assertEquals(1, mac.dsp48e2());
        // A DSP48E2 instantiated as a black box (no Yosys model) is counted as a cell.
        ResourceCounts dsp = YosysSynth.synth(Fixtures.manifest("dsp", "dsp_mul"));
        assertEquals(Map.of("DSP48E2", 1), dsp.cells());
        assertEquals(0, dsp.lut());
    }

    @Test
    void resourceCountsBillCellsAsVivadoDoes() {
        ResourceCounts r = ResourceCounts.of(Map.ofEntries(Map.entry("LUT1", 2), Map.entry("LUT6", 3),
                Map.entry("LUT6_2", 4), Map.entry("INV", 1), Map.entry("SRL16E", 120), Map.entry("SRLC32E", 2),
                Map.entry("RAM32M16", 26), Map.entry("RAM64M8", 8), Map.entry("RAM32M", 1), Map.entry("RAM64X1D", 3),
                Map.entry("RAM128X1D", 1), Map.entry("FDRE", 4), Map.entry("FDCE", 1), Map.entry("RAMB36E2", 2),
                Map.entry("RAMB18E2", 3), Map.entry("URAM288", 1), Map.entry("CARRY4", 5), Map.entry("CARRY8", 6),
                Map.entry("MUXF7", 9), Map.entry("DSP48E2", 7)));
        assertEquals(2 + 3 + 4 + 1, r.lutLogic());
        assertEquals(120 + 2, r.lutShiftRegister());
        // LUT sites: RAM32M16 and RAM64M8 8, RAM32M 4, RAM64X1D 2, RAM128X1D 4 (UG574)
        assertEquals(26 * 8 + 8 * 8 + 4 + 3 * 2 + 4, r.lutDistributedRam());
        assertEquals(122 + 286, r.lutMemory());
        assertEquals(10 + 408, r.lut());
        assertEquals(5, r.ff());
        assertEquals(5, r.carry4());
        assertEquals(6, r.carry8());
        assertEquals(7, r.dsp48e2());
        assertEquals(2, r.ramb36());
        assertEquals(3, r.ramb18());
        assertEquals(3.5, r.bram36());
        assertEquals(1, r.uram());
        assertEquals(418 + 4, ResourceCounts.sum(List.of(r, ResourceCounts.of(Map.of("LUT3", 4)))).lut());
    }

    @Test
    void aBatchGivesWhatEachDesignGivesAlone() {
        Manifest mac = Fixtures.manifest("mac", "mac_pipe");
        List<ResourceCounts> both = YosysSynth.synthesize(List.of(YosysSynth.Job.of(mac),
                new YosysSynth.Job(mac.synthesisSources(), mac.top(), true)));
        assertEquals(YosysSynth.synth(mac), both.get(0));
        assertEquals(0, both.get(1).dsp48e2());
        assertTrue(both.get(1).lut() > both.get(0).lut(), "-nodsp puts the multiplier in fabric");
    }

    @Test
    void missingToolNamesTheAptPackage() {
        ToolMissingException e = assertThrows(ToolMissingException.class,
                () -> ToolProcess.run(List.of("accelgen-no-such-tool"), null, Duration.ofSeconds(5)));
        assertEquals("accelgen-no-such-tool not found on PATH: install it with 'sudo apt-get install -y "
                + "accelgen-no-such-tool' (or run scripts/ensure-tools.sh)", e.getMessage());
        assertEquals("iverilog", ToolProcess.aptPackage("vvp"));
        assertEquals("verilator", ToolProcess.aptPackage("/usr/bin/verilator"));
        assertEquals("yosys", ToolProcess.aptPackage("yosys"));
    }
}
