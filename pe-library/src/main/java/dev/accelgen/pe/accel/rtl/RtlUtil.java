package dev.accelgen.pe.accel.rtl;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.UInt;
import dev.accelgen.hdl.Val;
import java.util.List;

/** Small RTL helpers shared by the accelerator's block generators. */
public final class RtlUtil {
    private RtlUtil() {
    }

    /** Bits to hold values 0..max (at least 1). */
    public static int bitsFor(long max) {
        return Math.max(1, 64 - Long.numberOfLeadingZeros(max));
    }

    public static int log2(int powerOfTwo) {
        return Integer.numberOfTrailingZeros(powerOfTwo);
    }

    public static UInt u(long value, int width) {
        return UInt.lit(value, width);
    }

    /** The smaller of two unsigned values, at the wider width. */
    public static UInt min(UInt a, UInt b) {
        int w = Math.max(a.width(), b.width());
        UInt aw = a.resize(w);
        UInt bw = b.resize(w);
        return aw.lt(bw).select(aw, bw);
    }

    /** Concatenation with element 0 in the low bits. */
    public static Bits catLowFirst(List<? extends Val> parts) {
        Val[] msbFirst = new Val[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            msbFirst[i] = parts.get(parts.size() - 1 - i);
        }
        return Bits.cat(msbFirst);
    }

    /** OR of many conditions (false when empty). */
    public static Bool any(List<Bool> conds) {
        Bool r = Bool.FALSE;
        for (Bool c : conds) {
            r = r == Bool.FALSE ? c : r.or(c);
        }
        return r;
    }

    /** A byte mask of {@code bytes} bits whose low {@code keep} bits are set ({@code keep} in 0..bytes). */
    public static Bits lowBytesMask(UInt keep, int bytes) {
        Bits all = Bits.replicate(Bool.TRUE, bytes);
        UInt drop = u(bytes, bitsFor(bytes)).subWrap(keep.resize(bitsFor(bytes)));
        return all.shrDyn(drop);
    }

    /** Expands a byte mask to a bit mask (each mask bit covers 8 data bits). */
    public static Bits bytesToBits(Bits byteMask) {
        Val[] parts = new Val[byteMask.width()];
        for (int i = 0; i < byteMask.width(); i++) {
            parts[byteMask.width() - 1 - i] = Bits.replicate(byteMask.bit(i), 8);
        }
        return Bits.cat(parts);
    }
}
