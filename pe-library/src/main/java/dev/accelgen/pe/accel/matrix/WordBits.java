package dev.accelgen.pe.accel.matrix;

/** Bit fields of a wide word held as little-endian 64-bit limbs (a WBUF word: bit i is bit i % 64 of limb i / 64). */
public final class WordBits {
    private WordBits() {
    }

    public static long[] word(int bits) {
        return new long[(bits + 63) / 64];
    }

    /** The unsigned field of {@code width} (1..64) bits at {@code offset}. */
    public static long get(long[] word, int offset, int width) {
        long v = 0;
        for (int i = 0; i < width; i++) {
            int bit = offset + i;
            v |= ((word[bit >> 6] >>> (bit & 63)) & 1L) << i;
        }
        return v;
    }

    /** The field read as a two's-complement number. */
    public static long getSigned(long[] word, int offset, int width) {
        long v = get(word, offset, width);
        return width == 64 ? v : (v << (64 - width)) >> (64 - width);
    }

    /** Writes the low {@code width} bits of {@code value} at {@code offset}. */
    public static void put(long[] word, int offset, int width, long value) {
        for (int i = 0; i < width; i++) {
            int bit = offset + i;
            long mask = 1L << (bit & 63);
            if (((value >>> i) & 1) != 0) {
                word[bit >> 6] |= mask;
            } else {
                word[bit >> 6] &= ~mask;
            }
        }
    }
}
