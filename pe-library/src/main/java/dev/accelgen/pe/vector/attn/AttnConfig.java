package dev.accelgen.pe.vector.attn;

import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.fixed.Fixed;
import dev.accelgen.pe.vector.VecEngineConfig;
import dev.accelgen.pe.vector.arith.AttnArith;

/**
 * The attention engine's parameters: the vector unit's ({@link VecEngineConfig}) plus the longest head
 * ({@code maxHeadDim}, the depth of the local query and accumulator rows) and the most keys of one instruction
 * ({@code maxKeyTile}, the depth of the score buffer).
 */
public record AttnConfig(VecEngineConfig vec, int maxHeadDim, int maxKeyTile) {
    public AttnConfig {
        if (maxHeadDim < 2 || maxHeadDim > 4095) {
            throw new IllegalArgumentException("maxHeadDim must be in 2..4095 (got " + maxHeadDim + ")");
        }
        if (maxKeyTile < 1 || maxKeyTile > 65536) {
            throw new IllegalArgumentException("maxKeyTile must be in 1..65536 (got " + maxKeyTile + ")");
        }
    }

    public static AttnConfig of(HwConfig hw) {
        return new AttnConfig(VecEngineConfig.of(hw), Math.min(hw.maxHeadDim(), 4095), hw.maxKeyTile());
    }

    public int lanes() {
        return vec.lanes();
    }

    /** Address bits of the local query and accumulator rows (ceil(maxHeadDim / V) words). */
    public int rowAddrBits() {
        return Math.max(1, Fixed.ceilLog2((maxHeadDim + lanes() - 1) / lanes()));
    }

    /** Address bits of the score buffer. */
    public int scoreAddrBits() {
        return Math.max(1, Fixed.ceilLog2(maxKeyTile));
    }

    /** Bits of a word count of a head (headDim < 4096). */
    public int wordBits() {
        return 13 - vec.laneBits();
    }

    /**
     * Bits of an accumulator element (signed): o * alpha and every p_j * v_j lie in [-2^55, 2^55) and a tile adds
     * at most maxKeyTile + 1 of them.
     */
    public int accBits() {
        return 56 + Fixed.ceilLog2(maxKeyTile + 1L);
    }

    /** Bits of a score's exact dot product (signed): headDim products in [-2^62, 2^62]. */
    public int dotBits() {
        return 64 + Fixed.ceilLog2(maxHeadDim);
    }

    /** Bits of the tile's weight sum (each p_j at most 2^{@value AttnArith#P_FRAC}). */
    public int sumBits() {
        return AttnArith.P_FRAC + 1 + Fixed.ceilLog2(maxKeyTile + 1L);
    }

    /** Suffix that makes module names unique per configuration. */
    public String suffix() {
        return vec.suffix() + "_h" + maxHeadDim + "_k" + maxKeyTile;
    }
}
