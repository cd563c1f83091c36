package dev.accelgen.cli.pe;

import dev.accelgen.sim.tools.ScratchDirs;
import dev.accelgen.sim.Verifier;
import dev.accelgen.sim.VerifyResult;
import dev.accelgen.sim.bundle.BundleCase;
import dev.accelgen.sim.bundle.BundleResult;
import dev.accelgen.sim.bundle.BundleVerifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code accelgen pe verify <kind> ...}: runs the generated RTL in Verilator against the golden model on
 * random stimulus. The last line is {@code PASS outputs=<n> rtl_cycles=<c> golden_cycles=<c>} or
 * {@code FAIL ...}; exit status 0 or 1. With {@code --configs N}, N random valid configurations are
 * verified together in one Verilator build.
 */
@Command(mixinStandardHelpOptions = true, description = "Verify the unit's RTL against its golden model in Verilator.")
final class PeVerify extends KindRunner {
    static final int BUNDLE_SIZE = 40;

    @Option(names = "--vectors", description = "work items per configuration (default 20; 115 for rmsnorm, its table entries and exponents)")
    Integer vectors;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--configs", defaultValue = "0",
            description = "verify N random valid configurations instead of the one given by the options")
    int configs;

    @Option(names = "--keep", description = "keep the generated RTL in this directory")
    Path keep;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    PeVerify(CliKind<?> kind, KindOptions<?> options) {
        super(kind, options);
    }

    @Override
    public Integer call() throws IOException {
        int perConfig = vectorsOrDefault(vectors);
        if (perConfig < 1) {
            throw new IllegalArgumentException("--vectors must be >= 1 (got " + perConfig + ")");
        }
        if (configs < 0) {
            throw new IllegalArgumentException("--configs must be >= 0 (got " + configs + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<UnitJob<?>> jobs = new ArrayList<>();
        if (configs == 0) {
            jobs.add(UnitJob.of(kind.kind(), options.toConfig()));
        } else {
            Random rng = new Random(seed);
            for (int i = 0; i < configs; i++) {
                jobs.add(UnitJob.of(kind.kind(), kind.kind().randomConfig(rng)));
            }
        }
        Path work = keep != null ? keep : Files.createTempDirectory("accelgen-verify-");
        try {
            List<BundleCase> cases = new ArrayList<>();
            for (int i = 0; i < jobs.size(); i++) {
                long caseSeed = jobs.size() == 1 ? seed : seed * 1_000_003L + i;
                err.println("[" + (i + 1) + "/" + jobs.size() + "] " + jobs.get(i).config() + " seed=" + caseSeed);
                err.flush();
                cases.add(jobs.get(i).emitCase(work.resolve(jobs.size() == 1 ? "rtl" : "config_" + i), perConfig, caseSeed));
            }
            List<VerifyResult> results = cases.size() == 1
                    ? List.of(Verifier.verify(cases.get(0).manifest(), cases.get(0).golden(), cases.get(0).stimulus()))
                    : verifyBundle(cases);
            return report(results, out);
        } finally {
            if (keep == null) {
                ScratchDirs.delete(work);
            } else {
                err.println("RTL kept in " + keep.toAbsolutePath());
            }
        }
    }

    /**
     * Bundles of at most {@link #BUNDLE_SIZE} configurations: one Verilator build for hundreds of
     * units grows past 10 GB and hours of C++ compilation, a few dozen build in well under a minute.
     */
    private static List<VerifyResult> verifyBundle(List<BundleCase> cases) {
        List<VerifyResult> results = new ArrayList<>();
        for (int from = 0; from < cases.size(); from += BUNDLE_SIZE) {
            BundleResult r = BundleVerifier.verify(cases.subList(from, Math.min(cases.size(), from + BUNDLE_SIZE)));
            results.addAll(r.results());
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
                outputs += r.golden().events().size();
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
