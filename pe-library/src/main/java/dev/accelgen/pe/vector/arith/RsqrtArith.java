package dev.accelgen.pe.vector.arith;

import dev.accelgen.pe.fixed.Fixed;
import java.math.BigInteger;

/**
 * Reciprocal square root of a positive integer Q (up to 96 bits) as {@code 1/sqrt(Q) ~ y1 * 2^(-16-k)}:
 * <ol>
 *   <li>{@code e = floor(log2 Q)}, {@code k = e >> 1}; {@code t = Q * 2^(30-2k)} (a right shift, dropping bits,
 *       when {@code 2k > 30}), so t is in [2^30, 2^32);</li>
 *   <li>seed {@code y0 = S[(t >> 24) - 64]}, {@code S[j] = round(2^16 / sqrt((j + 64.5) / 64))} (192 entries);</li>
 *   <li>one Newton step in Q16: {@code ys = roundShift(y0^2, 16)}, {@code p = roundShift((t >> 14) * ys, 16)},
 *       {@code y1 = roundShift(y0 * (3 * 2^16 - p), 17)}.</li>
 * </ol>
 */
public final class RsqrtArith {
    public static final int SEEDS = 192;
    private static final int[] SEED = new int[SEEDS];

    static {
        for (int j = 0; j < SEEDS; j++) {
            SEED[j] = (int) Math.round(65536.0 / Math.sqrt((j + 64.5) / 64.0));
        }
    }

    private RsqrtArith() {
    }

    public static int seed(int j) {
        return SEED[j];
    }

    /** 1/sqrt(Q) = y1 * 2^(-16-k). */
    public record Result(int y1, int k) {
    }

    public static Result rsqrt(BigInteger q) {
        if (q.signum() <= 0) {
            throw new IllegalArgumentException("rsqrt needs Q >= 1 (got " + q + ")");
        }
        int e = q.bitLength() - 1;
        int k = e >> 1;
        long t = (2 * k >= 30 ? q.shiftRight(2 * k - 30) : q.shiftLeft(30 - 2 * k)).longValueExact();
        return new Result((int) newton(t), k);
    }

    /** y1 for a normalized t in [2^30, 2^32). */
    public static long newton(long t) {
        long y0 = SEED[(int) (t >> 24) - 64];
        long ys = Fixed.roundShift(y0 * y0, 16);
        long p = Fixed.roundShift((t >> 14) * ys, 16);
        return Fixed.roundShift(y0 * (3L * 65536 - p), 17);
    }
}
