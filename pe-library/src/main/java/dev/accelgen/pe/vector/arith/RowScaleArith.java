package dev.accelgen.pe.vector.arith;

import dev.accelgen.pe.fixed.Fixed;
import java.math.BigInteger;

/**
 * BitLinear per-row activation scales (VROWSCALE) and the MM arithmetic that consumes them.
 * Per row: {@code gamma = max |x|} (raw Fx, up to 2^31);
 * <ul>
 *   <li>quantization multiplier {@code q ~ 127 * 2^32 / gamma}: with {@code (r1, e) = recip(max(gamma, 1))}
 *       ({@link RecipArith}), {@code q = roundShift(127 * r1, e - 16)} for e >= 16, {@code (127 * r1) << (16 - e)}
 *       below, clamped to 2^31 - 1 (rows with max |x| below about 0.004); the MM then computes
 *       {@code code = clamp(roundShift(x * q, ROWSCALE_QSHIFT), -127, 127)} ~ x * 127 / gamma;</li>
 *   <li>dequantization multiplier {@code M = min(2^31 - 1, roundShift(gamma * betaMant * C127, 22 + betaShift))}
 *       with {@code C127 = round(2^38 / 127)}: {@code M ~ beta * gamma * 2^16 / 127},
 *       beta = betaMant / 2^betaShift; the MM computes {@code y = sat32(roundShift(acc * M, ROWSCALE_DSHIFT))}
 *       ~ acc * beta * gamma / 127 (saturating M only when beta * gamma reaches 63.5).</li>
 * </ul>
 */
public final class RowScaleArith {
    /** qShift of an MM that quantizes with a VROWSCALE q. */
    public static final int ROWSCALE_QSHIFT = 32;
    /** dShift of an MM that dequantizes with a VROWSCALE M. */
    public static final int ROWSCALE_DSHIFT = 16;
    public static final long C127 = Math.round(Math.pow(2, 38) / 127);
    public static final int M_SHIFT = 38 - ROWSCALE_DSHIFT;
    private static final long MAX = Integer.MAX_VALUE;

    private RowScaleArith() {
    }

    public static long gamma(int[] x, int len) {
        long g = 0;
        for (int i = 0; i < len; i++) {
            g = Math.max(g, Math.abs((long) x[i]));
        }
        return g;
    }

    public static int q(long gamma) {
        RecipArith.Result r = RecipArith.recip(Math.max(gamma, 1));
        long p = 127L * r.r1();
        long q = r.e() >= 16 ? Fixed.roundShift(p, r.e() - 16) : p << (16 - r.e());
        return (int) Math.min(q, MAX);
    }

    public static int m(long gamma, long betaMant, int betaShift) {
        BigInteger p = BigInteger.valueOf(gamma).multiply(BigInteger.valueOf(betaMant)).multiply(BigInteger.valueOf(C127));
        int s = M_SHIFT + betaShift;
        BigInteger r = p.add(BigInteger.ONE.shiftLeft(s - 1)).shiftRight(s);
        return r.min(BigInteger.valueOf(MAX)).intValue();
    }

    /** The MM's activation code for x with a row's q. */
    public static int code(int x, int q) {
        return (int) Math.max(-127, Math.min(127, Fixed.roundShift((long) x * q, ROWSCALE_QSHIFT)));
    }

    /** The MM's output for an integer accumulator with a row's M. */
    public static int dequant(long acc, int m) {
        return (int) Fixed.saturate(Fixed.roundShift(acc * m, ROWSCALE_DSHIFT), 32);
    }
}
