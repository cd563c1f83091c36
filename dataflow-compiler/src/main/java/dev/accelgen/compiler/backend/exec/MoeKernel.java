package dev.accelgen.compiler.backend.exec;

import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.compiler.backend.lir.Projection;
import dev.accelgen.pe.vector.arith.ActArith;
import dev.accelgen.pe.vector.arith.ScatterArith;
import dev.accelgen.pe.vector.arith.SoftmaxArith;
import dev.accelgen.pe.vector.arith.TopKArith;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A mixture of experts as the program runs it: router projection, the top-k routing of the rows into per-expert lists
 * of (row, gate) in row order (VTOPK with lists that have room for every row, so no pick is dropped; with
 * {@link LirOp.Gating#PICKED_OF_SOFTMAX} a softmax over all logits first and the picked probabilities as gates), then
 * expert by expert the up projection, activation and down projection of its listed rows, combined into the zeroed
 * output by VSCATTER ({@link ScatterArith}) in list order.
 */
final class MoeKernel {
    private MoeKernel() {
    }

    static int[][] apply(LirOp.Moe m, int[][] x, Function<Projection, ProjectionKernel> kernels) {
        int t = x.length;
        int[][] logits = Rows.parallel(x, kernels.apply(m.router())::row);
        int[][][] lists = route(m, logits);
        int[][] out = new int[t][x[0].length];
        for (int e = 0; e < m.experts(); e++) {
            int[][] entries = lists[e];
            int[][] rows = new int[entries.length][];
            for (int i = 0; i < entries.length; i++) {
                rows[i] = x[entries[i][0]];
            }
            ProjectionKernel up = kernels.apply(m.up().get(e));
            ProjectionKernel down = kernels.apply(m.down().get(e));
            int[][] ys = Rows.parallel(rows, row -> {
                int[] hidden = up.row(row);
                for (int j = 0; j < hidden.length; j++) {
                    hidden[j] = ActArith.apply(m.act(), hidden[j]);
                }
                return down.row(hidden);
            });
            for (int i = 0; i < entries.length; i++) {
                int[] d = out[entries[i][0]];
                for (int j = 0; j < ys[i].length; j++) {
                    d[j] = ScatterArith.combine(d[j], entries[i][1], ys[i][j]);
                }
            }
        }
        return out;
    }

    /** Each expert's (row, gate) entries in row order. */
    static int[][][] route(LirOp.Moe m, int[][] logits) {
        int e = m.experts();
        int[][][] lists = new int[e][][];
        if (m.gating() == LirOp.Gating.SOFTMAX_OF_PICKED) {
            TopKArith.Lists l = new TopKArith.Lists(e, logits.length);
            for (int r = 0; r < logits.length; r++) {
                l.route(r, logits[r], m.topK());
            }
            for (int j = 0; j < e; j++) {
                lists[j] = new int[l.count(j)][];
                for (int i = 0; i < lists[j].length; i++) {
                    lists[j][i] = l.entry(j, i);
                }
            }
            return lists;
        }
        List<List<int[]>> byExpert = new ArrayList<>();
        for (int j = 0; j < e; j++) {
            byExpert.add(new ArrayList<>());
        }
        for (int r = 0; r < logits.length; r++) {
            int[] p = SoftmaxArith.row(logits[r], e);
            for (int pick : TopKArith.pick(p, e, m.topK())) {
                byExpert.get(pick).add(new int[] {r, p[pick]});
            }
        }
        for (int j = 0; j < e; j++) {
            lists[j] = byExpert.get(j).toArray(new int[0][]);
        }
        return lists;
    }
}
