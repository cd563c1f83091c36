package dev.accelgen.pe.accel.matrix;

import dev.accelgen.pe.ternary.Packing;
import dev.accelgen.pe.ternary.TernaryCodec;
import dev.accelgen.pe.ternary.TernaryConfig;

/**
 * Ternary weight tiles: word {@code n * ceil(K/L) + kb} feeds column n at positions {@code kb*L ..}; its payload
 * is the unit's weight port value for the L lanes: 2-bit codes (lane i at {@code 2i}) or base-3 bytes (byte j at
 * {@code 8j}), as {@link TernaryCodec} packs them. Positions past K hold weight 0.
 */
public final class TernaryTiles {
    private final TernaryConfig c;

    public TernaryTiles(TernaryConfig c) {
        this.c = c;
    }

    int beats(int k) {
        return MixPeTiles.ceil(k, c.lanes());
    }

    int words(int k, int n) {
        return n * beats(k);
    }

    long[][] pack(QuantWeights.Ternary w, int wordBits) {
        int k = w.k();
        long[][] words = new long[words(k, w.n())][];
        for (int col = 0; col < w.n(); col++) {
            for (int kb = 0; kb < beats(k); kb++) {
                int[] lanes = new int[c.lanes()];
                for (int i = 0; i < c.lanes() && kb * c.lanes() + i < k; i++) {
                    lanes[i] = w.trits()[col][kb * c.lanes() + i];
                    MixPeTiles.checkRange("ternary weight", lanes[i], -1, 1);
                }
                long[] word = WordBits.word(wordBits);
                if (c.packing() == Packing.TWO_BIT) {
                    for (int i = 0; i < c.lanes(); i++) {
                        WordBits.put(word, 2 * i, 2, TernaryCodec.encode2(lanes[i]));
                    }
                } else {
                    int[] bytes = TernaryCodec.packRowBase3(lanes);
                    for (int j = 0; j < bytes.length; j++) {
                        WordBits.put(word, 8 * j, 8, bytes[j]);
                    }
                }
                words[col * beats(k) + kb] = word;
            }
        }
        return words;
    }

    QuantWeights.Ternary unpack(long[][] words, int k, int n) {
        int[][] trits = new int[n][k];
        for (int col = 0; col < n; col++) {
            for (int kb = 0; kb < beats(k); kb++) {
                int[] lanes = weights(words[col * beats(k) + kb]);
                for (int i = 0; i < c.lanes() && kb * c.lanes() + i < k; i++) {
                    trits[col][kb * c.lanes() + i] = lanes[i];
                }
            }
        }
        return new QuantWeights.Ternary(trits);
    }

    /** The decoded weights (-1, 0, +1) of a beat's payload, as the unit decodes its weight port. */
    public int[] weights(long[] payload) {
        if (c.packing() == Packing.TWO_BIT) {
            int[] w = new int[c.lanes()];
            for (int i = 0; i < w.length; i++) {
                w[i] = TernaryCodec.decode2((int) WordBits.get(payload, 2 * i, 2));
            }
            return w;
        }
        int[] bytes = new int[c.weightBytes()];
        for (int j = 0; j < bytes.length; j++) {
            bytes[j] = (int) WordBits.get(payload, 8 * j, 8);
        }
        return TernaryCodec.unpackRowBase3(bytes, c.lanes());
    }
}
