package dev.accelgen.pe.dsp;

/**
 * Guard-bit arithmetic of packed DSP lanes (Xilinx WP486): when several signed products share one P
 * register, the lower lane is read back as a {@code laneBits}-bit two's-complement number, so a sum of
 * products stays exact only while it fits in that range; the upper lane is recovered by adding back the
 * lower lane's sign bit (the borrow a negative lower lane takes from it).
 */
public final class LaneBudget {
    private LaneBudget() {
    }

    /** Largest product of two signed operands of these widths: (-2^(a-1)) * (-2^(w-1)). */
    public static long maxProduct(int aBits, int wBits) {
        return 1L << (aBits - 1) << (wBits - 1);
    }

    /** Most negative product of two signed operands: min(-2^(a-1) * (2^(w-1)-1), (2^(a-1)-1) * -2^(w-1)). */
    public static long minProduct(int aBits, int wBits) {
        long aMin = -(1L << (aBits - 1));
        long wMin = -(1L << (wBits - 1));
        return Math.min(aMin * (-wMin - 1), (-aMin - 1) * wMin);
    }

    /**
     * The exact maximum number of signed {@code aBits x wBits} products whose sum always fits a signed
     * {@code laneBits}-bit lane: every sum of that many products is in range, and one more product of the
     * extreme operands ({@link #maxProduct}, repeated) leaves it.
     */
    public static int maxDepth(int aBits, int wBits, int laneBits) {
        if (aBits < 2 || wBits < 2 || aBits > 27 || wBits > 18) {
            throw new IllegalArgumentException("operand widths must be 2..27 x 2..18 bits (got " + aBits + " x " + wBits + ")");
        }
        if (laneBits < 2 || laneBits > 47) {
            throw new IllegalArgumentException("lane width must be in 2..47 bits (got " + laneBits + ")");
        }
        return depth(aBits, wBits, (1L << (laneBits - 1)) - 1, -(1L << (laneBits - 1)));
    }

    /**
     * Like {@link #maxDepth} for a lane that sits above another packed lane: reading it back subtracts the
     * lower lanes' borrow (0 or 1) first, so its sum must stay within -(2^(laneBits-1) - 1) .. 2^(laneBits-1) - 1.
     */
    public static int maxDepthAboveLane(int aBits, int wBits, int laneBits) {
        maxDepth(aBits, wBits, laneBits);
        return depth(aBits, wBits, (1L << (laneBits - 1)) - 1, -(1L << (laneBits - 1)) + 1);
    }

    private static int depth(int aBits, int wBits, long hi, long lo) {
        long byMax = hi / maxProduct(aBits, wBits);
        long byMin = lo / minProduct(aBits, wBits);
        return (int) Math.min(Integer.MAX_VALUE, Math.min(byMax, byMin));
    }
}
