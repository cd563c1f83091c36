package dev.accelgen.cli.pe;

import dev.accelgen.cli.ForceOption;
import dev.accelgen.errors.OptionError;
import dev.accelgen.sim.StressProfile;
import dev.accelgen.sim.Trace;
import dev.accelgen.sim.bundle.BundleCase;
import dev.accelgen.sim.cocotb.StimulusFiles;
import dev.accelgen.sim.cocotb.TraceFiles;
import dev.accelgen.sim.files.OutputDir;
import dev.accelgen.sim.verilator.RunLimits;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code accelgen pe vectors <kind> ... --out DIR}: the unit's RTL and manifest (DIR/rtl) with random stimulus
 * (stressed as {@code pe verify} stresses it) and the golden model's trace (DIR/stimulus.json, DIR/expected.json) in the cocotb testbench's format, so
 * {@code sim/cocotb/runner.py} can hold any simulator to the golden model. The pytest suite generates its
 * units with it at test time.
 */
@Command(mixinStandardHelpOptions = true,
        description = "Write the unit's RTL, random stimulus and golden trace for the cocotb testbench.")
final class PeVectors extends KindRunner {
    /** Reset, idle limit and cycle limit of the run the files describe (at least the golden model's cycles). */
    static final RunLimits LIMITS = new RunLimits(4, 50, 1_000_000);

    @Option(names = "--out", required = true,
            description = "output directory: new, empty, or an earlier accelgen output (with --force)")
    Path out;

    @Option(names = "--vectors", description = "work items (default 20; 115 for rmsnorm)")
    Integer vectors;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Mixin
    ForceOption force;

    @Mixin
    StressOptions stress;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    PeVectors(CliKind<?> kind, KindOptions<?> options) {
        super(kind, options);
    }

    @Override
    public Integer call() {
        int count = vectorsOrDefault(vectors);
        if (count < 1) {
            throw new OptionError("--vectors", "must be >= 1 (got " + count + ")");
        }
        UnitJob<?> job = UnitJob.of(kind.kind(), options.toConfig());
        StressProfile profile = stress.profile(options.memLatencyRange());
        Path dir = OutputDir.write(out, "--out", force.force(), tmp -> {
            BundleCase c = job.emitCase(tmp.resolve("rtl"), count, seed, profile);
            Trace want = c.golden().run(c.stimulus());
            StimulusFiles.write(c.manifest(), c.stimulus(), LIMITS.atLeast(want.totalCycles() + 1), tmp.resolve("stimulus.json"));
            TraceFiles.write(c.manifest(), want, tmp.resolve("expected.json"));
        });
        spec.commandLine().getOut().println("wrote rtl/, stimulus.json and expected.json (" + count + " vectors, seed "
                + seed + ") to " + dir);
        return 0;
    }
}
