package dev.accelgen.sim.tools;

import dev.accelgen.sim.manifest.Manifest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code verilator --lint-only -Wall} over a unit's files and sim_files with its top. The project
 * rule is zero warnings and no waivers, so any message counts.
 */
public final class VerilatorLint {
    private VerilatorLint() {
    }

    public static LintResult lint(Manifest manifest) {
        return lint(manifest.simulationSources(), manifest.top());
    }

    public static LintResult lint(List<Path> files, String top) {
        List<String> cmd = new ArrayList<>(List.of("verilator", "--lint-only", "-Wall", "--top-module", top));
        files.forEach(f -> cmd.add(f.toString()));
        ToolProcess.Output out = ToolProcess.run(cmd, null, Duration.ofMinutes(10));
        List<String> warnings = new ArrayList<>();
        for (String line : out.combined().split("\n")) {
            if (line.startsWith("%") && !line.startsWith("%Error: Exiting due to")) {
                warnings.add(line);
            }
        }
        if (out.exitCode() != 0 && warnings.isEmpty()) {
            warnings.add("verilator exited with status " + out.exitCode() + ": " + out.combined().trim());
        }
        return new LintResult(warnings, out.combined());
    }
}
