package dev.accelgen.pe.accel.matrix;

import java.util.ArrayList;
import java.util.List;

/**
 * A weight tile as WBUF words of {@code wordBits} bits (little-endian 64-bit limbs), in the order the matrix
 * engine reads them from the tile's {@code wAddr}. Off chip the load engine stripes each word over the AXI
 * ports: port p supplies bits {@code [p * portBits, (p + 1) * portBits)} of every word, all ports at the same
 * offset; {@link #portBytes} is that port's share, word after word.
 */
public record WeightImage(int wordBits, List<long[]> words) {
    public WeightImage {
        List<long[]> copy = new ArrayList<>();
        for (long[] w : words) {
            if (w.length != (wordBits + 63) / 64) {
                throw new IllegalArgumentException("a " + wordBits + "-bit word needs " + (wordBits + 63) / 64
                        + " limbs, got " + w.length);
            }
            copy.add(w.clone());
        }
        words = List.copyOf(copy);
    }

    public int size() {
        return words.size();
    }

    public long[] word(int i) {
        return words.get(i).clone();
    }

    /** Port {@code port}'s bytes: {@code portBits / 8} bytes per word, little-endian, word 0 first. */
    public byte[] portBytes(int port, int portBits) {
        if (portBits % 8 != 0 || (port + 1) * portBits > wordBits) {
            throw new IllegalArgumentException("port " + port + " of " + portBits + " bits is outside a " + wordBits
                    + "-bit word");
        }
        int bytes = portBits / 8;
        byte[] out = new byte[bytes * words.size()];
        for (int i = 0; i < words.size(); i++) {
            long[] w = words.get(i);
            for (int b = 0; b < bytes; b++) {
                out[i * bytes + b] = (byte) WordBits.get(w, port * portBits + 8 * b, 8);
            }
        }
        return out;
    }
}
