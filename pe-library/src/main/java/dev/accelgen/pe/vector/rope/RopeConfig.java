package dev.accelgen.pe.vector.rope;

import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.fixed.Fixed;
import dev.accelgen.pe.vector.VecEngineConfig;

/** The RoPE engine's parameters: the vector unit's and the longest head (the depth of its local head rows). */
public record RopeConfig(VecEngineConfig vec, int maxHeadDim) {
    public RopeConfig {
        if (maxHeadDim < 2 || maxHeadDim > 4094 || maxHeadDim % 2 != 0) {
            throw new IllegalArgumentException("maxHeadDim must be even, in 2..4094 (got " + maxHeadDim + ")");
        }
    }

    public static RopeConfig of(HwConfig hw) {
        return new RopeConfig(VecEngineConfig.of(hw), Math.min(hw.maxHeadDim() & ~1, 4094));
    }

    public int lanes() {
        return vec.lanes();
    }

    /** Words of the longest head. */
    public int maxHeadWords() {
        return (maxHeadDim + lanes() - 1) / lanes();
    }

    /** Address bits of one half (one head or table row) of a double-buffered local row. */
    public int rowAddrBits() {
        return Math.max(1, Fixed.ceilLog2(maxHeadWords()));
    }

    /** Bits of a word count of a head (headDim < 4096). */
    public int wordBits() {
        return 13 - vec.laneBits();
    }

    public String suffix() {
        return vec.suffix() + "_h" + maxHeadDim;
    }
}
