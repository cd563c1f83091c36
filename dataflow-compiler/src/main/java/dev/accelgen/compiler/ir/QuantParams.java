package dev.accelgen.compiler.ir;

/**
 * Quantization of one tensor: {@code real = scale * (q - zeroPoint)}. {@code scales}/{@code zeroPoints} hold one
 * entry per tensor, channel or group (per-token scales are computed at run time and left empty).
 *
 * @param bits      integer width, 1..16
 * @param signed    two's-complement codes (otherwise unsigned)
 * @param groupSize lanes per group for {@link Granularity#PER_GROUP}, else 0
 */
public record QuantParams(int bits, boolean signed, Granularity granularity, int groupSize,
                          float[] scales, int[] zeroPoints) {
    public QuantParams {
        if (bits < 1 || bits > 16) {
            throw new IllegalArgumentException("bits must be in 1..16 (got " + bits + ")");
        }
        if ((granularity == Granularity.PER_GROUP) != (groupSize > 0)) {
            throw new IllegalArgumentException("groupSize must be > 0 exactly for per-group quantization (got "
                    + groupSize + " for " + granularity + ")");
        }
        scales = scales.clone();
        zeroPoints = zeroPoints.clone();
    }

    public String summary() {
        return (signed ? "s" : "u") + bits + " " + granularity.name().toLowerCase(java.util.Locale.ROOT)
                + (groupSize > 0 ? " g" + groupSize : "");
    }
}
