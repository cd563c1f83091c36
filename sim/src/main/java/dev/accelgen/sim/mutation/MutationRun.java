package dev.accelgen.sim.mutation;

import dev.accelgen.sim.GoldenModel;
import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.StreamStimulus;
import dev.accelgen.sim.Trace;
import dev.accelgen.sim.TraceComparator;
import dev.accelgen.sim.VerifyResult;
import dev.accelgen.sim.bundle.Bundle;
import dev.accelgen.sim.bundle.BundleVerifier;
import dev.accelgen.sim.manifest.Manifest;
import dev.accelgen.sim.tools.ScratchDirs;
import dev.accelgen.sim.verilator.BuildOptions;
import dev.accelgen.sim.verilator.HarnessSpec;
import dev.accelgen.sim.verilator.RtlRun;
import dev.accelgen.sim.verilator.RunLimits;
import dev.accelgen.sim.verilator.VerilatorModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Mutation testing of one unit: Yosys mutants ({@link YosysMutator}) verified against the unit's golden model
 * exactly as the unit itself is, several mutants side by side in one Verilator build ({@link Bundle}; mutant
 * netlists are Yosys-written, so they build with lint warnings not fatal). A mutant is killed when the standard
 * stimulus fails it; a survivor is run on every strong stimulus (longer, other seeds) on the same binary and
 * is then {@link MutantVerdict#SURVIVED} if one of them fails it, else {@link MutantVerdict#EQUIVALENT_SUSPECTED}.
 * The first bundle carries the unmutated netlist as a control, which must pass.
 *
 * <p>Runs stop after four times the golden model's cycles (a correct unit is cycle-exact, so a slower one is
 * wrong anyway). One stuck unit keeps a bundle's run going to that limit; a unit whose events all matched and
 * whose input beats were all accepted is then judged on its own, not failed for the other's timeout.
 */
public final class MutationRun {
    /** One mutant's verdict and, when it failed, the first failure line. */
    public record Result(Mutation mutation, MutantVerdict verdict, String reason) {
    }

    /** Mutants per Verilator build, build options (lint must not be fatal) and where progress goes. */
    public record Settings(int bundleSize, BuildOptions options, PrintWriter progress) {
        public Settings {
            if (bundleSize < 1) {
                throw new IllegalArgumentException("bundle size must be >= 1, got " + bundleSize);
            }
            options = options.lintNotFatal();
        }
    }

    private record Check(Stimulus stimulus, Trace expected, RunLimits limits) {
        static Check of(GoldenModel golden, Stimulus s) {
            Trace t = golden.run(s);
            long max = 4 * t.totalCycles() + 10_000;
            return new Check(s, t, new RunLimits(RunLimits.DEFAULT.resetCycles(), RunLimits.DEFAULT.idleLimit(), max)
                    .atLeast(t.totalCycles() + 1));
        }
    }

    private MutationRun() {
    }

    public static List<Result> run(Manifest unit, GoldenModel golden, Stimulus standard, List<Stimulus> strong,
                                   List<Mutation> mutations, YosysMutator.Mutants mutants, Settings settings) {
        Check std = Check.of(golden, standard);
        List<Check> strongChecks = strong.stream().map(s -> Check.of(golden, s)).toList();
        List<Result> results = new ArrayList<>();
        int bundles = (mutations.size() + settings.bundleSize() - 1) / settings.bundleSize();
        for (int b = 0; b < bundles; b++) {
            int from = b * settings.bundleSize();
            int to = Math.min(mutations.size(), from + settings.bundleSize());
            List<Manifest> units = new ArrayList<>();
            if (b == 0) {
                units.add(mutants.control());
            }
            units.addAll(mutants.mutants().subList(from, to));
            settings.progress().printf("[mutation] bundle %d/%d: mutants %d..%d of %s%n", b + 1, bundles, from, to - 1,
                    unit.top());
            settings.progress().flush();
            List<Result> part = verifySplitting(units, b == 0, mutations.subList(from, to), std, strongChecks, settings);
            for (Result r : part) {
                settings.progress().printf("[mutation] m%d %s %s%s%n", r.mutation().id(), r.mutation().mode(),
                        r.verdict().name().toLowerCase().replace('_', '-'), r.reason().isEmpty() ? "" : ": " + r.reason());
            }
            settings.progress().flush();
            results.addAll(part);
        }
        return results;
    }

