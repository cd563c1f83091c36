package dev.accelgen.sim.tools;

import dev.accelgen.sim.manifest.Manifest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Structural check of synthesis sources: {@code hierarchy -check -top T; proc; check -assert}.
 * Xilinx primitives (DSP48E2, RAMB36E2, ...) are loaded as black boxes from Yosys's own cell
 * library so that instantiating them is not an error; behavioural sim_files are not read.
 */
public final class YosysCheck {
    private YosysCheck() {
    }

    public static YosysResult check(Manifest manifest) {
        return check(manifest.synthesisSources(), manifest.top());
    }

    public static YosysResult check(List<Path> files, String top) {
        ToolProcess.Output out = YosysScripts.run(files, "read_verilog -lib +/xilinx/cells_sim.v; "
                + "read_verilog -lib +/xilinx/cells_xtra.v; hierarchy -check -top " + top + "; proc; check -assert");
        if (out.exitCode() == 0) {
            return new YosysResult(true, "", out.combined());
        }
        List<String> lines = new ArrayList<>();
        for (String line : out.combined().split("\n")) {
            if (line.startsWith("ERROR") || line.startsWith("Warning")) {
                lines.add(line.trim());
            }
        }
        return new YosysResult(false, lines.isEmpty() ? out.combined().trim() : String.join("\n", lines), out.combined());
    }
}
