package dev.accelgen.pe.vector.arith;

/**
 * Rotary position embedding in rotate-half form (VROPE), per head of {@code headDim} elements, h = headDim / 2,
 * with a table row of cos[0..h) then sin[0..h) (Fx) for the row's position. For i < h:
 * <pre>
 *   d_i     = sat32(roundShift(a_i * cos_i - a_(i+h) * sin_i, 16))
 *   d_(i+h) = sat32(roundShift(a_(i+h) * cos_i + a_i * sin_i, 16))
 * </pre>
 * the two products and their sum exact. Written with the head rotated by h, {@code r_e = (e + h) mod headDim}
 * (the partner of element e) and the table row T: {@code d_e = a_e * T_e - a_(r_e) * T_(r_e)} for e < h and
 * {@code d_e = a_e * T_(r_e) + a_(r_e) * T_e} for e >= h, which is how the engine pairs its words.
 */
public final class RopeArith {
    private RopeArith() {
    }

    /** Output element e (0 <= e < headDim) of a head {@code a} with table row {@code t}. */
    public static int element(int[] a, int[] t, int headDim, int e) {
        int h = headDim / 2;
        int r = (e + h) % headDim;
        return e < h ? rotate(a[e], t[e], a[r], t[r], true) : rotate(a[e], t[r], a[r], t[e], false);
    }

    /** {@code sat32(roundShift(x * c -/+ y * s, 16))}: the lower ({@code lower}, minus) or upper half's element. */
    public static int rotate(int x, int c, int y, int s, boolean lower) {
        long xy = (long) y * s;
        return WideSum.roundShiftSat32((long) x * c, lower ? -xy : xy, 16);
    }

    /** One head. */
    public static int[] head(int[] a, int[] t, int headDim) {
        int[] d = new int[headDim];
        for (int e = 0; e < headDim; e++) {
            d[e] = element(a, t, headDim, e);
        }
        return d;
    }
}
