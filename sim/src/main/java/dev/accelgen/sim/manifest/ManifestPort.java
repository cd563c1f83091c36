package dev.accelgen.sim.manifest;

import java.math.BigInteger;

/** One top-level port of a unit as the manifest declares it. */
public record ManifestPort(String name, Direction direction, int width, boolean signed) {
    public enum Direction { IN, OUT }

    public ManifestPort {
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("port name must be a Verilog identifier, got '" + name + "'");
        }
        if (width < 1 || width > 4096) {
            throw new IllegalArgumentException("port '" + name + "' width must be in 1..4096, got " + width);
        }
    }

    /** The value as the raw bit pattern of this port (two's complement for negative values). */
    public BigInteger toBits(BigInteger value) {
        return value.and(BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE));
    }

    /** Reads a raw bit pattern as this port's value: negative for signed ports with the top bit set. */
    public BigInteger fromBits(BigInteger bits) {
        if (signed && bits.testBit(width - 1)) {
            return bits.subtract(BigInteger.ONE.shiftLeft(width));
        }
        return bits;
    }

    /** Whether the value is representable: signed ports take -2^(w-1)..2^(w-1)-1, unsigned 0..2^w-1. */
    public boolean fits(BigInteger value) {
        if (signed) {
            BigInteger half = BigInteger.ONE.shiftLeft(width - 1);
            return value.compareTo(half.negate()) >= 0 && value.compareTo(half) < 0;
        }
        return value.signum() >= 0 && value.bitLength() <= width;
    }

    public String allowedRange() {
        return signed
                ? "-2^" + (width - 1) + "..2^" + (width - 1) + "-1 (signed " + width + " bits)"
                : "0..2^" + width + "-1 (unsigned " + width + " bits)";
    }
}
