package dev.accelgen.pe.accel.matrix;

/**
 * The arithmetic of an {@code MM} instruction around the matrix unit (docs/accelerator.md, "MM arithmetic"),
 * shared by the matrix engines' cycle models and the compiler's quantized interpreter; the engines' RTL
 * computes exactly this.
 * <ul>
 *   <li>activation code: {@code clamp(roundShift(x * q, qShift), lo, hi)} with x an Fx value (signed 32-bit),
 *       q an unsigned {@value #Q_BITS}-bit multiplier (the MM's 24-bit {@code q}, or with {@code rowScale} the
 *       row's SBUF entry read as unsigned) and qShift in 0..63;</li>
 *   <li>output: {@code sat32(sat32(sat32(roundShift(acc * M, dShift)) + bias) + old)} with M a signed 32-bit
 *       multiplier, dShift in 0..63, bias 0 without {@code bias} and old 0 without {@code accumulate}.</li>
 * </ul>
 * {@code roundShift(p, s)} is {@code floor((p + 2^(s-1)) / 2^s)} (round half toward +infinity, identity for
 * s = 0), computed without overflow for every product of these operands (acc up to 48 bits: 80-bit products).
 */
public final class MatArith {
    /** Width of the unsigned quantization multiplier (an SBUF entry; the MM field {@code q} is 24 bits). */
    public static final int Q_BITS = 32;
    public static final long Q_MASK = (1L << Q_BITS) - 1;

    private MatArith() {
    }

    /** The codes an activation may take on one unit kind. */
    public record CodeRange(int lo, int hi) {
        public CodeRange {
            if (lo > hi) {
                throw new IllegalArgumentException("empty code range " + lo + ".." + hi);
            }
        }

        public int clamp(long v) {
            return (int) Math.max(lo, Math.min(hi, v));
        }
    }

    /** {@code floor((p + 2^(s-1)) / 2^s)} for s in 1..63, p for s = 0, without overflow. */
    public static long roundShift(long p, int s) {
        checkShift(s);
        return s == 0 ? p : (p >> s) + ((p >> (s - 1)) & 1);
    }

    /** An activation code: {@code clamp(roundShift(x * q, qShift), lo, hi)}. */
    public static int quantize(int x, long q, int qShift, CodeRange range) {
        if (q < 0 || q > Q_MASK) {
            throw new IllegalArgumentException("q must be an unsigned " + Q_BITS + "-bit value (got " + q + ")");
        }
        return range.clamp(roundShift((long) x * q, qShift));
    }

    /** {@code sat32(roundShift(acc * m, dShift))}, exact for any 64-bit acc. */
    public static int dequantize(long acc, int m, int dShift) {
        checkShift(dShift);
        long hi = Math.multiplyHigh(acc, m);
        long lo = acc * m;
        if (dShift > 0) {
            long round = (lo >>> (dShift - 1)) & 1;
            long shiftedLo = (lo >>> dShift) | (hi << (64 - dShift));
            hi >>= dShift;
            lo = shiftedLo + round;
            if (round == 1 && lo == 0) {
                hi++;
            }
        }
        if (hi != (lo >> 63)) {
            return hi < 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        }
        return sat32(lo);
    }

    /** Saturating 32-bit addition. */
    public static int addSat(int a, int b) {
        return sat32((long) a + b);
    }

    /** One output element: dequantize, add the bias, add the old value (pass 0 for an absent term). */
    public static int output(long acc, int m, int dShift, int bias, int old) {
        return addSat(addSat(dequantize(acc, m, dShift), bias), old);
    }

    static int sat32(long v) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }

    private static void checkShift(int s) {
        if (s < 0 || s > 63) {
            throw new IllegalArgumentException("shift must be in 0..63 (got " + s + ")");
        }
    }
}
