package dev.accelgen.sim.bundle;

import dev.accelgen.sim.VerifyResult;
import dev.accelgen.sim.verilator.VerilatorBuild;
import java.util.List;

/** Per-unit verdicts (same order as the cases) and the one build they shared. */
public record BundleResult(List<VerifyResult> results, VerilatorBuild.Result build) {
    public BundleResult {
        results = List.copyOf(results);
    }

    public boolean allPassed() {
        return results.stream().allMatch(VerifyResult::passed);
    }
}
