package dev.accelgen.compiler.backend.lower;

import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.compiler.backend.lir.Val;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op.BinaryKind;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.pe.accel.isa.VecInstr.BinOp;
import dev.accelgen.pe.vector.arith.EltwiseArith;

/**
 * An element-wise op of activations and a constant: a scalar becomes an {@link LirOp.Affine}, a vector of the
 * features a broadcast row, a [T, features] constant a table row per position ({@link LirOp.BinaryConst}).
 * Division by a constant is multiplication by its reciprocal; a constant minus activations negates first.
 */
final class ConstOperand {
    /** The largest magnitude an Fx constant may have. */
    private static final double FX_MAX = 32767;

    private ConstOperand() {
    }

    static Form apply(GraphLowerer l, Node n, BinaryKind k, Val x, Tensor c, boolean constFirst, int tokens) {
        if (k != BinaryKind.ADD && k != BinaryKind.SUB && k != BinaryKind.MUL && !(k == BinaryKind.DIV && !constFirst)) {
            throw l.unsupported(n, "the vector unit adds, subtracts and multiplies by constants (and divides by them), nothing else");
        }
        int cols = x.cols();
        boolean invert = k == BinaryKind.DIV;
        if (c.size() == 1) {
            double v = invert ? 1 / c.get(0) : c.get(0);
            check(l, n, v);
            int fx = EltwiseArith.toFx(v);
            return switch (k) {
                case ADD -> affine(l, n, x, EltwiseArith.ONE, fx);
                case SUB -> constFirst ? affine(l, n, x, -EltwiseArith.ONE, fx) : affine(l, n, x, EltwiseArith.ONE, -fx);
                default -> affine(l, n, x, fx, 0);
            };
        }
        int rows = c.size() / cols;
        boolean row = c.size() == cols && c.shape().dim(-1) == cols;
        boolean table = !row && c.shape().rank() >= 2 && c.shape().dim(-1) == cols && c.shape().dim(-2) == tokens && rows == tokens;
        if (!row && !table) {
            throw l.unsupported(n, "constant operand " + c.shape() + " is neither one value, one row of " + cols
                    + " features nor one row per token");
        }
        int[][] fx = new int[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < cols; i++) {
                double v = c.get(r * cols + i);
                v = invert ? 1 / v : v;
                check(l, n, v);
                fx[r][i] = EltwiseArith.toFx(v);
            }
        }
        if (table) {
            l.limit(tokens);
            l.note("position table at " + n.name() + ": row p joins the row at position p, so the context is at most its " + tokens + " rows");
        }
        Val a = x;
        BinOp op = switch (k) {
            case ADD -> BinOp.ADD;
            case MUL, DIV -> BinOp.MUL;
            default -> constFirst ? BinOp.ADD : BinOp.SUB;
        };
        if (k == BinaryKind.SUB && constFirst) {
            a = l.fx(n.output() + ".neg", cols);
            l.add(new LirOp.Affine(x, a, -EltwiseArith.ONE, 0));
        }
        Val out = l.fx(n.output(), cols);
        l.add(new LirOp.BinaryConst(op, a, fx, table, out));
        return new Form.Rows(out);
    }

    private static void check(GraphLowerer l, Node n, double v) {
        if (!(Math.abs(v) <= FX_MAX)) {
            throw l.unsupported(n, "constant " + v + " is outside the Fx range +-32767");
        }
    }

    private static Form affine(GraphLowerer l, Node n, Val x, int mul, int add) {
        Val out = l.fx(n.output(), x.cols());
        l.add(new LirOp.Affine(x, out, mul, add));
        return new Form.Rows(out);
    }
}