    /**
     * A bundle whose build or run fails (a mutant that stops the simulation, say) is verified again in halves;
     * a single mutant that still fails is killed by that failure. The control must never fail this way.
     */
    private static List<Result> verifySplitting(List<Manifest> units, boolean withControl, List<Mutation> mutations,
                                                Check std, List<Check> strong, Settings settings) {
        try {
            return verifyBundle(units, withControl, mutations, std, strong, settings);
        } catch (IllegalStateException | UncheckedIOException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage().strip().lines().findFirst().orElse("");
            if (withControl) {
                verifyBundle(units.subList(0, 1), true, List.of(), std, strong, settings);
                return verifySplitting(units.subList(1, units.size()), false, mutations, std, strong, settings);
            }
            if (mutations.size() == 1) {
                return List.of(new Result(mutations.get(0), MutantVerdict.KILLED, "harness error: " + why));
            }
            int half = mutations.size() / 2;
            settings.progress().println("[mutation] bundle failed (" + why + "), verifying it in halves");
            List<Result> out = new ArrayList<>(verifySplitting(units.subList(0, half), false, mutations.subList(0, half),
                    std, strong, settings));
            out.addAll(verifySplitting(units.subList(half, units.size()), false, mutations.subList(half, mutations.size()),
                    std, strong, settings));
            return out;
        }
    }

    private static List<Result> verifyBundle(List<Manifest> units, boolean withControl, List<Mutation> mutations,
                                             Check std, List<Check> strong, Settings settings) {
        Bundle bundle = Bundle.of(units);
        VerilatorModel model = BundleVerifier.build(bundle, settings.options());
        int first = withControl ? 1 : 0;
        List<String> failures = failures(bundle, model, std);
        if (withControl && !failures.get(0).isEmpty()) {
            throw new IllegalStateException("the unmutated Yosys netlist of " + units.get(0).top()
                    + " fails verification, so mutants cannot be judged: " + failures.get(0));
        }
        List<String> strongFailure = new ArrayList<>(Collections.nCopies(units.size(), ""));
        for (Check c : strong) {
            boolean survivorLeft = false;
            for (int u = first; u < units.size(); u++) {
                survivorLeft |= failures.get(u).isEmpty() && strongFailure.get(u).isEmpty();
            }
            if (!survivorLeft) {
                break;
            }
            List<String> f = failures(bundle, model, c);
            for (int u = first; u < units.size(); u++) {
                if (strongFailure.get(u).isEmpty()) {
                    strongFailure.set(u, f.get(u));
                }
            }
        }
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < mutations.size(); i++) {
            int u = first + i;
            if (!failures.get(u).isEmpty()) {
                results.add(new Result(mutations.get(i), MutantVerdict.KILLED, failures.get(u)));
            } else if (!strongFailure.get(u).isEmpty()) {
                results.add(new Result(mutations.get(i), MutantVerdict.SURVIVED, strongFailure.get(u)));
            } else {
                results.add(new Result(mutations.get(i), MutantVerdict.EQUIVALENT_SUSPECTED, ""));
            }
        }
        return results;
    }

    /** Per unit the first failure line under this check, or "" when it passes. */
    private static List<String> failures(Bundle bundle, VerilatorModel model, Check c) {
        List<Stimulus> same = Collections.nCopies(bundle.units().size(), c.stimulus());
        // each unit's stalls, latencies and junk drawn as they are alone, so the golden trace holds for every unit
        RtlRun run = model.run(bundle.merge(same), c.limits(), bundle.channelSeeds(same));
        List<String> out = new ArrayList<>();
        for (int u = 0; u < bundle.units().size(); u++) {
            RtlRun mine = bundle.split(run, u);
            VerifyResult r = TraceComparator.compare(HarnessSpec.of(bundle.units().get(u)), c.expected(), mine,
                    c.stimulus().seed());
            boolean othersTimeout = !r.passed() && r.summaryLine().startsWith("FAIL timeout") && acceptedAll(mine, c.stimulus());
            out.add(r.passed() || othersTimeout ? "" : r.summaryLine());
        }
        return out;
    }

    private static boolean acceptedAll(RtlRun run, Stimulus s) {
        for (StreamStimulus st : s.streams()) {
            long n = run.acceptances().stream().filter(a -> a.stream().equals(st.stream())).count();
            if (n != st.beats().size()) {
                return false;
            }
        }
        return true;
    }

    /** Lists {@code count} mutations of {@code unit}, writes them into a scratch directory and verifies them. */
    public static List<Result> run(Manifest unit, GoldenModel golden, Stimulus standard, List<Stimulus> strong,
                                   int count, long seed, Settings settings) {
        Path work = null;
        try {
            work = Files.createTempDirectory("accelgen-mutation-");
            List<Mutation> mutations = YosysMutator.list(unit, count, seed, work);
            settings.progress().printf("[mutation] %d mutations of %s (seed %d)%n", mutations.size(), unit.top(), seed);
            YosysMutator.Mutants mutants = YosysMutator.write(unit, mutations, work);
            return run(unit, golden, standard, strong, mutations, mutants, settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (work != null) {
                ScratchDirs.deleteQuietly(work);
            }
        }
    }
}
