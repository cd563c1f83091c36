package dev.accelgen.sim.tools;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs a Yosys script (given as -p) over Verilog files and returns its log. */
final class YosysScripts {
    private YosysScripts() {
    }

    static ToolProcess.Output run(List<Path> files, String tail) {
        StringBuilder script = new StringBuilder();
        for (Path f : files) {
            script.append("read_verilog ").append(quote(f)).append("; ");
        }
        script.append(tail);
        List<String> cmd = new ArrayList<>(List.of("yosys", "-p", script.toString()));
        return ToolProcess.run(cmd, null, Duration.ofMinutes(30));
    }

    /** Yosys splits -p scripts on ';' and whitespace: refuse paths it would misread. */
    static String quote(Path f) {
        String s = f.toString();
        if (s.contains(";") || s.contains(" ") || s.contains("\"")) {
            throw new IllegalArgumentException("Yosys cannot read a path containing ';', spaces or quotes: " + s);
        }
        return s;
    }
}
