package dev.accelgen.pe.accel.model;

import java.util.Arrays;

/** The bytes of one port's memory as 64-bit little-endian words; reads past the end give 0, writes grow it. */
public final class PortContents {
    private long[] words;

    public PortContents(byte[] image) {
        words = new long[(image.length + 7) / 8];
        for (int i = 0; i < image.length; i++) {
            words[i / 8] |= (image[i] & 0xFFL) << (8 * (i % 8));
        }
    }

    /** The 64-bit word at byte address {@code 8 * index}. */
    public long word(long index) {
        return index >= 0 && index < words.length ? words[(int) index] : 0;
    }

    /** Writes the bytes of {@code value} whose bits in {@code byteMask} (8 bits) are set. */
    public void write(long index, long value, int byteMask) {
        if (byteMask == 0) {
            return;
        }
        if (index >= words.length) {
            words = Arrays.copyOf(words, (int) Math.max(index + 1, Math.min(Integer.MAX_VALUE - 8, words.length * 2L)));
        }
        long m = 0;
        for (int b = 0; b < 8; b++) {
            if ((byteMask >>> b & 1) != 0) {
                m |= 0xFFL << (8 * b);
            }
        }
        words[(int) index] = words[(int) index] & ~m | value & m;
    }

    /** The first {@code length} bytes. */
    public byte[] bytes(int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (word(i / 8) >>> (8 * (i % 8)));
        }
        return out;
    }

    /** Bytes held (a multiple of 8: the image rounded up, plus anything written past it). */
    public long size() {
        return words.length * 8L;
    }
}
