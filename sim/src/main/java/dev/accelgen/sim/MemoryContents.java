package dev.accelgen.sim;

import java.math.BigInteger;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The words of one memory as a run changes them: the image's words, then every write on top. Word
 * indices are unsigned (byte address / data_bytes); words past the image read 0 until written.
 */
public final class MemoryContents {
    private final int dataBytes;
    private final List<BigInteger> image;
    private final Map<Long, BigInteger> written = new HashMap<>();

    public MemoryContents(int dataBytes, List<BigInteger> image) {
        if (dataBytes < 1 || Integer.bitCount(dataBytes) != 1) {
            throw new IllegalArgumentException("dataBytes must be a power of two >= 1, got " + dataBytes);
        }
        this.dataBytes = dataBytes;
        this.image = List.copyOf(image);
    }

    public int dataBytes() {
        return dataBytes;
    }

    /** The word at unsigned index {@code index}. */
    public BigInteger word(long index) {
        BigInteger w = written.get(index);
        if (w != null) {
            return w;
        }
        return index >= 0 && index < image.size() ? image.get((int) index) : BigInteger.ZERO;
    }

    /** Writes byte lane i of {@code data} where bit i of {@code strobe} is set. */
    public void write(long index, BigInteger data, BigInteger strobe) {
        BigInteger w = word(index);
        for (int lane = 0; lane < dataBytes; lane++) {
            if (strobe.testBit(lane)) {
                for (int bit = 8 * lane; bit < 8 * lane + 8; bit++) {
                    w = data.testBit(bit) ? w.setBit(bit) : w.clearBit(bit);
                }
            }
        }
        written.put(index, w);
    }

    /** The final value of every word written so far (even with an all-zero strobe), by unsigned index. */
    public SortedMap<Long, BigInteger> written() {
        SortedMap<Long, BigInteger> out = new TreeMap<>(Long::compareUnsigned);
        out.putAll(written);
        return Collections.unmodifiableSortedMap(out);
    }
}
