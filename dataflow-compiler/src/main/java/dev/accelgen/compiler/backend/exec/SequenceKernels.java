package dev.accelgen.compiler.backend.exec;

import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.pe.vector.arith.AttnArith;
import dev.accelgen.pe.vector.arith.MlgruFxArith;
import dev.accelgen.pe.vector.arith.RopeArith;
import java.util.Arrays;

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
     * cached keys up to its own position (causal) or up to the run's last one, head by head, in the op's key tiles
     * ({@link AttnArith#attend}: tiles at absolute key positions, so a row's result does not depend on how the
     * sequence was split into runs).
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
        for (int r = 0; r < t; r++) {
            long pos = position + r;
            int keys = a.causal() ? (int) pos + 1 : keysTotal;
            for (int h = 0; h < a.heads(); h++) {
                int kv = h / group;
                int[] qh = Arrays.copyOfRange(q[r], h * d, (h + 1) * d);
                int[] o = AttnArith.attend(qh, kh[kv], vh[kv], keys, d, a.causal(), pos, a.keyTile());
                System.arraycopy(o, 0, out[r], h * d, d);
            }
        }
        return out;
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
