package dev.accelgen.cli.accel;

import dev.accelgen.cli.ForceOption;
import dev.accelgen.cli.VersionProvider;
import dev.accelgen.cli.report.CompiledFigures;
import dev.accelgen.cli.report.ReportOutput;
import dev.accelgen.compiler.backend.compile.Compiled;
import dev.accelgen.compiler.backend.compile.OpCycles;
import dev.accelgen.compiler.backend.compile.PlanJson;
import dev.accelgen.compiler.backend.compile.Summary;
import dev.accelgen.hdl.Hdl;
import dev.accelgen.pe.accel.HwConfigJson;
import dev.accelgen.pe.accel.core.AccelCoreRtl;
import dev.accelgen.pe.accel.core.CoreConfig;
import dev.accelgen.pe.accel.core.EngineCatalog;
import dev.accelgen.pe.accel.isa.Listing;
import dev.accelgen.reports.Reports;
import dev.accelgen.sim.files.OutputDir;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code accelgen compile MODEL --board B [--scheme S | --plan F] [--hw H] [--seq-len N] --out DIR}: the program, its
 * listing, plan.json, hw.json, the core's RTL, the memory images and the report (report-data/, report/), and a
 * one-screen summary.
 */
@Command(name = "compile", mixinStandardHelpOptions = true,
        description = "Compile a model into an accelerator program, memory images and the accelerator's RTL.")
public final class CompileCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    BackendOptions options;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "output directory: new, empty, or an earlier accelgen output (with --force)")
    Path out;

    @Mixin
    ForceOption force;

    @Override
    public void run() {
        options.check();
        OutputDir.check(out, "--out", force.force());
        PrintWriter err = spec.commandLine().getErr();
        Compiled c = options.compile();
        // After compiling, not before: bad input must leave one line on stderr, the error.
        err.println("compiled " + options.model + " for " + options.board + "; estimating cycles per op (timing model)");
        err.flush();
        OpCycles.Estimate est = OpCycles.of(c, EngineCatalog.models());
        String command = "accelgen compile " + options.args() + " --out " + out.getFileName();
        Path written = OutputDir.write(out, "--out", force.force(), dir -> {
            write(dir, c, est);
            ReportOutput.write(dir, CompiledFigures.data(c, est, options.board(), VersionProvider.version(), command));
        });
        PrintWriter o = spec.commandLine().getOut();
        Summary.lines(c, est).forEach(o::println);
        o.println("wrote " + written);
        o.println("report: " + written.resolve(Reports.DIR).resolve(Reports.PAGE));
        o.flush();
    }

    /** Every file of a compilation into {@code dir}; returns the core's manifest (rtl/). */
    static Path write(Path dir, Compiled c, OpCycles.Estimate est) {
        try {
            Files.write(dir.resolve("program.bin"), c.programBytes());
            Files.writeString(dir.resolve("program.lst"), Listing.write(c.program()), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("plan.json"), PlanJson.write(c, est), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("hw.json"), HwConfigJson.write(c.hw()), StandardCharsets.UTF_8);
            Path manifest = Hdl.elaborate(new AccelCoreRtl(), new CoreConfig(c.hw(), false)).emit(dir.resolve("rtl"));
            Path weights = Files.createDirectories(dir.resolve("weights"));
            List<byte[]> images = c.images();
            for (int p = 0; p < images.size(); p++) {
                Files.write(weights.resolve("port" + p + ".bin"), images.get(p));
            }
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
