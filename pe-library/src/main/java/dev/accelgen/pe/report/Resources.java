package dev.accelgen.pe.report;

import java.util.Map;
import java.util.TreeMap;

/**
 * Yosys {@code synth_xilinx -family xcup} cell counts of one unit (hierarchy totals). {@code luts}
 * counts every LUT site: LUT1..LUT6, hand-placed LUT6_2 (one physical LUT each) and SRL shift
 * registers; carries are in CARRY4 units (a CARRY8 counts 2).
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
            if (k.startsWith("LUT") || k.startsWith("SRL")) {
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
