package dev.accelgen.cli;

import dev.accelgen.boards.BoardCatalog;
import dev.accelgen.boards.bundle.BundleFiles;
import dev.accelgen.boards.bundle.BundleWriter;
import dev.accelgen.boards.model.Board;
import dev.accelgen.cli.accel.BackendOptions;
import dev.accelgen.cli.accel.VerifyRun;
import dev.accelgen.cli.boards.ModelBundle;
import dev.accelgen.compiler.backend.compile.Compiled;
import dev.accelgen.pe.accel.MatrixUnitSpec;
import dev.accelgen.reports.Reports;
import dev.accelgen.sim.files.OutputDir;
import dev.accelgen.sim.tools.ResourceCounts;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The main job on the embedded default model: compile zoo:tiny-llama (w4a8) for the ZCU104, verify it end to end in
 * Verilator against the golden model, with {@code --synth} synthesize the core with Yosys, and write the report;
 * {@code accelgen verify zoo:tiny-llama --board zcu104 --scheme w4a8 [--synth] --out DIR} plus the bring-up bundle
 * ({@code generate}'s, in {@code DIR/bundle}) and a summary. Not part of it: the llama2-7b estimate on the U280 (an
 * hour of timing simulation and more than the 2 GB heap {@code ./accelgen} gives); the summary says so.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Compile a tiny LLaMA (w4a8) for the ZCU104, verify it end to end in Verilator against the golden model,"
                + " synthesize the accelerator with Yosys and write its report (JSON and report.html).")
public final class DemoCommand implements Callable<Integer> {
    static final String MODEL = "zoo:tiny-llama";
    static final String BOARD = "zcu104";
    static final String SCHEME = "w4a8";
    /** The bring-up bundle's folder in the demo's output (what {@code generate MODEL --board zcu104} writes). */
    static final String BUNDLE = "bundle";

    @Option(names = "--out", defaultValue = "out/demo",
            description = "output directory: new, empty, or an earlier accelgen output with --force (default ${DEFAULT-VALUE})")
    Path out;

    @Mixin
    ForceOption force;

    @Option(names = "--synth", description = "also synthesize the core with Yosys (synth_xilinx -family xcup): over nine CPU"
            + " minutes the first time, cached by content afterwards")
    boolean synth;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the synthetic inputs and calibration (default ${DEFAULT-VALUE})")
    long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        OutputDir.check(out, "--out", force.force());
        BackendOptions options = BackendOptions.of(MODEL, BOARD, SCHEME, seed);
        String command = "accelgen verify " + options.args() + (synth ? " --synth" : "") + " --out " + out.getFileName();
        PrintWriter err = spec.commandLine().getErr();
        err.println("demo: " + command);
        err.flush();
        Board board = BoardCatalog.resolve(BOARD);
        VerifyRun.Result r = VerifyRun.run(new VerifyRun.Request(options, null, null, true, synth, out, force.force(), command,
                (dir, c) -> BundleWriter.writeInto(BundleFiles.of(ModelBundle.build(board, MODEL, c, null, null, seed, err)),
                        dir.resolve(BUNDLE))), err);
        PrintWriter o = spec.commandLine().getOut();
        summary(r, (System.nanoTime() - start) / 1e9).forEach(o::println);
        o.println(r.report().last());
        o.flush();
        return r.report().pass() ? 0 : 1;
    }

    private static List<String> summary(VerifyRun.Result r, double seconds) {
        Compiled c = r.compiled();
        List<String> units = new ArrayList<>();
        for (MatrixUnitSpec u : c.hw().matrixUnits()) {
            units.add(u.kind() + " " + u.macsPerCycle() + " MACs/cycle");
        }
        ResourceCounts s = r.synthesis();
        List<String> lines = new ArrayList<>();
        lines.add("demo: " + MODEL + " (" + SCHEME + ") on " + BOARD + ", in " + r.dir());
        lines.add(String.format(Locale.ROOT, "  compiled    %,d instructions for core %s (%s, %d vector lanes, %d ports of %d bits):"
                + " program.bin, program.lst, plan.json, hw.json, rtl/, weights/", c.gen().needs().instructions(), c.hw().name(),
                String.join(", ", units), c.hw().lanes(), c.hw().ports(), c.hw().portBits()));
        lines.add(String.format(Locale.ROOT, "  timing      prefill of %d rows %,d cycles, decode step %,d cycles (golden timing model)",
                r.estimate().prefillRows(), r.estimate().prefill(), r.estimate().decode()));
        lines.add(String.format(Locale.ROOT, "  verified    %s in Verilator against the golden model: %,d outputs, RTL %,d cycles,"
                + " golden %,d", r.sequence(), r.report().outputs(), r.report().rtlCycles(), r.report().goldenCycles()));
        lines.add(String.format(Locale.ROOT, "  accuracy    output cosine %.6f against the float interpreter", r.report().cosine()));
        if (s != null) {
            lines.add(String.format(Locale.ROOT, "  synthesized Yosys synth_xilinx -family xcup: LUT %,d, FF %,d, DSP %d, BRAM36 %s, URAM %d",
                    s.lut(), s.ff(), s.dsp48e2(), s.bram36(), s.uram()));
        } else {
            lines.add("  not synthesized: give --synth (Yosys needs over nine CPU minutes for the whole core the first time)");
        }
        lines.add("  bundle      " + r.dir().resolve(BUNDLE) + ": the bring-up bundle (kernel RTL, port images, Vivado block"
                + " design, PYNQ and C hosts, golden outputs; generate " + MODEL + " --board " + BOARD + ")");
        lines.add("  not run     the llama2-7b estimate on u280: its one-layer timing run takes about an hour and more than the"
                + " demo's 2 GB heap (ACCELGEN_JAVA_OPTS=-Xmx10g ./accelgen estimate zoo:llama2-7b --board u280 --scheme w4a8)");
        lines.add("  report      " + r.dir().resolve(Reports.DIR).resolve(Reports.PAGE));
        lines.add(String.format(Locale.ROOT, "  time        %.0f s", seconds));
        return lines;
    }
}
