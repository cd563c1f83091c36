package dev.accelgen.sim.tools;

import dev.accelgen.hdl.Design;
import dev.accelgen.sim.files.TempDir;
import dev.accelgen.sim.manifest.Manifest;
import dev.accelgen.sim.progress.Progress;
import dev.accelgen.sim.progress.ProgressConsole;
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
 * instances) stay cells and are counted. Results are cached by
 * content ({@link SynthCache}).
 */
public final class YosysSynth {
    private static final Pattern CELL_LINE = Pattern.compile("^\\s+(\\S+)\\s+(\\d+)\\s*$");
    private static volatile String version;

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

    /** Synthesizes {@code top}, or takes its cell table from the cache ({@link SynthCache}) when these files were synthesized before. */
    public static ResourceCounts synth(List<Path> files, String top) {
        return synthesize(List.of(new Job(files, top, false))).get(0);
    }

    /**
     * Every job's resources, in order. Each design gets a fresh Yosys process: designs synthesized one after the
     * other in one process come out a few cells different (Yosys's naming state carries over), and the tables in
     * the docs must equal what {@code pe report} prints for the same configuration.
     */
    public static List<ResourceCounts> synthesize(List<Job> jobs) {
        try (TempDir work = TempDir.inScratch("yosys")) {
            List<ResourceCounts> result = new ArrayList<>();
            for (int i = 0; i < jobs.size(); i++) {
                result.add(synthesize(jobs.get(i), work.path().resolve("job" + i)));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ResourceCounts synthesize(Job j, Path dir) throws IOException {
        String command = "synth_xilinx -family xcup -noiopad -noclkbuf -flatten" + (j.noDsp() ? " -nodsp" : "") + " -top " + j.top();
        String key = SynthCache.key(version(), command + "; stat", j.files());
        Map<String, Integer> cached = SynthCache.get(key).orElse(null);
        if (cached != null) {
            return ResourceCounts.of(cached);
        }
        Files.createDirectories(dir);
        Path stat = dir.resolve("stat.txt");
        StringBuilder script = new StringBuilder();
        for (Path f : j.files()) {
            script.append("read_verilog ").append(YosysScripts.quote(f.toAbsolutePath())).append('\n');
        }
        script.append(command).append('\n')
                .append("tee -q -o ").append(YosysScripts.quote(stat)).append(" stat\n");
        Path ys = dir.resolve("synth.ys");
        Files.writeString(ys, script.toString());
        ToolProcess.Output out;
        try (Progress progress = ProgressConsole.stderr().startIndeterminate("synthesizing " + j.top() + " with Yosys")) {
            out = ToolProcess.run(List.of("yosys", "-q", "-s", ys.toString()), dir, Duration.ofMinutes(60));
        }
        if (out.exitCode() != 0) {
            throw new IllegalStateException("yosys synth_xilinx of " + j.top() + " failed (exit " + out.exitCode() + "): "
                    + lastError(out.combined()));
        }
        Map<String, Integer> cells = parseStat(Files.readString(stat));
        SynthCache.put(key, cells);
        return ResourceCounts.of(cells);
    }

    /** {@code yosys -V}: "Yosys 0.23 (git sha1 7ce5011c24b)". */
    public static String version() {
        String v = version;
        if (v == null) {
            v = ToolProcess.run(List.of("yosys", "-V"), null, Duration.ofSeconds(30)).stdout().trim();
            version = v;
        }
        return v;
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
