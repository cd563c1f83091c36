package dev.accelgen.pe.vector.arith;

import dev.accelgen.pe.fixed.Fixed;

/**
 * Reciprocal of a positive integer s < 2^62 as {@code 1/s ~ r1 * 2^(-16-e)}:
 * <ol>
 *   <li>{@code e = floor(log2 s)}, {@code u = s * 2^(31 - e)} in [2^31, 2^32) (a right shift, dropping bits, for
 *       e > 31);</li>
 *   <li>seed {@code r0 = R[(u >> 23) - 256]}, {@code R[j] = round(2^16 / ((j + 256.5) / 256))} (256 entries);</li>
 *   <li>one Newton step in Q16: {@code p = roundShift((u >> 15) * r0, 16)},
 *       {@code r1 = roundShift(r0 * (2^17 - p), 16)}.</li>
 * </ol>
 */
public final class RecipArith {
    public static final int SEEDS = 256;
    private static final int[] SEED = new int[SEEDS];

    static {
        for (int j = 0; j < SEEDS; j++) {
            SEED[j] = (int) Math.round(65536.0 / ((j + 256.5) / 256.0));
        }
    }

    private RecipArith() {
    }

    public static int seed(int j) {
        return SEED[j];
    }

    /** 1/s = r1 * 2^(-16-e). */
    public record Result(int r1, int e) {
    }

    public static Result recip(long s) {
        if (s < 1 || s >= 1L << 62) {
            throw new IllegalArgumentException("recip needs 1 <= s < 2^62 (got " + s + ")");
        }
        int e = 63 - Long.numberOfLeadingZeros(s);
        long u = e > 31 ? s >> (e - 31) : s << (31 - e);
        long r0 = SEED[(int) (u >> 23) - 256];
        long p = Fixed.roundShift((u >> 15) * r0, 16);
        return new Result((int) Fixed.roundShift(r0 * (131072 - p), 16), e);
    }
}
