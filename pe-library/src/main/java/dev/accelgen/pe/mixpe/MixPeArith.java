package dev.accelgen.pe.mixpe;

import dev.accelgen.pe.fixed.Fixed;

/**
 * The integer arithmetic of a MixPE dot product, shared by the golden model and the compiler's
 * quantized interpreter.
 *
 * <p>Weights are unsigned codes {@code q} of w bits with a per-group zero point {@code zp}
 * (also w bits, unsigned) and a per-group scale {@code scale}: an unsigned 16-bit Q0.16 number
 * (real scale = scale / 65536). The real weight is {@code scale/65536 * (q - zp)}.
 *
 * <p>Per group (G consecutive lanes of one beat) the unit forms, exactly and without overflow
 * (the RTL widths grow losslessly):
 * <pre>
 *   dot    = sum q_i * a_i          (shift-and-add, one MAC per lane per cycle)
 *   actSum = sum a_i
 *   corr   = dot - zp * actSum      (zero-point correction once per group)
 *   out_g  = roundShift(corr * scale, s)   (dequantization once per group; round half up)
 * </pre>
 * with {@code a_i} the activation (int8/int16) or the fp16 block-floating-point significand
 * ({@link Fp16Bfp}), and {@code s = 8} for integer activations, {@code s = 33 - E} for fp16
 * (E = the group's shared exponent). Either way {@code out_g} is a fixed-point number with
 * {@link #OUT_FRAC} = 8 fractional bits: real value = out_g / 256 (times the activation scale
 * for integer activations).
 *
 * <p>The group results of a beat and of all beats up to the one flagged {@code last} are summed
 * in an {@link #ACC_BITS}-bit two's-complement accumulator that wraps on overflow; the sum is the
 * unit's output.
 */
public final class MixPeArith {
    /** Scale: unsigned Q0.16. */
    public static final int SCALE_BITS = 16;
    public static final int SCALE_FRAC = 16;
    /** Output fixed point: value = out / 2^OUT_FRAC. */
    public static final int OUT_FRAC = 8;
    /** Output accumulator width (wraps). */
    public static final int ACC_BITS = 48;
    /** For fp16: s = FP16_SHIFT_BASE - E (= SCALE_FRAC + EXP_OFFSET - OUT_FRAC). */
    public static final int FP16_SHIFT_BASE = SCALE_FRAC + Fp16Bfp.EXP_OFFSET - OUT_FRAC;
    /** For integer activations: s = SCALE_FRAC - OUT_FRAC. */
    public static final int INT_SHIFT = SCALE_FRAC - OUT_FRAC;

    private MixPeArith() {
    }

    /** Integer partial sums of one group. */
    public record GroupSums(long dot, long actSum) {
    }

    /** {@code sum q_i*a_i} and {@code sum a_i}, exact. */
    public static GroupSums groupSums(int[] q, int[] a) {
        if (q.length != a.length) {
            throw new IllegalArgumentException("q and a differ in length: " + q.length + " vs " + a.length);
        }
        long dot = 0;
        long sum = 0;
        for (int i = 0; i < q.length; i++) {
            dot += (long) q[i] * a[i];
            sum += a[i];
        }
        return new GroupSums(dot, sum);
    }

    /** Zero-point correction: {@code dot - zp * actSum}. */
    public static long correct(GroupSums s, int zp) {
        return s.dot() - (long) zp * s.actSum();
    }

    /** Dequantization of a corrected group sum: {@code roundShift(corr * scale, shift)}. */
    public static long dequant(long corr, int scale, int shift) {
        return Fixed.roundShift(corr * scale, shift);
    }

    /** The group's contribution to the output for integer activations (int8 or int16 values). */
    public static long groupOutputInt(int[] q, int[] a, int scale, int zp) {
        return dequant(correct(groupSums(q, a), zp), scale, INT_SHIFT);
    }

    /** The group's contribution for fp16 activations given as binary16 bit patterns. */
    public static long groupOutputFp16(int[] q, int[] halves, int scale, int zp) {
        Fp16Bfp.Block b = Fp16Bfp.align(halves);
        return dequant(correct(groupSums(q, b.significands()), zp), scale, FP16_SHIFT_BASE - b.sharedExp());
    }

    /** One group's contribution, dispatching on the activation type. */
    public static long groupOutput(ActType t, int[] q, int[] act, int scale, int zp) {
        return t == ActType.FP16 ? groupOutputFp16(q, act, scale, zp) : groupOutputInt(q, act, scale, zp);
    }

    /** Accumulator update: wraps to {@link #ACC_BITS} bits. */
    public static long accumulate(long acc, long groupOut) {
        return Fixed.wrap(acc + groupOut, ACC_BITS);
    }

    /**
     * Full dot product of a vector of length K (a multiple of the group size) against one weight
     * row: group g covers lanes [g*G, (g+1)*G). Returns the wrapped accumulator.
     */
    public static long dot(ActType t, int group, int[] q, int[] act, int[] scales, int[] zps) {
        if (q.length != act.length || q.length % group != 0 || scales.length != q.length / group
                || zps.length != scales.length) {
            throw new IllegalArgumentException("inconsistent lengths: q=" + q.length + " act=" + act.length
                    + " group=" + group + " scales=" + scales.length + " zps=" + zps.length);
        }
        long acc = 0;
        for (int g = 0; g < scales.length; g++) {
            int[] qg = java.util.Arrays.copyOfRange(q, g * group, (g + 1) * group);
            int[] ag = java.util.Arrays.copyOfRange(act, g * group, (g + 1) * group);
            acc = accumulate(acc, groupOutput(t, qg, ag, scales[g], zps[g]));
        }
        return acc;
    }
}
