package dev.accelgen.sim.verilator;

import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.files.TempDir;
import dev.accelgen.sim.manifest.Manifest;
import dev.accelgen.sim.stress.ChannelSeeds;
import dev.accelgen.sim.tools.ToolProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A built Verilator harness for one design: run it on any number of stimuli without rebuilding.
 * Each run writes the stimulus file, executes the binary once (no per-cycle JNI) and parses the
 * trace.
 */
public final class VerilatorModel {
    private final HarnessSpec spec;
    private final VerilatorBuild.Result build;

    public VerilatorModel(HarnessSpec spec, VerilatorBuild.Result build) {
        this.spec = spec;
        this.build = build;
    }

    public static VerilatorModel build(Manifest manifest) {
        return build(manifest, BuildOptions.DEFAULT);
    }

    public static VerilatorModel build(Manifest manifest, BuildOptions options) {
        HarnessSpec spec = HarnessSpec.of(manifest);
        return new VerilatorModel(spec, VerilatorBuild.build(spec, manifest.simulationSources(), options));
    }

    public HarnessSpec spec() {
        return spec;
    }

    public VerilatorBuild.Result buildResult() {
        return build;
    }

    public RtlRun run(Stimulus stimulus) {
        return run(stimulus, RunLimits.DEFAULT);
    }

    public RtlRun run(Stimulus stimulus, RunLimits limits) {
        return run(stimulus, limits, ChannelSeeds.of(stimulus.seed()));
    }

    /** With the random channels seeded by {@code seeds} (a bundle maps its names back to each unit's). */
    public RtlRun run(Stimulus stimulus, RunLimits limits, ChannelSeeds seeds) {
        String text = StimulusFileWriter.write(spec, stimulus, limits, seeds);
        try (TempDir work = TempDir.inScratch("run")) {
            Path dir = work.path();
            Path in = dir.resolve("stimulus.txt");
            Path out = dir.resolve("trace.txt");
            Files.writeString(in, text);
            long t0 = System.nanoTime();
            ToolProcess.Output o = ToolProcess.run(List.of(build.executable().toString(), in.toString(), out.toString()),
                    dir, Duration.ofHours(2));
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (o.exitCode() != 0) {
                throw new IllegalStateException("harness of " + spec.top() + " failed (exit " + o.exitCode() + "): "
                        + o.combined().trim());
            }
            return TraceFileParser.parse(Files.readString(out), spec, seconds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
