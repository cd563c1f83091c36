package dev.accelgen.pe.ternary;

import dev.accelgen.errors.ConfigError;

/**
 * A BitLinear dot-product unit: {@code lanes} ternary-weight x {@code aBits}-bit activation
 * lanes per cycle, an adder tree and a {@link BitLinearArith#ACC_BITS}-bit accumulator.
 */
public record TernaryConfig(int lanes, int aBits, Packing packing, LaneForm form) {
    public static final int MAX_LANES = 512;

    public TernaryConfig {
        if (lanes < 2 || lanes > MAX_LANES) {
            throw new ConfigError("", "lanes must be in 2.." + MAX_LANES + " (got " + lanes + ")");
        }
        if (aBits < 2 || aBits > 16) {
            throw new ConfigError("", "a-bits must be in 2..16 (got " + aBits + ")");
        }
        if (packing == null) {
            throw new ConfigError("", "packing must be one of 2bit, base3 (got null)");
        }
        if (form == null) {
            throw new ConfigError("", "form must be one of naive, cin, lut62 (got null)");
        }
    }

    /** The default, cheapest form. */
    public TernaryConfig(int lanes, int aBits, Packing packing) {
        this(lanes, aBits, packing, LaneForm.LUT6_2);
    }

    public int weightBytes() {
        return TernaryCodec.base3Bytes(lanes);
    }

    /** Register stages from an accepted beat to the output: tree, accumulator (+1 for base-3 decode). */
    public int latency() {
        return packing == Packing.BASE3 ? 3 : 2;
    }

    public String moduleName() {
        String base = "ternary_l" + lanes + "_a" + aBits + "_" + packing.cliName();
        return form == LaneForm.LUT6_2 ? base : base + "_" + form.tag();
    }
}
