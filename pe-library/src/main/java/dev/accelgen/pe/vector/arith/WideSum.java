package dev.accelgen.pe.vector.arith;

import dev.accelgen.pe.fixed.Fixed;

/**
 * An exact sum of 64-bit terms (products of two 32-bit values) beyond the range of a long: each term is split
 * into {@code term >> 32} and its low 32 bits, summed separately. The hardware keeps the sum in one register
 * as wide as it needs (e.g. 64 + log2(terms) bits); this is the same value.
 */
public final class WideSum {
    private long hi;
    private long lo;

    public void clear() {
        hi = 0;
        lo = 0;
    }

    public void add(long term) {
        hi += term >> 32;
        lo += term & 0xFFFFFFFFL;
    }

    /** {@code sat32(roundShift(sum, s))} for 4 <= s <= 32 (fewer than 2^24 terms). */
    public int roundShiftSat32(int s) {
        if (s < 4 || s > 32) {
            throw new IllegalArgumentException("shift must be in 4..32, got " + s);
        }
        // hi * 2^32 is a multiple of 2^s, so only lo takes part in the rounding; |hi| beyond 2^33 saturates anyway
        long high = Math.max(-(1L << 33), Math.min(1L << 33, hi)) << (32 - s);
        return (int) Fixed.saturate(high + ((lo + (1L << (s - 1))) >> s), 32);
    }

    /** sat32(roundShift(a + b, s)) of two 64-bit terms. */
    public static int roundShiftSat32(long a, long b, int s) {
        WideSum w = new WideSum();
        w.add(a);
        w.add(b);
        return w.roundShiftSat32(s);
    }
}
