package dev.accelgen.pe.accel.matrix;

import dev.accelgen.pe.dsp.DspChainConfig;
import dev.accelgen.pe.dsp.DspChainCycle;
import dev.accelgen.pe.dsp.Sparsity;
import java.util.TreeSet;

/**
 * DSP-chain weight tiles: word {@code cb * beats + kb} feeds column block cb (P columns, P = the chain's weight
 * ports) at window kb. Its payload holds the weight of slice s and column p at {@code (s*P + p) * bits} (int8, or
 * int4 for int4x4), then the sparse index fields ({@code indexBits} each). Dense: slice s takes position
 * {@code kb*S + s}, S positions per beat, index fields 0. Sparse: a beat covers the window (S*m/n positions for
 * N:M, 2S for block sparsity); the index fields name the stored non-zeros, which the P columns of a block share
 * because one index serves a whole slice. Unused slices point at positions whose weights are zero.
 */
public final class DspTiles {
    private final DspChainConfig c;
    private final UnitShape.Dsp shape;

    public DspTiles(DspChainConfig c) {
        this.c = c;
        this.shape = new UnitShape.Dsp(c);
    }

    int beats(int k, boolean sparse) {
        return MixPeTiles.ceil(k, shape.positions(sparse));
    }

    int words(int k, int n, boolean sparse) {
        return MixPeTiles.ceil(n, shape.colsPerBlock()) * beats(k, sparse);
    }

    long[][] pack(QuantWeights.Ints w, boolean sparse, int wordBits) {
        int bits = c.packing().bits();
        for (int[] col : w.values()) {
            for (int v : col) {
                MixPeTiles.checkRange("dsp-chain weight", v, -(1L << (bits - 1)), (1L << (bits - 1)) - 1);
            }
        }
        boolean sp = sparse && c.sparse();
        int cols = shape.colsPerBlock();
        long[][] words = new long[words(w.k(), w.n(), sp)][];
        for (int cb = 0; cb < MixPeTiles.ceil(w.n(), cols); cb++) {
            for (int kb = 0; kb < beats(w.k(), sp); kb++) {
                int base = kb * shape.positions(sp);
                int[] idx = sp ? indices(w, cb, base) : new int[c.indexFields()];
                long[] word = WordBits.word(wordBits);
                for (int s = 0; s < c.length(); s++) {
                    int pos = base + (sp ? c.sparseSource(s, idx[c.indexFieldOf(s)]) : s);
                    for (int p = 0; p < cols; p++) {
                        WordBits.put(word, weightAt(s, p), bits, value(w, cb * cols + p, pos));
                    }
                }
                for (int f = 0; f < c.indexFields(); f++) {
                    WordBits.put(word, indexAt(f), c.indexBits(), idx[f]);
                }
                words[cb * beats(w.k(), sp) + kb] = word;
            }
        }
        return words;
    }

    QuantWeights.Ints unpack(long[][] words, int k, int n, boolean sparse) {
        boolean sp = sparse && c.sparse();
        int cols = shape.colsPerBlock();
        int[][] v = new int[n][k];
        for (int cb = 0; cb < MixPeTiles.ceil(n, cols); cb++) {
            for (int kb = 0; kb < beats(k, sp); kb++) {
                long[] word = words[cb * beats(k, sp) + kb];
                DspChainCycle.Beat b = weights(word);
                for (int s = 0; s < c.length(); s++) {
                    int pos = kb * shape.positions(sp) + (sp ? c.sparseSource(s, b.idx()[c.indexFieldOf(s)]) : s);
                    for (int p = 0; p < cols && cb * cols + p < n; p++) {
                        long x = b.w()[shape.weightPortOf(p)][s];
                        if (pos < k && x != 0) {
                            v[cb * cols + p][pos] = (int) x;
                        }
                    }
                }
            }
        }
        return new QuantWeights.Ints(v);
    }

    /** The weights ({@code [port][slice]}) and index fields of a payload, with no activations yet. */
    public DspChainCycle.Beat weights(long[] payload) {
        int bits = c.packing().bits();
        long[][] w = new long[shape.colsPerBlock()][c.length()];
        for (int s = 0; s < c.length(); s++) {
            for (int p = 0; p < shape.colsPerBlock(); p++) {
                w[shape.weightPortOf(p)][s] = WordBits.getSigned(payload, weightAt(s, p), bits);
            }
        }
        int[] idx = new int[c.indexFields()];
        for (int f = 0; f < idx.length; f++) {
            idx[f] = (int) WordBits.get(payload, indexAt(f), c.indexBits());
        }
        return new DspChainCycle.Beat(new long[shape.rowsPerPass()][c.window()], w, idx);
    }

    public int weightAt(int slice, int col) {
        return (slice * shape.colsPerBlock() + col) * c.packing().bits();
    }

    public int indexAt(int field) {
        return c.length() * shape.colsPerBlock() * c.packing().bits() + field * c.indexBits();
    }

    /** The index fields of one window: the non-zero groups (or blocks) shared by the block's columns, ascending. */
    private int[] indices(QuantWeights.Ints w, int cb, int base) {
        int[] idx = new int[c.indexFields()];
        if (c.sparsity() instanceof Sparsity.NOfM nm) {
            for (int g = 0; g < c.length() / nm.n(); g++) {
                int[] pick = choose(w, cb, base + g * nm.m(), 1, nm.m(), nm.n(), nm.spec() + " group");
                System.arraycopy(pick, 0, idx, g * nm.n(), nm.n());
            }
        } else if (c.sparsity() instanceof Sparsity.Block bl) {
            idx = choose(w, cb, base, bl.b(), c.indexChoices(), c.indexFields(), bl.spec() + " window");
        }
        return idx;
    }

    /** {@code need} distinct units (of {@code size} positions) among {@code of} from {@code from}: the non-zero ones first. */
    private int[] choose(QuantWeights.Ints w, int cb, int from, int size, int of, int need, String what) {
        TreeSet<Integer> used = new TreeSet<>();
        int cols = shape.colsPerBlock();
        for (int u = 0; u < of; u++) {
            for (int t = 0; t < size; t++) {
                for (int p = 0; p < cols; p++) {
                    if (value(w, cb * cols + p, from + u * size + t) != 0) {
                        used.add(u);
                    }
                }
            }
        }
        if (used.size() > need) {
            throw new IllegalArgumentException("dsp-chain " + what + " at positions " + from + ".." + (from + of * size - 1)
                    + " of columns " + cb * cols + ".." + (cb * cols + cols - 1) + " holds " + used.size()
                    + " non-zero units where the chain stores " + need + " (prune the " + cols
                    + " columns of a block together: they share one index per slice)");
        }
        for (int u = 0; used.size() < need; u++) {
            used.add(u);
        }
        return used.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int value(QuantWeights.Ints w, int col, int pos) {
        return col < w.n() && pos < w.k() ? w.values()[col][pos] : 0;
    }
}
