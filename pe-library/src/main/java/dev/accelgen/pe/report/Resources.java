package dev.accelgen.pe.report;

import java.util.Map;
import java.util.TreeMap;

/**
 * Yosys {@code synth_xilinx -family xcup} cell counts of one unit. {@code luts} counts every LUT
 * cell (LUT1..LUT6 and hand-placed LUT6_2, one physical LUT each); carries are CARRY4 units.
 */
public record Resources(String top, long luts, long ffs, long carry4, long dsp, long bram, long uram,
        Map<String, Long> cells) {
    public Resources {
        cells = new TreeMap<>(cells);
    }

    static Resources of(String top, Map<String, Long> cells) {
        long lut = 0;
        long ff = 0;
        long carry = 0;
        long dsp = 0;
        long bram = 0;
        long uram = 0;
        for (Map.Entry<String, Long> e : cells.entrySet()) {
            String k = e.getKey();
            long n = e.getValue();
            if (k.startsWith("LUT")) {
                lut += n;
            } else if (k.startsWith("FD")) {
                ff += n;
            } else if (k.equals("CARRY4")) {
                carry += n;
            } else if (k.equals("CARRY8")) {
                carry += 2 * n;
            } else if (k.startsWith("DSP48")) {
                dsp += n;
            } else if (k.startsWith("RAMB36")) {
                bram += n;
            } else if (k.startsWith("RAMB18")) {
                bram += n; // counted as BRAM tiles of either size
            } else if (k.startsWith("URAM")) {
                uram += n;
            }
        }
        return new Resources(top, lut, ff, carry, dsp, bram, uram, cells);
    }

    public double perMac(long count, long macs) {
        return (double) count / macs;
    }
}
