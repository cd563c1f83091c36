package dev.accelgen.cli.regress;

import dev.accelgen.sim.regress.JUnitXml;
import dev.accelgen.sim.regress.Merge;
import dev.accelgen.sim.regress.RunReport;
import dev.accelgen.sim.regress.Summary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code accelgen regress merge DIR... [--junit FILE]}: one summary and one JUnit XML from the shards' outputs. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Merge the --out directories of a suite's shards: one summary and one JUnit XML.",
            "Reports missing shards, unfinished and duplicated cases. Exit 0 if every case passed and none is missing."})
public final class MergeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "DIR", description = "output directories of the shards (--out)")
    List<Path> dirs;

    @Option(names = "--junit", paramLabel = "FILE", description = "write the merged JUnit XML")
    Path junit;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        RunReport report = Merge.merge(dirs);
        Summary.lines(report).forEach(o::println);
        if (junit != null) {
            JUnitXml.write(report, junit.toAbsolutePath());
            o.println("JUnit XML: " + junit.toAbsolutePath());
        }
        return report.passed() ? 0 : 1;
    }
}
