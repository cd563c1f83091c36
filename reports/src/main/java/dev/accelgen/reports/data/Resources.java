package dev.accelgen.reports.data;

import java.util.List;

/**
 * UltraScale+ resources: LUT sites, flip-flops, DSP48E2 slices, BRAM36 tiles (a RAMB18 counts one half) and URAM288
 * blocks. Board budgets, resource-model estimates and Yosys counts all use it.
 */
public record Resources(long lut, long ff, long dsp, double bram36, long uram) {
    /** The resource names in report order, as the JSON keys spell them. */
    public static final List<String> KEYS = List.of("lut", "ff", "dsp", "bram36", "uram");

    public static final Resources ZERO = new Resources(0, 0, 0, 0, 0);

    public Resources {
        Check.nonNegative("lut", lut);
        Check.nonNegative("ff", ff);
        Check.nonNegative("dsp", dsp);
        Check.nonNegative("bram36", bram36);
        Check.nonNegative("uram", uram);
        if (bram36 * 2 != Math.rint(bram36 * 2)) {
            throw new IllegalArgumentException("bram36 = " + bram36 + " is not a whole number of RAMB18 halves");
        }
    }

    /** The count of one resource by its key ({@link #KEYS}). */
    public double get(String key) {
        return switch (key) {
            case "lut" -> lut;
            case "ff" -> ff;
            case "dsp" -> dsp;
            case "bram36" -> bram36;
            case "uram" -> uram;
            default -> throw new IllegalArgumentException("unknown resource " + key);
        };
    }

    public Resources plus(Resources o) {
        return new Resources(lut + o.lut, ff + o.ff, dsp + o.dsp, bram36 + o.bram36, uram + o.uram);
    }

    public static Resources sum(List<Resources> parts) {
        Resources total = ZERO;
        for (Resources r : parts) {
            total = total.plus(r);
        }
        return total;
    }
}
