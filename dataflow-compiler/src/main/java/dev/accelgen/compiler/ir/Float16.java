package dev.accelgen.compiler.ir;

/**
 * IEEE 754 binary16 bit patterns to and from float32. The graph carries float16 data as float32 (every binary16
 * value is exact in float32); the narrowing direction exists to feed float16 inputs to onnxruntime.
 */
public final class Float16 {
    private Float16() {
    }

    /** The exact float32 value of a binary16 bit pattern (subnormals, infinities and NaN included). */
    public static float toFloat(int half) {
        int sign = (half & 0x8000) << 16;
        int exp = (half >> 10) & 0x1f;
        int frac = half & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (frac << 13));
        }
        if (exp == 0) {
            float v = frac * 0x1p-24f; // subnormal: frac * 2^-24, exact in float32
            return sign != 0 ? -v : v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (frac << 13));
    }

    /** The nearest binary16 bit pattern to {@code f} (ties to even; overflow to infinity). */
    public static short fromFloat(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int exp = (bits >>> 23) & 0xff;
        int frac = bits & 0x7fffff;
        if (exp == 0xff) {
            return (short) (sign | 0x7c00 | (frac != 0 ? 0x200 | (frac >>> 13) : 0));
        }
        int e = exp - 127 + 15;
        if (e >= 0x1f) {
            return (short) (sign | 0x7c00);
        }
        if (e <= 0) {
            if (e < -10) {
                return (short) sign;
            }
            int m = frac | 0x800000; // hidden bit; the value is m * 2^(exp-150), a subnormal half is k * 2^-24
            int shift = 14 - e;
            return (short) (sign | roundShift(m, shift));
        }
        return (short) (sign | roundShift((e << 23) | frac, 13)); // a carry out of the fraction bumps the exponent
    }

    /** {@code v >> shift}, rounded to nearest with ties to even. */
    private static int roundShift(int v, int shift) {
        int q = v >>> shift;
        int rem = v & ((1 << shift) - 1);
        int half = 1 << (shift - 1);
        return rem > half || (rem == half && (q & 1) == 1) ? q + 1 : q;
    }
}
