package dev.accelgen.compiler.backend.exec;

import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.compiler.backend.lir.Val;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.errors.ModelError;
import dev.accelgen.pe.vector.arith.EltwiseArith;

/** Model inputs as LIR rows: floats rounded half up to Fx, token ids checked against the vocabulary. */
final class Inputs {
    private Inputs() {
    }

    static int[][] rows(LirOp.Input in, Tensor x, int t) {
        int cols = in.out().cols();
        if (x.size() != t * cols) {
            throw new ModelError(in.name(), "holds " + x.size() + " values, not " + t + " rows of " + cols);
        }
        int[][] rows = new int[t][cols];
        for (int r = 0; r < t; r++) {
            for (int c = 0; c < cols; c++) {
                double v = x.get(r * cols + c);
                rows[r][c] = in.out().kind() == Val.Kind.TOKEN_IDS ? (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, (long) v))
                        : EltwiseArith.toFx(v);
            }
        }
        return rows;
    }

    static int[][] embed(LirOp.Embedding e, int[][] ids) {
        int[][] out = new int[ids.length][];
        for (int r = 0; r < ids.length; r++) {
            int id = ids[r][0];
            if (id < 0 || id >= e.table().length) {
                throw new ModelError(e.ids().name(), "token id " + id + " is outside the vocabulary 0.." + (e.table().length - 1));
            }
            out[r] = e.table()[id].clone();
        }
        return out;
    }
}
