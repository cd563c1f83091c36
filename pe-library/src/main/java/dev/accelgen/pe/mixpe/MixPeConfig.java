package dev.accelgen.pe.mixpe;

/**
 * A MixPE dot-product unit: {@code lanes} shift-and-add MACs per cycle along the reduction
 * dimension, weights of {@code wBits} bits quantized in groups of {@code group} consecutive lanes
 * (so one beat carries lanes/group scales and zero points), activations of type {@code aType}.
 */
public record MixPeConfig(int wBits, ActType aType, int group, int lanes) {
    public static final int MAX_LANES = 256;

    public MixPeConfig {
        if (wBits != 2 && wBits != 3 && wBits != 4 && wBits != 8) {
            throw new IllegalArgumentException("w-bits must be one of 2, 3, 4, 8 (got " + wBits + ")");
        }
        if (aType == null) {
            throw new IllegalArgumentException("a-type must be one of int8, int16, fp16 (got null)");
        }
        if (lanes < 1 || lanes > MAX_LANES) {
            throw new IllegalArgumentException("lanes must be in 1.." + MAX_LANES + " (got " + lanes + ")");
        }
        if (group < 1 || lanes % group != 0) {
            throw new IllegalArgumentException("group must be >= 1 and divide lanes " + lanes + " (got " + group + ")");
        }
    }

    /** Quantization groups per beat (= scales, zero points and dequantizers per beat). */
    public int groupsPerBeat() {
        return lanes / group;
    }

    /** Register stages from an accepted beat to the output register: 4, plus 1 for the fp16 alignment. */
    public int latency() {
        return aType == ActType.FP16 ? 5 : 4;
    }

    public String moduleName() {
        return "mixpe_w" + wBits + "_" + aType.cliName() + "_g" + group + "_l" + lanes;
    }
}
