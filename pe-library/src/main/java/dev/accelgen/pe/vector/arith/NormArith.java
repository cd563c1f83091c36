package dev.accelgen.pe.vector.arith;

import dev.accelgen.pe.fixed.Fixed;
import java.math.BigInteger;

/**
 * RMSNorm and LayerNorm of one Fx row of {@code len} elements without a division by len:
 * <ul>
 *   <li>sums over the row: {@code Sx = sum x} (48 bits), {@code Sxx = sum x^2} (79 bits, exact);</li>
 *   <li>{@code Q = len*Sxx - Sx^2 + len^2*eps} (LayerNorm) or {@code Q = len*Sxx + len^2*eps} (RMSNorm), which is
 *       {@code 2^32 * len^2 * (var + eps)} (resp. mean square + eps) for eps in units of 2^-32; Q = 0 counts as 1;</li>
 *   <li>{@code (y1, k) = rsqrt(Q)} ({@link RsqrtArith});</li>
 *   <li>per element {@code c = len*x - Sx} (RMSNorm: {@code len*x}) and
 *       {@code y = sat32(roundShift(c * y1, k))} = (x - mean) / sqrt(var + eps) in Fx;</li>
 *   <li>then {@code y = mul(y, gain)} and {@code y = add(y, bias)} ({@link EltwiseArith}) when present.</li>
 * </ul>
 */
public final class NormArith {
    private NormArith() {
    }

    /** The row's scalars: the sum (LayerNorm's, 0 for RMSNorm) and the rsqrt result. */
    public record RowScale(long sx, RsqrtArith.Result r) {
    }

    /** Scalars of row {@code x[0..len)}; {@code centered} for LayerNorm. */
    public static RowScale rowScale(int[] x, int len, long eps, boolean centered) {
        long sx = 0;
        BigInteger sxx = BigInteger.ZERO;
        for (int i = 0; i < len; i++) {
            sx += x[i];
            sxx = sxx.add(BigInteger.valueOf((long) x[i] * x[i]));
        }
        return rowScale(sx, sxx, len, eps, centered);
    }

    public static RowScale rowScale(long sx, BigInteger sxx, int len, long eps, boolean centered) {
        BigInteger n = BigInteger.valueOf(len);
        BigInteger q = n.multiply(sxx).add(n.multiply(n).multiply(BigInteger.valueOf(eps)));
        if (centered) {
            q = q.subtract(BigInteger.valueOf(sx).pow(2));
        }
        if (q.signum() == 0) {
            q = BigInteger.ONE;
        }
        return new RowScale(centered ? sx : 0, RsqrtArith.rsqrt(q));
    }

    /** The normalized element before gain and bias. */
    public static int normalize(int x, int len, RowScale s) {
        long c = (long) len * x - s.sx();
        return sat32(mulRoundShift(c, s.r().y1(), s.r().k()));
    }

    /** A whole row: normalize, then gain and bias when given (null when absent). */
    public static int[] row(int[] x, int len, long eps, boolean centered, int[] gain, int[] bias) {
        RowScale s = rowScale(x, len, eps, centered);
        int[] y = new int[len];
        for (int i = 0; i < len; i++) {
            int v = normalize(x[i], len, s);
            if (gain != null) {
                v = EltwiseArith.mul(v, gain[i]);
            }
            if (bias != null) {
                v = EltwiseArith.add(v, bias[i]);
            }
            y[i] = v;
        }
        return y;
    }

    /** roundShift(a * b, s) of the exact 128-bit product, saturated to the long range. */
    static long mulRoundShift(long a, long b, int s) {
        BigInteger p = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b));
        if (s > 0) {
            p = p.add(BigInteger.ONE.shiftLeft(s - 1)).shiftRight(s);
        }
        return p.bitLength() > 63 ? (p.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : p.longValue();
    }

    private static int sat32(long v) {
        return (int) Fixed.saturate(v, 32);
    }
}
