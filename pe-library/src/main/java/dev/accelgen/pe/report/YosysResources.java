package dev.accelgen.pe.report;

import dev.accelgen.hdl.Design;
import dev.accelgen.sim.tools.ToolProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Synthesizes several designs side by side in ONE Yosys process ({@code synth_xilinx -family xcup
 * -noiopad -noclkbuf}, optionally {@code -nodsp}) and returns each one's cell counts. Only the
 * synthesis sources are read; hand-instantiated primitives (LUT6_2, CARRY4) are Yosys library cells.
 */
public final class YosysResources {
    private static final Pattern CELL = Pattern.compile("^\\s+(\\S+)\\s+(\\d+)\\s*$");

    /** One design to synthesize; {@code noDsp} keeps every multiplier in fabric. */
    public record Job(Design design, boolean noDsp) {
    }

    private YosysResources() {
    }

    public static List<Resources> synthesize(List<Job> jobs, Path work) {
        try {
            StringBuilder script = new StringBuilder();
            List<Path> stats = new ArrayList<>();
            for (int i = 0; i < jobs.size(); i++) {
                Job j = jobs.get(i);
                Path dir = work.resolve("u" + i);
                j.design().emit(dir);
                List<String> files = new ArrayList<>();
                for (String f : j.design().sourceFiles()) {
                    files.add(dir.resolve(f).toAbsolutePath().toString());
                }
                Path stat = dir.resolve("stat.txt").toAbsolutePath();
                stats.add(stat);
                script.append("design -reset\n")
                        .append("read_verilog ").append(String.join(" ", files)).append('\n')
                        .append("synth_xilinx -family xcup -noiopad -noclkbuf").append(j.noDsp() ? " -nodsp" : "")
                        .append(" -top ").append(j.design().topName()).append('\n')
                        .append("tee -q -o ").append(stat).append(" stat\n");
            }
            Path ys = work.resolve("resources.ys");
            Files.writeString(ys, script.toString());
            ToolProcess.Output out = ToolProcess.run(List.of("yosys", "-q", "-s", ys.toAbsolutePath().toString()),
                    work, Duration.ofMinutes(30));
            if (out.exitCode() != 0) {
                throw new IllegalStateException("yosys failed (exit " + out.exitCode() + "): " + lastLine(out.combined()));
            }
            List<Resources> result = new ArrayList<>();
            for (int i = 0; i < jobs.size(); i++) {
                result.add(Resources.of(jobs.get(i).design().topName(), parse(Files.readString(stats.get(i)))));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Long> parse(String stat) {
        Map<String, Long> cells = new LinkedHashMap<>();
        boolean inCells = false;
        // with submodules, the last block ("design hierarchy") holds the totals
        for (String line : stat.split("\n")) {
            if (line.contains("Number of cells:")) {
                inCells = true;
                cells.clear();
                continue;
            }
            Matcher m = CELL.matcher(line);
            if (inCells && m.matches()) {
                cells.merge(m.group(1), Long.parseLong(m.group(2)), Long::sum);
            } else if (inCells && !line.isBlank()) {
                inCells = false;
            }
        }
        return cells;
    }

    private static String lastLine(String s) {
        String[] lines = s.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }
}
