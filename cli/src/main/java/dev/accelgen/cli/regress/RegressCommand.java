package dev.accelgen.cli.regress;

import dev.accelgen.errors.OptionError;
import dev.accelgen.sim.regress.CaseTypes;
import dev.accelgen.sim.progress.ProgressConsole;
import dev.accelgen.sim.regress.ConsoleProgress;
import dev.accelgen.sim.regress.CostModel;
import dev.accelgen.sim.regress.Estimates;
import dev.accelgen.sim.regress.JUnitXml;
import dev.accelgen.sim.regress.Plan;
import dev.accelgen.sim.regress.PlannedCase;
import dev.accelgen.sim.regress.RegressRun;
import dev.accelgen.sim.regress.RunOptions;
import dev.accelgen.sim.regress.RunReport;
import dev.accelgen.sim.regress.Shard;
import dev.accelgen.sim.regress.Suite;
import dev.accelgen.sim.regress.Summary;
import dev.accelgen.sim.verilator.BuildOptions;
import dev.accelgen.sim.verilator.VerilatorBuild;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code accelgen regress <suite|file.json>}: runs a simulation regression suite (or one shard of it, or named
 * cases), prints progress on stderr and a summary on stdout, writes per-case results ({@code --out}) and JUnit XML
 * ({@code --junit}); or prints its plan, lists its cases, or writes and submits Slurm scripts ({@link SlurmLaunch}).
 * Exit status 0 when every case passed, 1 when any failed, 2 on bad input.
 */
@Command(name = "regress", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a simulation regression suite: a built-in one (smoke, nightly, sweep) or a suite .json file.",
            "Exit status 0 if every case passed, 1 if any failed, 2 on bad input."},
        subcommands = {MergeCommand.class, CalibrateCommand.class})
public final class RegressCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SUITE", description = "smoke, nightly, sweep or a suite .json file")
    String suiteArg;

    @Option(names = "--out", paramLabel = "DIR", description = "write each case's result here as it finishes (needed by --resume, merge, --slurm)")
    Path out;

    @Option(names = "--shard", paramLabel = "I/N", description = "run shard I of N (1 <= I <= N), balanced by estimated cost")
    String shard;

    @Option(names = "--jobs", paramLabel = "J", defaultValue = "1", description = "Verilator builds in parallel (default ${DEFAULT-VALUE})")
    int jobs;

    @Option(names = "--junit", paramLabel = "FILE", description = "write JUnit XML (one testcase per case)")
    Path junit;

    @Option(names = "--resume", description = "skip cases --out already has a result of this suite for")
    boolean resume;

    @Option(names = "--case", paramLabel = "ID", description = "run only this case (repeatable); every failure prints its command")
    List<String> cases = new ArrayList<>();

    @Option(names = "--cache", paramLabel = "DIR", description = "Verilator build cache (default $ACCELGEN_CACHE or ~/.cache/accelgen); may be shared over NFS")
    Path cache;

    @Option(names = "--plan", description = "print cases, estimated CPU time and wall time on 1, 8 and 64 nodes; run nothing")
    boolean plan;

    @Option(names = "--list", description = "print every case id and what it verifies; run nothing")
    boolean list;

    @Option(names = "--slurm", paramLabel = "N", description = "write DIR/regress.sbatch (a job array of N shards) and DIR/merge.sbatch")
    Integer slurm;

    @Option(names = "--submit", description = "with --slurm: submit both scripts with sbatch and print the job ids")
    boolean submit;

    @Option(names = "--wait", description = "with --submit: wait for the merge job and exit with the merged verdict")
    boolean await;

    @Option(names = "--defer-verdict", description = "exit 0 once every case has a result, whatever the verdicts (the Slurm tasks use this; the merge gives the verdict)")
    boolean deferVerdict;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final CaseTypes types;

    public RegressCommand(CaseTypes types) {
        this.types = types;
    }

    /** The {@code regress} command with these case types (the product's, or a test's). */
    public static CommandLine commandLine(CaseTypes types) {
        return new CommandLine(new RegressCommand(types));
    }

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (suiteArg == null) {
            throw new OptionError("SUITE", "name a suite to run: " + String.join(", ", SuiteSource.BUILT_IN)
                    + " or a suite .json file (see 'accelgen regress --help')");
        }
        if (cache != null) {
            System.setProperty(VerilatorBuild.CACHE_PROPERTY, cache.toAbsolutePath().normalize().toString());
        }
        Suite suite = SuiteSource.load(suiteArg);
        List<PlannedCase> all = types.expand(suite);
        if (list) {
            all.forEach(c -> o.println(c.id() + "  " + c.regressCase().describe()));
            return 0;
        }
        if (plan) {
            Plan.of(suite, all, Estimates.of(all, CostModel.DEFAULT), jobs, List.of(1, 8, 64)).lines().forEach(o::println);
            return 0;
        }
        if (slurm != null) {
            return new SlurmLaunch(suite, all, slurm, jobs, out, junit, submit, await, o, err).run(this::conflictsWithSlurm);
        }
        if (submit || await) {
            throw new OptionError(submit ? "--submit" : "--wait", "needs --slurm N");
        }
        RunOptions options = new RunOptions(shard == null ? Shard.ALL : Shard.parse(shard), jobs, out, resume, cases,
                BuildOptions.DEFAULT, CostModel.DEFAULT);
        String title = "regress " + suite.name() + (options.shard().count() > 1 ? " shard " + options.shard() : "");
        RunReport report = RegressRun.run(suite, all, options,
                new ConsoleProgress(ProgressConsole.stderr(), title));
        Summary.lines(report).forEach(o::println);
        if (junit != null) {
            JUnitXml.write(report, junit.toAbsolutePath());
            o.println("JUnit XML: " + junit.toAbsolutePath());
        }
        return report.passed() || deferVerdict ? 0 : 1;
    }

    /** Options that make no sense with --slurm (the scripts choose shards and resume themselves). */
    private void conflictsWithSlurm() {
        if (shard != null || resume || !cases.isEmpty() || deferVerdict) {
            throw new OptionError("--slurm", "writes its own --shard/--resume per task; drop --shard, --resume, --case and --defer-verdict");
        }
    }
}
