package dev.accelgen.boards.fit;

import dev.accelgen.boards.model.Resources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resource estimate with Yosys {@code synth_xilinx -family xcup} (UltraScale+ cells, no I/O buffers).
 * Counted as Vivado would bill them: LUT1..LUT6 (+ LUTRAM cells) as LUTs, FD* as FFs, DSP48E2, RAMB36E2 plus half a
 * RAMB18E2 as BRAM36 (rounded up), URAM288. An estimate: Vivado's own mapping differs (CARRY8, retiming).
 */
public final class YosysResources {
    private static final Pattern CELL = Pattern.compile("^\\s+(\\S+)\\s+(\\d+)\\s*$");

    private YosysResources() {
    }

    /** Cell counts of the whole hierarchy below {@code top}. */
    public static Map<String, Long> cells(List<Path> files, String top) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("accelgen-yosys");
            Path script = dir.resolve("synth.ys");
            List<String> lines = new ArrayList<>();
            for (Path f : files) {
                lines.add("read_verilog " + f.toAbsolutePath());
            }
            lines.add("synth_xilinx -family xcup -noiopad -noclkbuf -flatten -top " + top);
            lines.add("tee -o " + dir.resolve("stat.txt") + " stat");
            Files.write(script, lines, StandardCharsets.UTF_8);
            Process p = new ProcessBuilder("yosys", "-q", "-s", script.toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("yosys.log").toFile()).start();
            if (!p.waitFor(600, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("yosys did not finish within 600 s on " + top);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("yosys failed on " + top + ": " + Files.readString(dir.resolve("yosys.log")));
            }
            Path log = dir.resolve("stat.txt");
            Map<String, Long> cells = new TreeMap<>();
            boolean inCells = false;
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (line.contains("Number of cells:")) {
                    inCells = true;
                    continue;
                }
                Matcher m = CELL.matcher(line);
                if (inCells && m.matches()) {
                    cells.merge(m.group(1), Long.parseLong(m.group(2)), Long::sum);
                } else if (inCells && line.isBlank()) {
                    inCells = false;
                }
            }
            return cells;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running yosys", e);
        } finally {
            if (dir != null) {
                dev.accelgen.boards.TempDirs.delete(dir);
            }
        }
    }

    /** Billed resources from Yosys cell counts. */
    public static Resources resources(Map<String, Long> cells) {
        long lut = 0;
        long ff = 0;
        long dsp = 0;
        long bram18 = 0;
        long uram = 0;
        for (Map.Entry<String, Long> e : cells.entrySet()) {
            String c = e.getKey();
            long n = e.getValue();
            if (c.matches("LUT[1-6]") || c.startsWith("RAM32") || c.startsWith("RAM64") || c.startsWith("RAM128")
                    || c.startsWith("RAM256") || c.startsWith("SRL")) {
                lut += n;
            } else if (c.matches("FD[CPRS]E?(_1)?")) {
                ff += n;
            } else if (c.startsWith("DSP48")) {
                dsp += n;
            } else if (c.equals("RAMB36E2")) {
                bram18 += 2 * n;
            } else if (c.equals("RAMB18E2")) {
                bram18 += n;
            } else if (c.equals("URAM288")) {
                uram += n;
            }
        }
        return new Resources(lut, ff, dsp, (bram18 + 1) / 2, uram);
    }
}
