package dev.accelgen.pe.vector;

import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.fixed.Fixed;
import dev.accelgen.pe.vector.engine.EngineGeometry;

/**
 * The parameters every vector engine is generated for, taken from {@link HwConfig}: V lanes, the longest
 * broadcast row ({@code maxRowElems}, the depth of an engine's local row buffers) and the ABUF/SBUF address
 * widths.
 */
public record VecEngineConfig(int lanes, int maxRowElems, int abufAddrBits, int sbufAddrBits) {
    public VecEngineConfig {
        if (lanes < 4 || lanes > 64 || Integer.bitCount(lanes) != 1) {
            throw new IllegalArgumentException("lanes must be a power of two in 4..64 (got " + lanes + ")");
        }
        if (maxRowElems < lanes || maxRowElems % lanes != 0 || maxRowElems > 65536) {
            throw new IllegalArgumentException("maxRowElems must be a multiple of lanes " + lanes + " up to 65536 (got "
                    + maxRowElems + ")");
        }
        new EngineGeometry(lanes, abufAddrBits, sbufAddrBits, 0, 0);
    }

    public static VecEngineConfig of(HwConfig hw) {
        return new VecEngineConfig(hw.lanes(), hw.maxRowElems(), EngineGeometry.addrBits(hw.abufWords()),
                EngineGeometry.addrBits(hw.sbufWords()));
    }

    public EngineGeometry geometry() {
        return new EngineGeometry(lanes, abufAddrBits, sbufAddrBits, 0, 0);
    }

    public int laneBits() {
        return Integer.numberOfTrailingZeros(lanes);
    }

    /** Bits of a word count or index within a row ({@code len} < 2^16). */
    public int wordBits() {
        return 17 - laneBits();
    }

    /** Address bits of a local row buffer (maxRowElems / lanes words, rounded up to a power of two). */
    public int localAddrBits() {
        return Math.max(1, Fixed.ceilLog2(maxRowElems / lanes));
    }

    public int abufMask() {
        return (1 << abufAddrBits) - 1;
    }

    /** Suffix that makes module names unique per configuration. */
    public String suffix() {
        return "v" + lanes + "_r" + maxRowElems + "_a" + abufAddrBits + "_s" + sbufAddrBits;
    }
}
