package dev.accelgen.sim.tools;

import dev.accelgen.hdl.Design;
import dev.accelgen.sim.manifest.Manifest;
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
 * The one resource estimate of the project ({@code pe report}, the board fit check of {@code generate}, the
 * tables in the docs): {@code synth_xilinx -family xcup -noiopad -noclkbuf -flatten [-nodsp] -top T; stat},
 * billed by {@link ResourceCounts}. Flattening gives one cell table for the whole design (as Vivado's default
 * {@code -flatten_hierarchy rebuilt} optimizes across modules); primitives without a Yosys model (DSP48E2
 * instances) stay cells and are counted. Several designs go through ONE Yosys process.
 */
public final class YosysSynth {
    private static final Pattern CELL_LINE = Pattern.compile("^\\s+(\\S+)\\s+(\\d+)\\s*$");

    /** One design to synthesize; {@code noDsp} keeps every multiplier in fabric. */
    public record Job(List<Path> files, String top, boolean noDsp) {
        public Job {
            files = List.copyOf(files);
        }

        public static Job of(Manifest m) {
            return new Job(m.synthesisSources(), m.top(), false);
        }

        /** Emits an elaborated design into {@code dir} and names its synthesis sources. */
        public static Job emit(Design d, Path dir, boolean noDsp) {
            d.emit(dir);
            return new Job(d.sourceFiles().stream().map(dir::resolve).toList(), d.topName(), noDsp);
        }
    }

    private YosysSynth() {
    }

    public static ResourceCounts synth(Manifest manifest) {
        return synth(manifest.synthesisSources(), manifest.top());
    }

    public static ResourceCounts synth(List<Path> files, String top) {
        return synthesize(List.of(new Job(files, top, false))).get(0);
    }

    /** Every job's resources, in order, from one Yosys run. */
    public static List<ResourceCounts> synthesize(List<Job> jobs) {
        Path work = null;
        try {
            work = Files.createTempDirectory("accelgen-yosys-");
            StringBuilder script = new StringBuilder();
            List<Path> stats = new ArrayList<>();
            for (int i = 0; i < jobs.size(); i++) {
                Job j = jobs.get(i);
                Path stat = work.resolve("stat_" + i + ".txt");
                stats.add(stat);
                script.append("design -reset\n");
                for (Path f : j.files()) {
                    script.append("read_verilog ").append(YosysScripts.quote(f.toAbsolutePath())).append('\n');
                }
                script.append("synth_xilinx -family xcup -noiopad -noclkbuf -flatten").append(j.noDsp() ? " -nodsp" : "")
                        .append(" -top ").append(j.top()).append('\n')
                        .append("tee -q -o ").append(YosysScripts.quote(stat)).append(" stat\n");
            }
            Path ys = work.resolve("resources.ys");
            Files.writeString(ys, script.toString());
            ToolProcess.Output out = ToolProcess.run(List.of("yosys", "-q", "-s", ys.toString()), work,
                    Duration.ofMinutes(60));
            if (out.exitCode() != 0) {
                throw new IllegalStateException("yosys synth_xilinx failed (exit " + out.exitCode() + "): "
                        + lastError(out.combined()));
            }
            List<ResourceCounts> result = new ArrayList<>();
            for (Path stat : stats) {
                result.add(ResourceCounts.of(parseStat(Files.readString(stat))));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (work != null) {
                ScratchDirs.deleteQuietly(work);
            }
        }
    }

    /** Cell histogram of the last "Number of cells" table in a Yosys stat report. */
    static Map<String, Integer> parseStat(String log) {
        String[] lines = log.split("\n");
        int start = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].trim().startsWith("Number of cells:")) {
                start = i + 1;
            }
        }
        if (start < 0) {
            throw new IllegalStateException("yosys stat has no 'Number of cells' table");
        }
        Map<String, Integer> cells = new LinkedHashMap<>();
        for (int i = start; i < lines.length; i++) {
            Matcher m = CELL_LINE.matcher(lines[i]);
            if (!m.matches()) {
                break;
            }
            cells.merge(m.group(1), Integer.parseInt(m.group(2)), Integer::sum);
        }
        return cells;
    }

    private static String lastError(String log) {
        String err = "";
        for (String line : log.split("\n")) {
            if (line.startsWith("ERROR")) {
                err = line.trim();
            }
        }
        return err.isEmpty() ? "no ERROR line in the log" : err;
    }
}
