package dev.accelgen.cli;

import dev.accelgen.boards.BoardCatalog;
import dev.accelgen.boards.model.Board;
import dev.accelgen.cli.report.ReportOutput;
import dev.accelgen.errors.OptionError;
import dev.accelgen.hdl.Design;
import dev.accelgen.hdl.Hdl;
import dev.accelgen.pe.systolic.SystolicArray;
import dev.accelgen.pe.systolic.SystolicConfig;
import dev.accelgen.pe.systolic.SystolicGolden;
import dev.accelgen.pe.systolic.SystolicStimulus;
import dev.accelgen.reports.Reports;
import dev.accelgen.sim.Verifier;
import dev.accelgen.sim.VerifyResult;
import dev.accelgen.sim.files.OutputDir;
import dev.accelgen.sim.manifest.Manifest;
import dev.accelgen.sim.manifest.ManifestReader;
import dev.accelgen.sim.tools.ResourceCounts;
import dev.accelgen.sim.tools.YosysSynth;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The main job at this stage: generate the INT8 systolic baseline, verify it bit- and cycle-exact in Verilator
 * against its golden model, synthesize it with Yosys, and write its report (JSON and report.html) for the ZCU104.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate an INT8 systolic array, verify it in Verilator against its golden model, synthesize it with"
                + " Yosys and write its report.")
public final class DemoCommand implements Callable<Integer> {
    static final String BOARD = "zcu104";

    @Option(names = "--out", defaultValue = "out/demo",
            description = "output directory: new, empty, or an earlier accelgen output with --force (default ${DEFAULT-VALUE})")
    Path out;

    @Mixin
    ForceOption force;

    @Option(names = "--rows", defaultValue = "8")
    int rows;

    @Option(names = "--cols", defaultValue = "8")
    int cols;

    @Option(names = "--tiles", defaultValue = "50", description = "random matrix tiles to verify (default ${DEFAULT-VALUE})")
    int tiles;

    @Option(names = "--seed", defaultValue = "1")
    long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        SystolicConfig cfg = SystolicConfig.int8(rows, cols);
        if (tiles < 1 || tiles > 100_000) {
            throw new OptionError("--tiles " + tiles, "must be in 1..100,000");
        }
        OutputDir.check(out, "--out", force.force());
        Board board = BoardCatalog.resolve(BOARD);
        String command = "accelgen demo --rows " + rows + " --cols " + cols + " --tiles " + tiles + " --seed " + seed;
        o.println("1/4 generating " + rows + "x" + cols + " INT8 output-stationary systolic array");
        o.flush();
        Design design = Hdl.elaborate(new SystolicArray(), cfg);
        VerifyResult[] verdict = new VerifyResult[1];
        Path dir = OutputDir.write(out, "--out", force.force(), d -> {
            Manifest manifest = ManifestReader.read(design.emit(d));
            o.println("2/4 building the Verilator model and running " + tiles + " random tiles (seed " + seed + ")");
            o.flush();
            verdict[0] = Verifier.verify(manifest, new SystolicGolden(cfg), SystolicStimulus.random(cfg, tiles, seed));
            o.println("3/4 synthesizing with Yosys (synth_xilinx -family xcup)");
            o.flush();
            ResourceCounts counts = YosysSynth.synth(manifest);
            o.println("    LUT " + counts.lut() + ", FF " + counts.ff() + ", DSP " + counts.dsp48e2());
            o.println("4/4 writing the report");
            ReportOutput.write(d, DemoReport.of(cfg, design.topName(), board, verdict[0], seed, counts, command));
        });
        VerifyResult r = verdict[0];
        if (!r.passed() && !r.detail().isEmpty()) {
            o.println(r.detail());
        }
        o.println("    Verilog: " + dir.resolve(design.topName() + ".v"));
        o.println("    file list: " + dir.resolve(design.topName() + ".f") + ", manifest: "
                + dir.resolve(design.manifestFileName()));
        o.println("    report: " + dir.resolve(Reports.DIR).resolve(Reports.PAGE));
        o.println(r.summaryLine());
        return r.passed() ? 0 : 1;
    }
}
