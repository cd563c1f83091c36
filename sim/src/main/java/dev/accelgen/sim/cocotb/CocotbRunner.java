package dev.accelgen.sim.cocotb;

import dev.accelgen.sim.GoldenModel;
import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.Trace;
import dev.accelgen.sim.manifest.Manifest;
import dev.accelgen.sim.tools.ToolProcess;
import dev.accelgen.sim.verilator.RunLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs a unit under cocotb + Icarus from Java: writes stimulus.json and expected.json (from the
 * golden model) into {@code workDir}, unpacks the Python testbench shipped in this jar, and runs
 * {@code runner.py} with the venv's Python ({@code $ACCELGEN_PYTHON}, else the nearest
 * {@code .venv/bin/python} above the working directory, as created by scripts/ensure-tools.sh).
 */
public final class CocotbRunner {
    private static final List<String> PY_FILES = List.of("accelgen_prng.py", "accelgen_compare.py", "accelgen_tb.py",
            "accelgen_cocotb_test.py", "runner.py");

    private CocotbRunner() {
    }

    public static CocotbResult run(Manifest manifest, GoldenModel golden, Stimulus stimulus, RunLimits limits, Path workDir) {
        Path manifestFile = manifest.dir().resolve(manifest.top() + ".manifest.json");
        if (!Files.isRegularFile(manifestFile)) {
            throw new IllegalArgumentException("cocotb needs the manifest file " + manifestFile + " next to the sources");
        }
        try {
            Files.createDirectories(workDir);
            Path py = Files.createDirectories(workDir.resolve("py"));
            for (String f : PY_FILES) {
                try (InputStream in = CocotbRunner.class.getResourceAsStream("py/" + f)) {
                    if (in == null) {
                        throw new IllegalStateException("cocotb testbench file " + f + " is missing from the sim jar");
                    }
                    Files.write(py.resolve(f), in.readAllBytes());
                }
            }
            Path stim = workDir.resolve("stimulus.json");
            Path expected = workDir.resolve("expected.json");
            Path actual = workDir.resolve("actual.json");
            Files.deleteIfExists(actual);
            Trace want = golden.run(stimulus);
            StimulusFiles.write(manifest, stimulus, limits.atLeast(want.totalCycles() + 1), stim);
            TraceFiles.write(manifest, want, expected);
            ToolProcess.Output out = ToolProcess.run(List.of(python().toString(), py.resolve("runner.py").toString(),
                    "--manifest", manifestFile.toString(), "--stimulus", stim.toString(), "--expected", expected.toString(),
                    "--actual", actual.toString(), "--build-dir", workDir.resolve("build").toString()), workDir,
                    Duration.ofHours(1));
            String[] lines = out.stdout().strip().split("\n");
            String summary = lines[lines.length - 1];
            if (out.exitCode() != 0 && out.exitCode() != 1 || !(summary.startsWith("PASS") || summary.startsWith("FAIL"))) {
                throw new IllegalStateException("cocotb runner failed (exit " + out.exitCode() + "): " + out.combined().strip());
            }
            return new CocotbResult(out.exitCode() == 0, summary,
                    Files.isRegularFile(actual) ? TraceFiles.read(manifest, actual) : null, out.combined());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Python that has cocotb: $ACCELGEN_PYTHON, else .venv/bin/python in the working directory or above. */
    public static Path python() {
        String env = System.getenv("ACCELGEN_PYTHON");
        if (env != null && !env.isEmpty()) {
            return Path.of(env);
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path p = d.resolve(".venv").resolve("bin").resolve("python");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new IllegalStateException("no .venv with cocotb found above " + Path.of("").toAbsolutePath()
                + ": run scripts/ensure-tools.sh (or set ACCELGEN_PYTHON)");
    }
}
