package dev.accelgen.sim.tools;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * UltraScale+ resources from a Yosys {@code synth_xilinx -family xcup} run: lut = LUT1..LUT6,
 * ff = FD* cells, carry4 = CARRY4 (Yosys never emits CARRY8), dsp48e2, bram36 = RAMB36E2 +
 * RAMB18E2 / 2, uram = URAM288; {@code cells} is the full cell-type histogram (black boxes
 * included).
 */
public record ResourceCounts(int lut, int ff, int carry4, int dsp48e2, double bram36, int uram, Map<String, Integer> cells) {
    public ResourceCounts {
        cells = Collections.unmodifiableMap(new TreeMap<>(cells));
    }

    public static ResourceCounts of(Map<String, Integer> cells) {
        int lut = 0;
        int ff = 0;
        for (Map.Entry<String, Integer> e : cells.entrySet()) {
            if (e.getKey().matches("LUT[1-6]")) {
                lut += e.getValue();
            } else if (e.getKey().startsWith("FD")) {
                ff += e.getValue();
            }
        }
        return new ResourceCounts(lut, ff, cells.getOrDefault("CARRY4", 0), cells.getOrDefault("DSP48E2", 0),
                cells.getOrDefault("RAMB36E2", 0) + cells.getOrDefault("RAMB18E2", 0) / 2.0,
                cells.getOrDefault("URAM288", 0), cells);
    }
}
