package dev.accelgen.sim.bundle;

import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.Trace;
import dev.accelgen.sim.TraceComparator;
import dev.accelgen.sim.VerifyResult;
import dev.accelgen.sim.files.TempDir;
import dev.accelgen.sim.manifest.Manifest;
import dev.accelgen.sim.verilator.BuildOptions;
import dev.accelgen.sim.verilator.HarnessSpec;
import dev.accelgen.sim.verilator.RtlRun;
import dev.accelgen.sim.verilator.RunLimits;
import dev.accelgen.sim.verilator.VerilatorBuild;
import dev.accelgen.sim.verilator.VerilatorModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies many unit configurations with ONE Verilator build and ONE simulation: the units run
 * side by side in a {@link Bundle}, and each unit's events are compared with its own golden model.
 */
public final class BundleVerifier {
    private BundleVerifier() {
    }

    public static BundleResult verify(List<BundleCase> cases) {
        return verify(cases, BuildOptions.DEFAULT, RunLimits.DEFAULT);
    }

    public static BundleResult verify(List<BundleCase> cases, BuildOptions options, RunLimits limits) {
        List<Manifest> manifests = cases.stream().map(BundleCase::manifest).toList();
        Bundle bundle = Bundle.of(manifests);
        VerilatorModel model = build(bundle, options);
        List<Trace> expected = cases.stream().map(c -> c.golden().run(c.stimulus())).toList();
        long longest = expected.stream().mapToLong(Trace::totalCycles).max().orElse(0);
        List<Stimulus> stimuli = cases.stream().map(BundleCase::stimulus).toList();
        RtlRun run = model.run(bundle.merge(stimuli), limits.atLeast(longest + 1), bundle.channelSeeds(stimuli));
        List<VerifyResult> results = new ArrayList<>();
        for (int u = 0; u < cases.size(); u++) {
            BundleCase c = cases.get(u);
            Stimulus s = c.stimulus();
            results.add(TraceComparator.compare(HarnessSpec.of(c.manifest()), expected.get(u), bundle.split(run, u), s.seed()));
        }
        return new BundleResult(results, model.buildResult());
    }

    /** Builds (or finds in the cache) the bundle's harness. */
    public static VerilatorModel build(Bundle bundle, BuildOptions options) {
        try (TempDir work = TempDir.inScratch("bundle")) {
            Path dir = work.path();
            Path wrapper = dir.resolve(Bundle.TOP + ".v");
            Files.writeString(wrapper, bundle.wrapperVerilog());
            List<Path> sources = new ArrayList<>(bundle.unitSources());
            sources.add(wrapper);
            return new VerilatorModel(bundle.spec(), VerilatorBuild.build(bundle.spec(), sources, options));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
