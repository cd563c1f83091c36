package dev.accelgen.pe.vector.seq;

import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.UInt;
import java.util.List;

/**
 * {@link SeqPlan} as hardware values, valid in the go cycle (functions of the engine's {@code i_} inputs).
 * Addresses and strides of any width (truncated to the ABUF address width); {@code gaps} 8 bits each.
 */
public record SeqPlanRtl(UInt rows, UInt len, UInt a, UInt aStride, UInt b, UInt bStride, UInt d, UInt dStride,
                         Bool dual, UInt passes, List<UInt> gaps, UInt nPro, UInt pro0, UInt pro1) {
    public static final int GAP_BITS = 8;

    public SeqPlanRtl {
        gaps = List.copyOf(gaps);
        if (gaps.size() != 3) {
            throw new IllegalArgumentException("a plan has 3 gap values");
        }
    }

    /** A constant gap value. */
    public static UInt gap(int cycles) {
        return UInt.lit(cycles, GAP_BITS);
    }
}
