package dev.accelgen.boards.fit;

import dev.accelgen.boards.model.Resources;
import dev.accelgen.sim.tools.YosysSynth;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resource estimate with the sim module's Yosys runner ({@code synth_xilinx -family xcup}, flattened, no I/O
 * buffers), billed as Vivado bills UltraScale+ resources: LUT1..LUT6 plus LUTRAM and SRL cells as LUTs, FD* as
 * FFs, DSP48E2, RAMB36E2 plus half a RAMB18E2 as BRAM36 (rounded up), URAM288. An estimate: Vivado maps
 * differently (CARRY8, LUT combining, INV absorption).
 */
public final class YosysResources {
    private YosysResources() {
    }

    /** Cell counts of the whole hierarchy below {@code top}. */
    public static Map<String, Long> cells(List<Path> files, String top) {
        Map<String, Long> cells = new TreeMap<>();
        YosysSynth.synth(files, top).cells().forEach((c, n) -> cells.put(c, (long) n));
        return cells;
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
