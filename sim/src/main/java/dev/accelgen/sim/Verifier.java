package dev.accelgen.sim;

import dev.accelgen.hdl.Design;
import dev.accelgen.sim.manifest.Manifest;
import dev.accelgen.sim.manifest.ManifestReader;
import dev.accelgen.sim.verilator.RtlRun;
import dev.accelgen.sim.verilator.RunLimits;
import dev.accelgen.sim.verilator.VerilatorModel;
import java.nio.file.Path;

/**
 * Runs a unit's golden model and its RTL (Verilator harness, built through the cache) on the same
 * stimulus and compares them event by event.
 */
public final class Verifier {
    private Verifier() {
    }

    /** Emits an elaborated hdl-gen design into {@code dir} and verifies it. */
    public static VerifyResult verify(Design design, Path dir, GoldenModel golden, Stimulus stimulus) {
        return verify(ManifestReader.read(design.emit(dir)), golden, stimulus);
    }

    public static VerifyResult verify(Manifest manifest, GoldenModel golden, Stimulus stimulus) {
        return verify(VerilatorModel.build(manifest), golden, stimulus, RunLimits.DEFAULT);
    }

    public static VerifyResult verify(VerilatorModel model, GoldenModel golden, Stimulus stimulus, RunLimits limits) {
        Trace expected = golden.run(stimulus);
        RtlRun actual = model.run(stimulus, limits.atLeast(expected.totalCycles() + 1));
        return TraceComparator.compare(model.spec(), expected, actual, stimulus.seed());
    }
}
