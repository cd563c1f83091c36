package dev.accelgen.pe.mixpe;

import dev.accelgen.errors.ConfigError;

/**
 * A MixPE array: {@code lanes} activations per cycle along the reduction dimension, broadcast to
 * {@code cols} output columns (lanes x cols shift-and-add MACs per cycle), weights of
 * {@code wBits} bits quantized in groups of {@code group} consecutive lanes
 * (so one beat carries lanes/group scales and zero points), activations of type {@code aType}.
 * {@code mulForm} is {@link MulForm#SHIFT_ADD} except in the resource comparison.
 */
public record MixPeConfig(int wBits, ActType aType, int group, int lanes, int cols, MulForm mulForm) {
    public static final int MAX_LANES = 256;
    public static final int MAX_COLS = 64;

    public MixPeConfig {
        if (wBits != 2 && wBits != 3 && wBits != 4 && wBits != 8) {
            throw new ConfigError("", "w-bits must be one of 2, 3, 4, 8 (got " + wBits + ")");
        }
        if (aType == null) {
            throw new ConfigError("", "a-type must be one of int8, int16, fp16 (got null)");
        }
        if (lanes < 1 || lanes > MAX_LANES) {
            throw new ConfigError("", "lanes must be in 1.." + MAX_LANES + " (got " + lanes + ")");
        }
        if (group < 1 || lanes % group != 0) {
            throw new ConfigError("", "group must be >= 1 and divide lanes " + lanes + " (got " + group + ")");
        }
        if (cols < 1 || cols > MAX_COLS) {
            throw new ConfigError("", "cols must be in 1.." + MAX_COLS + " (got " + cols + ")");
        }
        if (mulForm == null) {
            throw new ConfigError("", "mul-form must be one of shiftadd, lutmul (got null)");
        }
    }

    /** One column of shift-and-add MACs. */
    public MixPeConfig(int wBits, ActType aType, int group, int lanes) {
        this(wBits, aType, group, lanes, 1, MulForm.SHIFT_ADD);
    }

    /** MACs per cycle. */
    public int macs() {
        return lanes * cols;
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
        String base = "mixpe_w" + wBits + "_" + aType.cliName() + "_g" + group + "_l" + lanes + "_c" + cols;
        return mulForm == MulForm.SHIFT_ADD ? base : base + "_" + mulForm.tag();
    }
}
