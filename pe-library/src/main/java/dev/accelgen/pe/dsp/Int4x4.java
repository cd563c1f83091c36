package dev.accelgen.pe.dsp;

/**
 * INT4 packing, four signed 4-bit products per DSP48E2 as a 2x2 outer product: the pre-adder forms
 * {@code a1 * 2^22 + a0} from two activations (A = a1 << 22, D = a0), the fabric forms
 * {@code w1 * 2^11 + w0} from two weights on B, and the product is
 * {@code a0*w0 + a0*w1 * 2^11 + a1*w0 * 2^22 + a1*w1 * 2^33}. Lane i is P[11i+10:11i] read as signed (lane 3
 * is P[47:33]) plus P[11i-1], the borrow of the lanes below. Exact for up to {@link #MAX_DEPTH} products.
 */
public final class Int4x4 {
    /** Bits between lanes. */
    public static final int LANE_BITS = 11;
    /** Lanes 1 and 2 see a borrow: {@code LaneBudget.maxDepthAboveLane(4, 4, 11)} = 15 (lane 0 and 3 allow more). */
    public static final int MAX_DEPTH = Math.min(LaneBudget.maxDepth(4, 4, LANE_BITS),
            LaneBudget.maxDepthAboveLane(4, 4, LANE_BITS));

    private Int4x4() {
    }

    /** The A pin pattern (30 bits): {@code a1 << 22}, sign-extended. */
    public static long aPin(int a1) {
        checkInt4("a1", a1);
        return (long) a1 << (2 * LANE_BITS) & ((1L << 30) - 1);
    }

    /** The D pin pattern (27 bits): {@code a0}, sign-extended. */
    public static long dPin(int a0) {
        checkInt4("a0", a0);
        return a0 & ((1L << 27) - 1);
    }

    /** The B pin pattern (18 bits): {@code w1 * 2^11 + w0}. */
    public static long bPin(int w1, int w0) {
        checkInt4("w1", w1);
        checkInt4("w0", w0);
        return ((long) w1 << LANE_BITS) + w0 & ((1L << 18) - 1);
    }

    /** {a0*w0, a0*w1, a1*w0, a1*w1} sums from a 48-bit P pattern. */
    public static long[] unpack(long p) {
        long[] lanes = new long[4];
        for (int i = 0; i < 4; i++) {
            int lo = LANE_BITS * i;
            int bits = i == 3 ? 48 - lo : LANE_BITS;
            long field = Dsp48e2Model.sext(p >>> lo, bits);
            lanes[i] = field + (i == 0 ? 0 : p >>> (lo - 1) & 1);
        }
        return lanes;
    }

    private static void checkInt4(String name, int v) {
        if (v < -8 || v > 7) {
            throw new IllegalArgumentException(name + " must be an INT4 in -8..7 (got " + v + ")");
        }
    }
}
