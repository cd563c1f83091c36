package dev.accelgen.pe.accel.matrix.rtl;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.SInt;
import dev.accelgen.hdl.UInt;
import dev.accelgen.hdl.Val;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The arithmetic and wiring idioms of the matrix engine's RTL (each the hardware of a {@code MatArith} step). */
final class RtlOps {
    private RtlOps() {
    }

    /** {@code floor((p + 2^(s-1)) / 2^s)} for a run-time shift s (0..63): {@code (p >> s) + bit s-1 of p}. */
    static SInt roundShift(ModuleBuilder b, String name, SInt p, UInt s) {
        SInt t = p.shrDyn(s.subWrap(1));
        SInt rounded = t.shr(1).add(t.bit(0).asUInt().toSInt());
        return b.named(name, s.eq(0).select(p.sext(rounded.width()), rounded));
    }

    /** Clamp to the signed 32-bit range. */
    static SInt sat32(SInt v) {
        return v.saturate(32);
    }

    /** Clamp to [lo, hi] and keep {@code bits} bits (the code's two's-complement or unsigned pattern). */
    static Bits clamp(SInt v, long lo, long hi, int bits) {
        int w = Math.max(v.width(), 64 - Long.numberOfLeadingZeros(Math.max(Math.abs(lo), Math.abs(hi))) + 2);
        SInt x = v.sext(w);
        SInt loL = SInt.lit(BigInteger.valueOf(lo), w);
        SInt hiL = SInt.lit(BigInteger.valueOf(hi), w);
        SInt c = x.gt(hiL).select(hiL, x.lt(loL).select(loL, x));
        return c.slice(bits - 1, 0);
    }

    /** Lanes as one word, lane 0 in the low bits. */
    static Bits word(List<? extends Val> lanes) {
        List<Val> msbFirst = new ArrayList<>(lanes);
        Collections.reverse(msbFirst);
        return Bits.cat(msbFirst.toArray(new Val[0]));
    }

    /** Lane {@code i} of {@code width} bits. */
    static Bits lane(Bits word, int i, int width) {
        return word.slice(width * i + width - 1, width * i);
    }

    /** A register loaded with {@code value} in cycles where {@code enable} holds (no reset: data). */
    static <T extends Val> T hold(ModuleBuilder b, String name, Bool enable, T value) {
        @SuppressWarnings("unchecked")
        T q = (T) regLike(b, name, value);
        b.when(enable, () -> q.set(value));
        return q;
    }

    /** A data register of {@code value}'s type and width (no reset). */
    static Val regLike(ModuleBuilder b, String name, Val value) {
        if (value instanceof SInt) {
            return b.regNoReset(name, SInt.type(value.width()));
        }
        if (value instanceof UInt) {
            return b.regNoReset(name, UInt.type(value.width()));
        }
        if (value instanceof Bool) {
            return b.regNoReset(name, Bool.type());
        }
        return b.regNoReset(name, Bits.type(value.width()));
    }

    /** Bits needed for values 0..max. */
    static int bitsFor(long max) {
        return Math.max(1, 64 - Long.numberOfLeadingZeros(max));
    }
}
