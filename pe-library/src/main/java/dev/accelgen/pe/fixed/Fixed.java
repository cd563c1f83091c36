package dev.accelgen.pe.fixed;

/**
 * The integer primitives every fixed-point datapath in pe-library is specified with. Each one is
 * exactly what the generated RTL does, so golden models and the compiler's quantized interpreter
 * share one definition.
 *
 * <ul>
 *   <li>{@link #roundShift}: divide by 2^s rounding half toward +infinity, i.e.
 *       {@code (x + 2^(s-1)) >> s} with an arithmetic shift; {@code s = 0} is the identity.
 *       In RTL: one adder (the constant) and a slice.</li>
 *   <li>{@link #wrap}: two's-complement wrap-around to {@code bits} bits (what a register of that
 *       width keeps).</li>
 *   <li>{@link #saturate}: clamp to the signed range of {@code bits} bits.</li>
 * </ul>
 */
public final class Fixed {
    private Fixed() {
    }

    /** {@code floor((x + 2^(s-1)) / 2^s)} for {@code s > 0}, {@code x} for {@code s == 0}. */
    public static long roundShift(long x, int s) {
        if (s < 0 || s > 62) {
            throw new IllegalArgumentException("shift must be in 0..62, got " + s);
        }
        return s == 0 ? x : (x + (1L << (s - 1))) >> s;
    }

    /** Two's-complement value of the low {@code bits} bits of {@code x} (1 <= bits <= 64). */
    public static long wrap(long x, int bits) {
        if (bits < 1 || bits > 64) {
            throw new IllegalArgumentException("bits must be in 1..64, got " + bits);
        }
        return bits == 64 ? x : (x << (64 - bits)) >> (64 - bits);
    }

    /** Clamp {@code x} to [-2^(bits-1), 2^(bits-1) - 1]. */
    public static long saturate(long x, int bits) {
        if (bits < 2 || bits > 63) {
            throw new IllegalArgumentException("bits must be in 2..63, got " + bits);
        }
        long max = (1L << (bits - 1)) - 1;
        long min = -(1L << (bits - 1));
        return Math.max(min, Math.min(max, x));
    }

    /** Unsigned bit pattern of the low {@code bits} bits of a signed value (for port values). */
    public static long toUnsigned(long x, int bits) {
        return bits == 64 ? x : x & ((1L << bits) - 1);
    }

    /** Smallest n with 2^n >= x (x >= 1). */
    public static int ceilLog2(long x) {
        if (x < 1) {
            throw new IllegalArgumentException("ceilLog2 needs x >= 1, got " + x);
        }
        return 64 - Long.numberOfLeadingZeros(x - 1);
    }
}
