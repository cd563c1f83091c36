package dev.accelgen.compiler.backend.exec;

import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.pe.vector.arith.ActArith;
import dev.accelgen.pe.vector.arith.ScatterArith;
import dev.accelgen.pe.vector.arith.TopKArith;

/**
 * A mixture of experts as the program runs it: router projection, VTOPK over the rows (lists with room for every
 * row, so no pick is dropped), then expert by expert the up projection, activation and down projection of its
 * listed rows, combined into the zeroed output by VSCATTER ({@link ScatterArith}) in list order.
 */
final class MoeKernel {
    private MoeKernel() {
    }

    static int[][] apply(LirOp.Moe m, int[][] x) {
        int t = x.length;
        TopKArith.Lists lists = new TopKArith.Lists(m.experts(), t);
        for (int r = 0; r < t; r++) {
            lists.route(r, ProjectionKernel.row(m.router(), x[r]), m.topK());
        }
        int[][] out = new int[t][x[0].length];
        for (int e = 0; e < m.experts(); e++) {
            for (int i = 0; i < lists.count(e); i++) {
                int[] entry = lists.entry(e, i);
                int[] hidden = ProjectionKernel.row(m.up().get(e), x[entry[0]]);
                for (int j = 0; j < hidden.length; j++) {
                    hidden[j] = ActArith.apply(m.act(), hidden[j]);
                }
                int[] y = ProjectionKernel.row(m.down().get(e), hidden);
                int[] d = out[entry[0]];
                for (int j = 0; j < y.length; j++) {
                    d[j] = ScatterArith.combine(d[j], entry[1], y[j]);
                }
            }
        }
        return out;
    }
}
