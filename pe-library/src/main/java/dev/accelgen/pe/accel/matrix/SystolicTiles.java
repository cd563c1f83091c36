package dev.accelgen.pe.accel.matrix;

import dev.accelgen.pe.systolic.SystolicConfig;

/**
 * Systolic weight tiles: word {@code cb * K + k} is row k of column block cb, column c's weight (wBits, two's
 * complement or unsigned as the array is) at {@code c * wBits}. Columns past N hold 0.
 */
public final class SystolicTiles {
    private final SystolicConfig c;

    public SystolicTiles(SystolicConfig c) {
        this.c = c;
    }

    int words(int k, int n) {
        return MixPeTiles.ceil(n, c.cols()) * k;
    }

    long[][] pack(QuantWeights.Ints w, int wordBits) {
        int k = w.k();
        long lo = c.signed() ? -(1L << (c.wBits() - 1)) : 0;
        long hi = c.signed() ? (1L << (c.wBits() - 1)) - 1 : (1L << c.wBits()) - 1;
        long[][] words = new long[words(k, w.n())][];
        for (int cb = 0; cb < MixPeTiles.ceil(w.n(), c.cols()); cb++) {
            for (int i = 0; i < k; i++) {
                long[] word = WordBits.word(wordBits);
                for (int cc = 0; cc < c.cols() && cb * c.cols() + cc < w.n(); cc++) {
                    int v = w.values()[cb * c.cols() + cc][i];
                    MixPeTiles.checkRange("systolic weight", v, lo, hi);
                    WordBits.put(word, cc * c.wBits(), c.wBits(), v);
                }
                words[cb * k + i] = word;
            }
        }
        return words;
    }

    QuantWeights.Ints unpack(long[][] words, int k, int n) {
        int[][] v = new int[n][k];
        for (int col = 0; col < n; col++) {
            for (int i = 0; i < k; i++) {
                v[col][i] = (int) weight(words[col / c.cols() * k + i], col % c.cols());
            }
        }
        return new QuantWeights.Ints(v);
    }

    /** Column {@code col}'s weight in a beat's payload. */
    public long weight(long[] payload, int col) {
        return c.signed() ? WordBits.getSigned(payload, col * c.wBits(), c.wBits())
                : WordBits.get(payload, col * c.wBits(), c.wBits());
    }
}
