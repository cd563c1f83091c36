package dev.accelgen.cli.pe;

import dev.accelgen.cli.ForceOption;
import dev.accelgen.errors.OptionError;
import dev.accelgen.pe.regress.UnitCaseType;
import dev.accelgen.sim.StressProfile;
import dev.accelgen.sim.Verifier;
import dev.accelgen.sim.VerifyResult;
import dev.accelgen.sim.bundle.BundleCase;
import dev.accelgen.sim.bundle.BundleResult;
import dev.accelgen.sim.bundle.BundleVerifier;
import dev.accelgen.sim.files.OutputDir;
import dev.accelgen.sim.files.TempDir;
import dev.accelgen.sim.progress.Progress;
import dev.accelgen.sim.progress.ProgressConsole;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code accelgen pe verify <kind> ...}: runs the generated RTL in Verilator against the golden model on
 * random stimulus. The last line is {@code PASS outputs=<n> rtl_cycles=<c> golden_cycles=<c>} or
 * {@code FAIL ...}; exit status 0 or 1. With {@code --configs N}, N random valid configurations are
 * verified together in one Verilator build. Stimulus is stressed by default ({@link StressOptions}).
 */
@Command(mixinStandardHelpOptions = true, description = "Verify the unit's RTL against its golden model in Verilator.")
final class PeVerify extends KindRunner {
    static final int BUNDLE_SIZE = UnitCaseType.BUNDLE_SIZE;
    static final int MAX_VECTORS = 1_000_000;
    static final int MAX_CONFIGS = 2_000;

    @Option(names = "--vectors", description = "work items per configuration, 1..1,000,000 (default 20; 115 for rmsnorm,"
            + " its table entries and exponents)")
    Integer vectors;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--configs", defaultValue = "0",
            description = "verify N random valid configurations (at most 2,000) instead of the one given by the options")
    int configs;

    @Option(names = "--keep", description = "keep the generated RTL in this directory (new, empty, or an earlier output with --force)")
    Path keep;

    @Mixin
    ForceOption force;

    @Mixin
    StressOptions stress;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    PeVerify(CliKind<?> kind, KindOptions<?> options) {
        super(kind, options);
    }

    @Override
    public Integer call() {
        int perConfig = vectorsOrDefault(vectors);
        if (perConfig < 1 || perConfig > MAX_VECTORS) {
            throw new OptionError("--vectors " + perConfig, "must be in 1..1,000,000");
        }
        if (configs < 0 || configs > MAX_CONFIGS) {
            throw new OptionError("--configs " + configs, "must be in 0..2,000 (verify more in several runs with"
                    + " different --seed values)");
        }
        List<UnitJob<?>> jobs = new ArrayList<>();
        if (configs == 0) {
            jobs.add(UnitJob.of(kind.kind(), options.toConfig()));
        } else {
            Random rng = new Random(seed);
            for (int i = 0; i < configs; i++) {
                jobs.add(UnitJob.of(kind.kind(), kind.kind().randomConfig(rng)));
            }
        }
        StimulusBudget.check(jobs, perConfig);
        StressProfile profile = stress.profile(options.memLatencyRange());
        if (keep != null) {
            OutputDir.check(keep, "--keep", force.force()); // a bad --keep is the only line on stderr
        }
        spec.commandLine().getErr().println("stress: " + StressOptions.describe(profile));
        if (keep == null) {
            try (TempDir work = TempDir.inScratch("verify")) {
                return verify(jobs, work.path(), perConfig, profile);
            }
        }
        int[] code = new int[1];
        Path kept = OutputDir.write(keep, "--keep", force.force(), dir -> code[0] = verify(jobs, dir, perConfig, profile));
        spec.commandLine().getErr().println("RTL kept in " + kept);
        return code[0];
    }

    private int verify(List<UnitJob<?>> jobs, Path work, int perConfig, StressProfile profile) {
        ProgressConsole console = ProgressConsole.stderr();
        List<BundleCase> cases = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            long caseSeed = jobs.size() == 1 ? seed : seed * 1_000_003L + i;
            console.line("[" + (i + 1) + "/" + jobs.size() + "] " + jobs.get(i).config() + " seed=" + caseSeed);
            cases.add(jobs.get(i).emitCase(work.resolve(jobs.size() == 1 ? "rtl" : "config_" + i), perConfig, caseSeed,
                    profile));
        }
        List<VerifyResult> results = cases.size() == 1
                ? List.of(Verifier.verify(cases.get(0).manifest(), cases.get(0).golden(), cases.get(0).stimulus()))
                : verifyBundle(cases, console);
        return report(results, spec.commandLine().getOut());
    }

    /**
     * Bundles of at most {@link #BUNDLE_SIZE} configurations: one Verilator build for hundreds of
     * units grows past 10 GB and hours of C++ compilation, a few dozen build in well under a minute.
     */
    private List<VerifyResult> verifyBundle(List<BundleCase> cases, ProgressConsole console) {
        List<VerifyResult> results = new ArrayList<>();
        int bundles = (cases.size() + BUNDLE_SIZE - 1) / BUNDLE_SIZE;
        try (Progress progress = console.start("verify " + kind.kind().name(), cases.size(), "configs")) {
            for (int from = 0, b = 1; from < cases.size(); from += BUNDLE_SIZE, b++) {
                List<BundleCase> part = cases.subList(from, Math.min(cases.size(), from + BUNDLE_SIZE));
                BundleResult r = BundleVerifier.verify(part);
                results.addAll(r.results());
                long failed = results.stream().filter(v -> !v.passed()).count();
                progress.detail(failed == 0 ? "" : failed + " failed");
                progress.advance(part.size(), part.size(), "bundle " + b + " of " + bundles + " verified");
            }
        }
        return results;
    }

    private int report(List<VerifyResult> results, PrintWriter out) {
        long outputs = 0;
        long rtl = 0;
        long golden = 0;
        VerifyResult failed = null;
        for (int i = 0; i < results.size(); i++) {
            VerifyResult r = results.get(i);
            if (results.size() > 1) {
                out.println("config " + (i + 1) + ": " + r.summaryLine());
            } else if (!r.detail().isEmpty() && !r.passed()) {
                out.println(r.detail());
            }
            if (!r.passed() && failed == null) {
                failed = r;
            }
            if (r.passed()) {
                outputs += r.golden().outputCount();
                rtl += r.rtl().trace().totalCycles();
                golden += r.golden().totalCycles();
            }
        }
        if (failed != null) {
            out.println(failed.summaryLine() + (results.size() > 1 ? " (config " + (results.indexOf(failed) + 1) + ")" : ""));
            return 1;
        }
        out.println("PASS outputs=" + outputs + " rtl_cycles=" + rtl + " golden_cycles=" + golden
                + (results.size() > 1 ? " configs=" + results.size() : ""));
        return 0;
    }
}
