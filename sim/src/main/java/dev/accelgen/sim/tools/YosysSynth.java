package dev.accelgen.sim.tools;

import dev.accelgen.sim.manifest.Manifest;
import dev.accelgen.sim.progress.Progress;
import dev.accelgen.sim.progress.ProgressConsole;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resource estimate: {@code synth_xilinx -family xcup -noiopad -noclkbuf -flatten -top T; stat},
 * parsed into {@link ResourceCounts}. Flattening gives one cell table for the whole design;
 * primitives without a Yosys model (DSP48E2 instances) stay as cells and are counted. Results are cached by content
 * ({@link SynthCache}).
 */
public final class YosysSynth {
    private static final Pattern CELL_LINE = Pattern.compile("^\\s+(\\S+)\\s+(\\d+)$");
    private static volatile String version;

    private YosysSynth() {
    }

    public static ResourceCounts synth(Manifest manifest) {
        return synth(manifest.synthesisSources(), manifest.top());
    }

    /** Synthesizes {@code top}, or takes its cell table from the cache ({@link SynthCache}) when these files were synthesized before. */
    public static ResourceCounts synth(List<Path> files, String top) {
        String script = "synth_xilinx -family xcup -noiopad -noclkbuf -flatten -top " + top + "; stat";
        String key = SynthCache.key(version(), script, files);
        Map<String, Integer> cached = SynthCache.get(key).orElse(null);
        if (cached != null) {
            return ResourceCounts.of(cached);
        }
        ToolProcess.Output out;
        try (Progress progress = ProgressConsole.stderr().startIndeterminate("synthesizing " + top + " with Yosys")) {
            out = YosysScripts.run(files, script);
        }
        if (out.exitCode() != 0) {
            throw new IllegalStateException("yosys synth_xilinx of " + top + " failed: " + lastError(out.combined()));
        }
        Map<String, Integer> cells = parseStat(out.stdout());
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

    /** Cell histogram of the last "Number of cells" table in a Yosys log. */
    static Map<String, Integer> parseStat(String log) {
        String[] lines = log.split("\n");
        int start = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].trim().startsWith("Number of cells:")) {
                start = i + 1;
            }
        }
        if (start < 0) {
            throw new IllegalStateException("yosys log has no 'Number of cells' table");
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
