package dev.accelgen.pe.ternary;

import dev.accelgen.errors.ConfigError;

/** How a beat carries the ternary weights of its lanes. */
public enum Packing {
    /** One 2-bit code per lane (see {@link TernaryCodec}). */
    TWO_BIT("2bit"),
    /** Five weights per byte, decoded in hardware. */
    BASE3("base3");

    private final String cliName;

    Packing(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static Packing parse(String s) {
        for (Packing p : values()) {
            if (p.cliName.equals(s)) {
                return p;
            }
        }
        throw new ConfigError("", "packing must be one of 2bit, base3 (got " + s + ")");
    }
}
