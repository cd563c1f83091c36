package dev.accelgen.compiler.backend.exec;

import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.pe.vector.arith.AttnArith;
import dev.accelgen.pe.vector.arith.MlgruFxArith;
import dev.accelgen.pe.vector.arith.RopeArith;
import java.util.Arrays;
import java.util.stream.IntStream;

/** The ops whose rows depend on their position or on earlier rows: RoPE, attention over the KV cache, the MLGRU. */
final class SequenceKernels {
    private SequenceKernels() {
    }

    /** Each head of each row rotated with the table row of its position ({@link RopeArith}). */
    static int[][] rope(LirOp.Rope r, int[][] a, int position) {
        int d = r.headDim();
        int[][] out = new int[a.length][];
        for (int t = 0; t < a.length; t++) {
            int[] table = r.table().row(position + t);
            out[t] = new int[a[t].length];
            for (int h = 0; h < r.heads(); h++) {
                int[] head = RopeArith.head(Arrays.copyOfRange(a[t], h * d, (h + 1) * d), table, d);
                System.arraycopy(head, 0, out[t], h * d, d);
            }
        }
        return out;
    }

    /**
     * Writes the run's key and value rows into the caches at their positions, then attends each query row over the
     * cached keys of its range ({@link LirOp.Attention}: up to its own position when causal, from its window's first
     * key, else the whole run), head by head, in the op's key tiles ({@link #attend}).
     */
    static int[][] attention(LirOp.Attention a, int[][] q, int[][] k, int[][] v, int[][] keyCache, int[][] valueCache, int position) {
        int t = q.length;
        for (int r = 0; r < t; r++) {
            System.arraycopy(k[r], 0, keyCache[position + r], 0, k[r].length);
            System.arraycopy(v[r], 0, valueCache[position + r], 0, v[r].length);
        }
        int d = a.headDim();
        int group = a.heads() / a.kvHeads();
        int keysTotal = position + t;
        int[][][] kh = new int[a.kvHeads()][][];
        int[][][] vh = new int[a.kvHeads()][][];
        for (int h = 0; h < a.kvHeads(); h++) {
            kh[h] = heads(keyCache, keysTotal, h, d);
            vh[h] = heads(valueCache, keysTotal, h, d);
        }
        int[][] out = new int[t][a.heads() * d];
        IntStream.range(0, t).parallel().forEach(r -> {
            int pos = position + r;
            int keys = a.causal() ? pos + 1 : keysTotal;
            for (int h = 0; h < a.heads(); h++) {
                int kv = h / group;
                int[] qh = Arrays.copyOfRange(q[r], h * d, (h + 1) * d);
                int[] o = attend(qh, kh[kv], vh[kv], a.firstKey(pos), keys, d, a.causal(), pos, a.keyTile());
                System.arraycopy(o, 0, out[r], h * d, d);
            }
        });
        return out;
    }

    /**
     * One query row over keys [first, keys) in tiles of {@code tileSize} at absolute positions ({@link AttnArith#tile},
     * the online softmax carried across them): with {@code first} 0 exactly {@link AttnArith#attend}. A window's first
     * tile starts at its first key: in VATTN's arithmetic that equals the whole tile with the keys before it masked (a
     * masked key adds no weight and does not move the running max), and tiles wholly before the window are skipped
     * (they would leave the row unchanged).
     */
    static int[] attend(int[] q, int[][] k, int[][] v, int first, int keys, int headDim, boolean causal, long pos, int tileSize) {
        if (first == 0) {
            return AttnArith.attend(q, k, v, keys, headDim, causal, pos, tileSize);
        }
        int[] o = new int[headDim];
        AttnArith.State st = AttnArith.State.FIRST;
        int from = first;
        boolean firstTile = true;
        do {
            int n = Math.min((from / tileSize + 1) * tileSize, keys) - from;
            boolean last = from + n >= keys;
            st = AttnArith.tile(q, new AttnArith.Tile(k, v, from, n, headDim), causal, 0, pos - from, firstTile, st, o, last);
            firstTile = false;
            from += n;
        } while (from < keys);
        return o;
    }

    /** Rows [0, rows) of head h's columns. */
    private static int[][] heads(int[][] cache, int rows, int h, int d) {
        int[][] out = new int[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = Arrays.copyOfRange(cache[r], h * d, (h + 1) * d);
        }
        return out;
    }

    /** The recurrence over the rows in order ({@link MlgruFxArith}); {@code state} (one row) is updated in place. */
    static int[][] mlgru(int[][] f, int[][] c, int[][] g, int[] state) {
        int[][] out = new int[f.length][state.length];
        for (int r = 0; r < f.length; r++) {
            for (int i = 0; i < state.length; i++) {
                MlgruFxArith.Step s = MlgruFxArith.step(f[r][i], c[r][i], g[r][i], state[i]);
                state[i] = s.h();
                out[r][i] = s.o();
            }
        }
        return out;
    }
}
