package dev.accelgen.pe.vector.engine;

import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.fixed.Fixed;

/**
 * Widths of a compute engine's buffer ports: {@code lanes} Fx per ABUF word, word addresses of ABUF and SBUF,
 * and for matrix engines the WBUF read port ({@code wbufWordBits == 0}: no WBUF port).
 */
public record EngineGeometry(int lanes, int abufAddrBits, int sbufAddrBits, int wbufAddrBits, int wbufWordBits) {
    public EngineGeometry {
        if (lanes < 1 || lanes > 64 || Integer.bitCount(lanes) != 1) {
            throw new IllegalArgumentException("lanes must be a power of two in 1..64 (got " + lanes + ")");
        }
        if (abufAddrBits < 1 || abufAddrBits > 20 || sbufAddrBits < 1 || sbufAddrBits > 16) {
            throw new IllegalArgumentException("address bits out of range: abuf " + abufAddrBits + ", sbuf " + sbufAddrBits);
        }
        if (wbufWordBits < 0 || wbufWordBits % 32 != 0 || (wbufWordBits > 0 && (wbufAddrBits < 1 || wbufAddrBits > 16))) {
            throw new IllegalArgumentException("wbuf word bits must be a multiple of 32 with 1..16 address bits (got "
                    + wbufWordBits + ", " + wbufAddrBits + ")");
        }
    }

    /** The geometry of {@code hw}'s buffers; {@code wbuf} for a matrix engine. */
    public static EngineGeometry of(HwConfig hw, boolean wbuf) {
        return new EngineGeometry(hw.lanes(), addrBits(hw.abufWords()), addrBits(hw.sbufWords()),
                wbuf ? addrBits(hw.wbufWords()) : 0, wbuf ? hw.wbufWordBits() : 0);
    }

    /** Address bits of a memory of {@code words} words (at least 1). */
    public static int addrBits(int words) {
        return Math.max(1, Fixed.ceilLog2(words));
    }

    public boolean hasWbuf() {
        return wbufWordBits > 0;
    }

    public int abufWordBits() {
        return 32 * lanes;
    }
}
