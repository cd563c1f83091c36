package dev.accelgen.pe.dsp;

import java.util.Arrays;

/** How many INT8 multiplies one DSP48E2 performs per cycle. */
public enum Packing {
    /** One INT8 x INT8 product per slice (A x B, pre-adder unused). */
    NONE("none", 1),
    /** Two INT8 weights sharing one INT8 activation through the pre-adder (WP486), see {@link Int8x2}. */
    INT8X2("int8x2", 2);

    private final String cliName;
    private final int lanes;

    Packing(String cliName, int lanes) {
        this.cliName = cliName;
        this.lanes = lanes;
    }

    public String cliName() {
        return cliName;
    }

    /** Products (output lanes) per slice per cycle. */
    public int lanes() {
        return lanes;
    }

    @Override
    public String toString() {
        return cliName;
    }

    public static Packing parse(String s) {
        for (Packing p : values()) {
            if (p.cliName.equals(s)) {
                return p;
            }
        }
        if ("int4x4".equals(s)) {
            throw new IllegalArgumentException("packing int4x4 is not implemented by the dsp-chain generator yet; use none or int8x2");
        }
        throw new IllegalArgumentException("packing must be one of " + Arrays.stream(values()).map(Packing::cliName).toList()
                + " (got " + s + ")");
    }
}
