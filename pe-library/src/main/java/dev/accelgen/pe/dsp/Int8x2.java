package dev.accelgen.pe.dsp;

/**
 * WP486 INT8 packing: two signed 8-bit weights {@code hi} and {@code lo} share one signed 8-bit activation
 * {@code x}. The pre-adder forms {@code hi * 2^18 + lo} (A = hi << 18, D = lo), the multiplier gives
 * {@code hi*x * 2^18 + lo*x}, and cascaded slices add such words. The lower lane is P[17:0] read as a
 * signed 18-bit number; the upper lane is P[47:18] plus P[17]. Exact for up to {@link #MAX_DEPTH} products.
 */
public final class Int8x2 {
    /** Bit position of the upper lane. */
    public static final int LANE_OFFSET = 18;
    /** Products per lane before the lower lane can overflow: {@code LaneBudget.maxDepth(8, 8, 18)} = 7. */
    public static final int MAX_DEPTH = LaneBudget.maxDepth(8, 8, LANE_OFFSET);

    private Int8x2() {
    }

    /** The A pin pattern (30 bits) carrying {@code hi << 18}, sign-extended. */
    public static long aPin(int hi) {
        checkInt8("hi", hi);
        return (long) hi << LANE_OFFSET & ((1L << 30) - 1);
    }

    /** The D pin pattern (27 bits) carrying {@code lo}, sign-extended. */
    public static long dPin(int lo) {
        checkInt8("lo", lo);
        return lo & ((1L << 27) - 1);
    }

    /** The B pin pattern (18 bits) carrying the shared activation, sign-extended. */
    public static long bPin(int x) {
        checkInt8("x", x);
        return x & ((1L << 18) - 1);
    }

    /** {upper lane, lower lane} of a 48-bit P pattern. */
    public static long[] unpack(long p) {
        long lo = Dsp48e2Model.sext(p, LANE_OFFSET);
        long hi = Dsp48e2Model.sext(p, 48) >> LANE_OFFSET;
        return new long[] {hi + (p >> (LANE_OFFSET - 1) & 1), lo};
    }

    private static void checkInt8(String name, int v) {
        if (v < -128 || v > 127) {
            throw new IllegalArgumentException(name + " must be an INT8 in -128..127 (got " + v + ")");
        }
    }
}
