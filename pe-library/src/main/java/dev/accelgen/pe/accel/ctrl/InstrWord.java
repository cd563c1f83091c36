package dev.accelgen.pe.accel.ctrl;

import dev.accelgen.pe.accel.isa.FieldLayout;
import dev.accelgen.pe.accel.isa.InstrLayout;
import dev.accelgen.pe.accel.isa.Opcode;
import java.util.Arrays;

/** One raw 256-bit instruction word as four little-endian 64-bit limbs, with the field access the decoders need. */
public final class InstrWord {
    public static final int LIMBS = InstrLayout.BITS / 64;
    private final long[] limbs;

    public InstrWord(long[] limbs) {
        if (limbs.length != LIMBS) {
            throw new IllegalArgumentException("an instruction word is " + LIMBS + " limbs, got " + limbs.length);
        }
        this.limbs = limbs.clone();
    }

    /** The word held by 32 little-endian bytes at {@code offset} of {@code bytes}. */
    public static InstrWord of(byte[] bytes, int offset) {
        long[] l = new long[LIMBS];
        for (int i = 0; i < InstrLayout.BYTES; i++) {
            l[i / 8] |= (bytes[offset + i] & 0xFFL) << (8 * (i % 8));
        }
        return new InstrWord(l);
    }

    public int opcodeBits() {
        return (int) (limbs[0] & 0xFF);
    }

    /** Bits {@code [lsb, lsb + width)} as an unsigned value (width <= 64). */
    public long bits(int lsb, int width) {
        long v = 0;
        for (int i = 0; i < width; i++) {
            int b = lsb + i;
            v |= (limbs[b / 64] >>> (b % 64) & 1L) << i;
        }
        return v;
    }

    /** Whether any bit at or above {@code lsb} is set. */
    public boolean anyAbove(int lsb) {
        for (int b = lsb; b < InstrLayout.BITS; b++) {
            if ((limbs[b / 64] >>> (b % 64) & 1L) != 0) {
                return true;
            }
        }
        return false;
    }

    /** The raw value of a field: INT/ENUM/BOOL/DEPS bits; for an operand its register (low 4 bits) and immediate. */
    public long field(FieldLayout f) {
        return bits(f.lsb(), f.width());
    }

    public int operandReg(FieldLayout f) {
        return (int) bits(f.lsb(), 4);
    }

    /** An operand's immediate, sign-extended when the field is signed. */
    public long operandImm(FieldLayout f) {
        long v = bits(f.lsb() + 4, f.immWidth());
        int w = f.immWidth();
        if (f.signed() && w < 64 && (v >>> (w - 1) & 1) != 0) {
            v -= 1L << w;
        }
        return v;
    }

    /** The opcode of this word, or null when its code is unknown. */
    public Opcode opcode() {
        return Opcode.byCode(opcodeBits());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InstrWord w && Arrays.equals(limbs, w.limbs);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(limbs);
    }
}
