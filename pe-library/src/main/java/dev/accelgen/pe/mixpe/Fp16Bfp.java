package dev.accelgen.pe.mixpe;

/**
 * Per-group block floating point for IEEE binary16 activations.
 *
 * <p>For a group of fp16 values with sign s_i, biased exponent e_i and fraction f_i:
 * <ul>
 *   <li>effective exponent {@code x_i = max(e_i, 1)} (subnormals share exponent 1 with the hidden
 *       bit 0), significand {@code m_i = (e_i != 0 ? 1024 : 0) | f_i} (11 bits), so the value is
 *       {@code (-1)^s_i * m_i * 2^(x_i - 25)} exactly;</li>
 *   <li>shared exponent {@code E = max_i x_i};</li>
 *   <li>aligned significand {@code a_i = (-1)^s_i * (m_i >> (E - x_i))}: the magnitude is shifted
 *       right and TRUNCATED (rounding toward zero, a shift of 11 or more gives 0), then the sign is
 *       applied, giving a signed 12-bit integer in [-2047, 2047]. The block value of a_i is
 *       {@code a_i * 2^(E - 25)}.</li>
 * </ul>
 * Exponent 31 (inf/NaN) is not special-cased: it is treated as an ordinary exponent, so producers
 * must not feed inf or NaN. The same steps are the first pipeline stage of the fp16 MixPE.
 */
public final class Fp16Bfp {
    /** Width of an aligned significand: sign + 11 magnitude bits. */
    public static final int SIGNIFICAND_BITS = 12;
    /** Value of an aligned significand unit is 2^(E - EXP_OFFSET). */
    public static final int EXP_OFFSET = 25;

    private Fp16Bfp() {
    }

    /** One group after alignment. */
    public record Block(int sharedExp, int[] significands) {
        public Block {
            significands = significands.clone();
        }
    }

    public static int sign(int half) {
        return (half >> 15) & 1;
    }

    public static int effectiveExponent(int half) {
        return Math.max((half >> 10) & 0x1f, 1);
    }

    public static int significand(int half) {
        int e = (half >> 10) & 0x1f;
        return (e != 0 ? 1024 : 0) | (half & 0x3ff);
    }

    public static Block align(int[] halves) {
        int shared = 1;
        for (int h : halves) {
            shared = Math.max(shared, effectiveExponent(h));
        }
        int[] out = new int[halves.length];
        for (int i = 0; i < halves.length; i++) {
            int d = shared - effectiveExponent(halves[i]);
            int mag = d >= 11 ? 0 : significand(halves[i]) >> d;
            out[i] = sign(halves[i]) == 1 ? -mag : mag;
        }
        return new Block(shared, out);
    }

    /** Exact value of a binary16 bit pattern (exponent 31 read as an ordinary exponent). */
    public static double toDouble(int half) {
        double v = significand(half) * Math.pow(2, effectiveExponent(half) - EXP_OFFSET);
        return sign(half) == 1 ? -v : v;
    }
}
