package dev.accelgen.pe.accel.matrix;

import dev.accelgen.pe.mixpe.MixPeArith;
import dev.accelgen.pe.mixpe.MixPeConfig;
import dev.accelgen.pe.mixpe.MixPeCycle;

/**
 * MixPE weight tiles (docs/accelerator.md, "Weight tiles in WBUF"): word {@code cb * ceil(K/L) + kb} feeds
 * column block cb (columns {@code cb*C ..}) at positions {@code kb*L ..}; its payload holds code (c, i) at
 * {@code (c*L + i)*w}, then the scales (16 bits) of (c, g) at {@code C*L*w + (c*L/G + g)*16}, then the zero
 * points at {@code C*L*w + C*(L/G)*16 + (c*L/G + g)*w}. Positions past K and columns past N hold code 0, scale
 * 0 and zero point 0.
 */
public final class MixPeTiles {
    private final MixPeConfig c;

    public MixPeTiles(MixPeConfig c) {
        this.c = c;
    }

    int beats(int k) {
        return ceil(k, c.lanes());
    }

    int words(int k, int n) {
        return ceil(n, c.cols()) * beats(k);
    }

    long[][] pack(QuantWeights.MixPe w, int wordBits) {
        int k = w.k();
        int n = w.n();
        int groups = ceil(k, c.group());
        for (int col = 0; col < n; col++) {
            if (w.scales()[col].length != groups) {
                throw new IllegalArgumentException("mixpe group " + c.group() + ": column " + col + " needs " + groups
                        + " scales and zero points for K=" + k + ", got " + w.scales()[col].length);
            }
            for (int i = 0; i < k; i++) {
                checkRange("mixpe code", w.codes()[col][i], 0, (1 << c.wBits()) - 1);
            }
            for (int g = 0; g < groups; g++) {
                checkRange("mixpe scale", w.scales()[col][g], 0, (1 << MixPeArith.SCALE_BITS) - 1);
                checkRange("mixpe zero point", w.zps()[col][g], 0, (1 << c.wBits()) - 1);
            }
        }
        long[][] words = new long[words(k, n)][];
        for (int cb = 0; cb < ceil(n, c.cols()); cb++) {
            for (int kb = 0; kb < beats(k); kb++) {
                long[] word = WordBits.word(wordBits);
                for (int cc = 0; cc < c.cols(); cc++) {
                    int col = cb * c.cols() + cc;
                    for (int i = 0; i < c.lanes(); i++) {
                        int pos = kb * c.lanes() + i;
                        WordBits.put(word, codeAt(cc, i), c.wBits(), col < n && pos < k ? w.codes()[col][pos] : 0);
                    }
                    for (int g = 0; g < c.groupsPerBeat(); g++) {
                        int kg = kb * c.groupsPerBeat() + g;
                        boolean real = col < n && kg < groups;
                        WordBits.put(word, scaleAt(cc, g), MixPeArith.SCALE_BITS, real ? w.scales()[col][kg] : 0);
                        WordBits.put(word, zpAt(cc, g), c.wBits(), real ? w.zps()[col][kg] : 0);
                    }
                }
                words[cb * beats(k) + kb] = word;
            }
        }
        return words;
    }

    QuantWeights.MixPe unpack(long[][] words, int k, int n) {
        int groups = ceil(k, c.group());
        int[][] codes = new int[n][k];
        int[][] scales = new int[n][groups];
        int[][] zps = new int[n][groups];
        for (int col = 0; col < n; col++) {
            int cb = col / c.cols();
            int cc = col % c.cols();
            for (int pos = 0; pos < k; pos++) {
                long[] word = words[cb * beats(k) + pos / c.lanes()];
                codes[col][pos] = (int) WordBits.get(word, codeAt(cc, pos % c.lanes()), c.wBits());
            }
            for (int kg = 0; kg < groups; kg++) {
                long[] word = words[cb * beats(k) + kg / c.groupsPerBeat()];
                scales[col][kg] = (int) WordBits.get(word, scaleAt(cc, kg % c.groupsPerBeat()), MixPeArith.SCALE_BITS);
                zps[col][kg] = (int) WordBits.get(word, zpAt(cc, kg % c.groupsPerBeat()), c.wBits());
            }
        }
        return new QuantWeights.MixPe(codes, scales, zps);
    }

    /** The unit's beat for activation codes {@code act} and a WBUF word's payload. */
    public MixPeCycle.Beat beat(boolean last, int[] act, long[] payload) {
        int[][] w = new int[c.cols()][c.lanes()];
        int[][] scale = new int[c.cols()][c.groupsPerBeat()];
        int[][] zp = new int[c.cols()][c.groupsPerBeat()];
        for (int cc = 0; cc < c.cols(); cc++) {
            for (int i = 0; i < c.lanes(); i++) {
                w[cc][i] = (int) WordBits.get(payload, codeAt(cc, i), c.wBits());
            }
            for (int g = 0; g < c.groupsPerBeat(); g++) {
                scale[cc][g] = (int) WordBits.get(payload, scaleAt(cc, g), MixPeArith.SCALE_BITS);
                zp[cc][g] = (int) WordBits.get(payload, zpAt(cc, g), c.wBits());
            }
        }
        return new MixPeCycle.Beat(last, act, w, scale, zp);
    }

    public int codeAt(int col, int lane) {
        return (col * c.lanes() + lane) * c.wBits();
    }

    public int scaleAt(int col, int g) {
        return c.cols() * c.lanes() * c.wBits() + (col * c.groupsPerBeat() + g) * MixPeArith.SCALE_BITS;
    }

    public int zpAt(int col, int g) {
        return c.cols() * c.lanes() * c.wBits() + c.cols() * c.groupsPerBeat() * MixPeArith.SCALE_BITS
                + (col * c.groupsPerBeat() + g) * c.wBits();
    }

    static int ceil(int a, int b) {
        return (a + b - 1) / b;
    }

    static void checkRange(String what, long v, long lo, long hi) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(what + " " + v + " is outside " + lo + ".." + hi);
        }
    }
}
