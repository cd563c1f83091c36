package dev.accelgen.pe.stream;

import java.math.BigInteger;

/** Port values travel as the unsigned bit pattern of the port's width. */
public final class Ports {
    private Ports() {
    }

    public static BigInteger bits(long value, int width) {
        if (width >= 64) {
            return BigInteger.valueOf(value).and(BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE));
        }
        return BigInteger.valueOf(value & ((1L << width) - 1));
    }

    /** Signed value of a port's bit pattern. */
    public static long signed(BigInteger bits, int width) {
        long v = bits.longValue();
        return width >= 64 ? v : (v << (64 - width)) >> (64 - width);
    }
}
