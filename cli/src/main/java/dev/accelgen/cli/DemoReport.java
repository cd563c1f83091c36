package dev.accelgen.cli;

import dev.accelgen.boards.model.Board;
import dev.accelgen.cli.report.BoardFacts;
import dev.accelgen.cli.report.ToolFigures;
import dev.accelgen.pe.systolic.SystolicConfig;
import dev.accelgen.reports.data.BuildInfo;
import dev.accelgen.reports.data.DesignInfo;
import dev.accelgen.reports.data.Provenance;
import dev.accelgen.reports.data.ReportData;
import dev.accelgen.reports.data.Synthesis;
import dev.accelgen.reports.data.Verification;
import dev.accelgen.reports.data.VerificationCase;
import dev.accelgen.sim.VerifyResult;
import dev.accelgen.sim.tools.ResourceCounts;
import dev.accelgen.sim.tools.YosysSynth;
import dev.accelgen.sim.verilator.VerilatorBuild;
import java.util.List;
import java.util.Map;

/** The demo's report data: the array's Verilator run against its golden model and its Yosys counts on the board. */
final class DemoReport {
    private DemoReport() {
    }

    static ReportData of(SystolicConfig cfg, String top, Board board, VerifyResult verify, long seed, ResourceCounts counts,
            String command) {
        String unit = cfg.rows() + "x" + cfg.cols() + " INT8 systolic array";
        BuildInfo build = new BuildInfo(unit + " on " + board.name(), "systolic " + cfg.rows() + "x" + cfg.cols(), "",
                VersionProvider.version(), BoardFacts.of(board),
                new DesignInfo(board.kernelClockMhz(), (long) cfg.rows() * cfg.cols(), List.of(),
                        Provenance.specified("unit configuration: " + cfg.rows() + " x " + cfg.cols() + " INT8 PEs at the "
                                + board.name() + " kernel clock", command)));
        String verilator = VerilatorBuild.verilatorVersion();
        String yosys = YosysSynth.version();
        Verification verification = new Verification(Provenance.measured(verilator, command),
                Provenance.modelled("golden model (SystolicGolden)", command),
                Map.of("verilator", verilator, "yosys", yosys, "java", System.getProperty("java.version"), "accelgen",
                        VersionProvider.version()),
                List.of(ToolFigures.verification(unit, VerificationCase.Level.UNIT, verify, seed, command)));
        Synthesis synthesis = new Synthesis(ToolFigures.module(top, counts), List.of(),
                Provenance.measured(yosys.replaceAll(" \\(.*", "") + " synth_xilinx -family xcup",
                        "accelgen pe report systolic --rows " + cfg.rows() + " --cols " + cfg.cols() + " --json"));
        return ReportData.of(build).withVerification(verification).withSynthesis(synthesis);
    }
}
