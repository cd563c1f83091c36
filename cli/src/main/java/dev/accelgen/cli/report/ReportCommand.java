package dev.accelgen.cli.report;

import dev.accelgen.cli.ForceOption;
import dev.accelgen.errors.OptionError;
import dev.accelgen.reports.Reports;
import dev.accelgen.reports.data.ReportData;
import dev.accelgen.reports.data.ReportDataError;
import dev.accelgen.reports.data.ReportDataFiles;
import dev.accelgen.sim.files.OutputDir;
import dev.accelgen.sim.files.OutputPart;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code accelgen report BUILD_DIR [--out DIR]}: writes every report of a build again from its report-data/:
 * into BUILD_DIR/report (replacing what accelgen wrote there), or into a new directory. Same data, same bytes.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the reports (FINN-style and accelgen JSON, report.html) of a compile, verify, estimate or demo"
                + " output directory again from its report-data/.")
public final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BUILD_DIR", description = "an output directory of accelgen compile, verify, estimate or demo")
    Path build;

    @Option(names = "--out", description = "write the reports here instead of BUILD_DIR/report (new, empty, or an earlier"
            + " output with --force)")
    Path out;

    @Mixin
    ForceOption force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (force.force() && out == null) {
            throw new OptionError("--force", "only applies with --out (BUILD_DIR/report is rewritten without it)");
        }
        if (out != null) {
            OutputDir.check(out, "--out", force.force());
        }
        ReportData data = read(build);
        Map<String, String> files = Reports.files(data);
        Path dir = out == null
                ? OutputPart.rewrite(build, Reports.DIR, "BUILD_DIR " + build, d -> Reports.write(d, data))
                : OutputDir.write(out, "--out", force.force(), d -> Reports.write(d, data));
        PrintWriter o = spec.commandLine().getOut();
        o.println(files.size() + " report files in " + dir + ": " + String.join(", ", files.keySet()));
        o.println("report: " + dir.resolve(Reports.PAGE));
        return 0;
    }

    /** The build's report data; a missing or malformed file is the user's input error, naming the file. */
    static ReportData read(Path build) {
        if (!Files.isDirectory(build)) {
            throw new OptionError("BUILD_DIR " + build, "is not a directory; give the output directory of accelgen compile,"
                    + " verify, estimate or demo");
        }
        if (!Files.isDirectory(build.resolve(ReportDataFiles.DIR))) {
            throw new OptionError("BUILD_DIR " + build, "has no " + ReportDataFiles.DIR + "/: give the output directory of"
                    + " accelgen compile, verify, estimate or demo (an output written before reports existed needs that"
                    + " command run again)");
        }
        try {
            return ReportDataFiles.read(build.resolve(ReportDataFiles.DIR));
        } catch (ReportDataError e) {
            throw new OptionError(e.file(), e.problem(), e);
        }
    }
}
