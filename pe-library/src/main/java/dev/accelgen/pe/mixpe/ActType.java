package dev.accelgen.pe.mixpe;

import dev.accelgen.errors.ConfigError;

/**
 * Activation formats a MixPE lane accepts. {@link #laneBits()} is the width of the signed integer
 * that reaches the shift-and-add multiplier: the activation itself for the integer types, the
 * block-floating-point significand (sign + 11 magnitude bits) for fp16.
 */
public enum ActType {
    INT8("int8", 8, 8),
    INT16("int16", 16, 16),
    FP16("fp16", 16, Fp16Bfp.SIGNIFICAND_BITS);

    private final String cliName;
    private final int portBits;
    private final int laneBits;

    ActType(String cliName, int portBits, int laneBits) {
        this.cliName = cliName;
        this.portBits = portBits;
        this.laneBits = laneBits;
    }

    /** Name used on the command line and in module names. */
    public String cliName() {
        return cliName;
    }

    /** Width of the activation input port. */
    public int portBits() {
        return portBits;
    }

    /** Width of the signed operand the shift-and-add multiplier sees. */
    public int laneBits() {
        return laneBits;
    }

    public static ActType parse(String s) {
        for (ActType t : values()) {
            if (t.cliName.equals(s)) {
                return t;
            }
        }
        throw new ConfigError("", "a-type must be one of int8, int16, fp16 (got " + s + ")");
    }
}
