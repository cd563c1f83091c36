package dev.accelgen.cli.pe;

import dev.accelgen.errors.OptionError;
import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.StressProfile;
import dev.accelgen.sim.bundle.BundleCase;
import dev.accelgen.sim.mutation.MutantVerdict;
import dev.accelgen.sim.mutation.MutationRun;
import dev.accelgen.sim.tools.ScratchDirs;
import dev.accelgen.sim.verilator.BuildOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code accelgen bench mutation <kind> [unit options] [--mutants N] [--seed S]}: the mutation score of a unit's
 * verification. The configuration is the one the unit options give, or a random valid one (from the seed) when
 * none is given; the standard stimulus is what {@code pe verify} uses ({@code --vectors} work items from the
 * seed, stressed as {@code pe verify} stresses it: {@link StressOptions}); the strong stimuli are three runs of
 * ten times as many work items from other seeds. Prints killed / survived / equivalent-suspected
 * ({@link MutantVerdict}) and every mutant that was not killed, with its mutation and source line. A benchmark
 * figure, not a test: progress goes to stderr.
 */
@Command(mixinStandardHelpOptions = true, description = "Mutation score of the unit's verification (Yosys mutate).")
final class MutationBench extends KindRunner {
    static final int STRONG_RUNS = 3;
    static final int STRONG_FACTOR = 10;
    /** Builds dominate a mutation run and its simulations are short: compile the C++ without optimisation. */
    static final BuildOptions MUTANT_BUILD = new BuildOptions(BuildOptions.DEFAULT.jobs(), "-O0");

    @Option(names = "--mutants", defaultValue = "50", description = "mutants to derive (default ${DEFAULT-VALUE})")
    int mutants;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the mutations, stimulus and random configuration (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--vectors", description = "work items of the standard stimulus, as pe verify (default 20; 115 for rmsnorm)")
    Integer vectors;

    @Option(names = "--bundle", defaultValue = "25", description = "mutants per Verilator build (default ${DEFAULT-VALUE})")
    int bundle;

    @Mixin
    StressOptions stress;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    MutationBench(CliKind<?> kind, KindOptions<?> options) {
        super(kind, options);
    }

    @Override
    public Integer call() throws IOException {
        checkRange("--mutants", mutants, 1, 10_000);
        int standard = vectorsOrDefault(vectors);
        checkRange("--vectors", standard, 1, 100_000);
        checkRange("--bundle", bundle, 1, 200);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Record config = unitOptionGiven() ? options.toConfig() : kind.kind().randomConfig(new Random(seed));
        UnitJob<?> job = UnitJob.of(kind.kind(), config);
        StressProfile profile = stress.profile(options.memLatencyRange());
        Path work = Files.createTempDirectory("accelgen-mutation-unit-");
        try {
            BundleCase unit = job.emitCase(work, standard, seed, profile);
            List<Stimulus> strong = new ArrayList<>();
            for (int i = 1; i <= STRONG_RUNS; i++) {
                strong.add(job.stimulus(standard * STRONG_FACTOR, seed * 1_000_003L + i, profile));
            }
            err.println("[mutation] " + kind.name() + " " + config);
            err.flush();
            List<MutationRun.Result> results = MutationRun.run(unit.manifest(), unit.golden(), unit.stimulus(), strong,
                    mutants, seed, new MutationRun.Settings(bundle, MUTANT_BUILD, err));
            report(out, config, unit.manifest().top(), results, work);
        } finally {
            ScratchDirs.delete(work);
        }
        return 0;
    }

    private void report(PrintWriter out, Record config, String top, List<MutationRun.Result> results, Path dir) {
        long killed = count(results, MutantVerdict.KILLED);
        long survived = count(results, MutantVerdict.SURVIVED);
        long equivalent = count(results, MutantVerdict.EQUIVALENT_SUSPECTED);
        long judged = results.size() - equivalent;
        out.println("mutation " + kind.name() + " " + top + " " + config + " mutants=" + results.size() + " seed=" + seed);
        for (MutationRun.Result r : results) {
            if (r.verdict() != MutantVerdict.KILLED) {
                String target = r.mutation().target().replace(dir.toAbsolutePath() + "/", ""); // Yosys names cells by path
                out.println(r.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-') + " m" + r.mutation().id() + " "
                        + r.mutation().mode() + " " + target + " at " + r.mutation().location() + ": "
                        + r.mutation().lineText(dir, 100) + (r.reason().isEmpty() ? "" : "  [" + r.reason() + "]"));
            }
        }
        out.println(String.format(Locale.ROOT, "killed=%d survived=%d equivalent-suspected=%d score=%s", killed, survived,
                equivalent, judged == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100.0 * killed / judged)));
    }

    private static long count(List<MutationRun.Result> results, MutantVerdict v) {
        return results.stream().filter(r -> r.verdict() == v).count();
    }

    /** Whether the user gave any option of the unit (else a random configuration is drawn). */
    private boolean unitOptionGiven() {
        CommandLine.Model.CommandSpec unit = spec.mixins().get("unit");
        return spec.commandLine().getParseResult().matchedOptions().stream().anyMatch(o -> unit.options().contains(o));
    }

    private static void checkRange(String option, long v, long min, long max) {
        if (v < min || v > max) {
            throw new OptionError(option, "must be in " + min + ".." + max + " (got " + v + ")");
        }
    }
}
