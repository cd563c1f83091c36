package dev.accelgen.cli.report;

import dev.accelgen.reports.data.Provenance;
import dev.accelgen.reports.data.Resources;
import dev.accelgen.reports.data.SynthModule;
import dev.accelgen.reports.data.Synthesis;
import dev.accelgen.reports.data.VerificationCase;
import dev.accelgen.sim.VerifyResult;
import dev.accelgen.sim.tools.ResourceCounts;
import dev.accelgen.sim.tools.YosysSynth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What sim's tools measured, as report data. */
public final class ToolFigures {
    private ToolFigures() {
    }

    public static Resources resources(ResourceCounts c) {
        return new Resources(c.lut(), c.ff(), c.dsp48e2(), c.bram36(), c.uram());
    }

    /** A module Yosys synthesized: its resources and its cell histogram. */
    public static SynthModule module(String name, ResourceCounts c) {
        Map<String, Long> cells = new TreeMap<>();
        c.cells().forEach((cell, n) -> cells.put(cell, (long) n));
        return new SynthModule(name, resources(c), cells);
    }

    /** Yosys counts of the design {@code top} (synthesized flat); {@code command} synthesizes it again. */
    public static Synthesis synthesis(String top, ResourceCounts c, String command) {
        return new Synthesis(module(top, c), List.of(), Provenance.measured(YosysSynth.version().replaceAll(" \\(.*", "")
                + " synth_xilinx -family xcup", command));
    }

    /** One Verilator run against its golden model; {@code command} re-runs it. */
    public static VerificationCase verification(String name, VerificationCase.Level level, VerifyResult r, long seed, String command) {
        return new VerificationCase(name, level, r.passed(), r.golden().totalCycles(), r.rtl().trace().totalCycles(),
                r.golden().events().size(), seed, command, r.passed() ? "" : r.summaryLine());
    }
}
