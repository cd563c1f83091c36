package dev.accelgen.compiler.backend.lower;

import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Op.BinaryKind;
import dev.accelgen.compiler.ir.Op.UnaryKind;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.passes.GraphView;

/**
 * The rotate-half rotary embedding as exporters and the LLaMA importer write it:
 * {@code x * cos + concat(-x[.., h:], x[.., :h]) * sin} (last axis, h = half the head), with cos and sin constant
 * tables whose two halves are equal. Operands of the Add and the Muls may come in either order.
 */
final class RopeMatch {
    private final GraphView v;

    RopeMatch(GraphView v) {
        this.v = v;
    }

    /** A match: the rotated value and the tables as [positions][h]. */
    record Parts(String x, float[][] cos, float[][] sin) {
    }

    Parts match(Node add) {
        if (!v.isBinary(add, BinaryKind.ADD)) {
            return null;
        }
        for (int side = 0; side < 2; side++) {
            Parts p = match(v.prod(add.input(side)), v.prod(add.input(1 - side)));
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private Parts match(Node mulCos, Node mulSin) {
        if (!v.isBinary(mulCos, BinaryKind.MUL) || !v.isBinary(mulSin, BinaryKind.MUL)) {
            return null;
        }
        for (int c = 0; c < 2; c++) {
            for (int s = 0; s < 2; s++) {
                String x = mulCos.input(c);
                Tensor cos = v.constant(mulCos.input(1 - c));
                Tensor sin = v.constant(mulSin.input(1 - s));
                if (cos != null && sin != null && v.constant(x) == null && rotatesHalf(v.prod(mulSin.input(s)), x)) {
                    int d = v.graph().type(x).shape().dim(-1);
                    float[][] ch = halves(cos, d);
                    float[][] sh = halves(sin, d);
                    if (ch != null && sh != null && ch.length == sh.length) {
                        return new Parts(x, ch, sh);
                    }
                }
            }
        }
        return null;
    }

    /** {@code concat(neg(x[.., h:]), x[.., :h])} on the last axis. */
    private boolean rotatesHalf(Node cat, String x) {
        if (cat == null || !(cat.op() instanceof Op.Concat c) || cat.inputs().size() != 2 || !isLast(c.axis(), cat.output())) {
            return false;
        }
        Node neg = v.prod(cat.input(0));
        if (!v.isUnary(neg, UnaryKind.NEG)) {
            return false;
        }
        int d = v.graph().type(x).shape().dim(-1);
        return d % 2 == 0 && isHalf(v.prod(neg.input(0)), x, d / 2, d) && isHalf(v.prod(cat.input(1)), x, 0, d / 2);
    }

    /** A Slice of x's last axis [from, to) with step 1. */
    private boolean isHalf(Node s, String x, int from, int to) {
        if (s == null || !(s.op() instanceof Op.Slice) || !s.input(0).equals(x)) {
            return false;
        }
        Integer start = Slices.lastAxisStart(v, s);
        return start != null && start == from && v.graph().type(s.output()).shape().dim(-1) == to - from;
    }

    private boolean isLast(int axis, String value) {
        int r = v.graph().type(value).shape().rank();
        return axis == -1 || axis == r - 1;
    }

    /** The table as [rows][d/2] when its rows are [first half | equal second half] of d entries, else null. */
    private static float[][] halves(Tensor t, int d) {
        if (t.shape().rank() < 1 || t.shape().dim(-1) != d || t.size() % d != 0) {
            return null;
        }
        int rows = t.size() / d;
        int h = d / 2;
        float[][] out = new float[rows][h];
        float[] f = t.floats();
        for (int p = 0; p < rows; p++) {
            for (int i = 0; i < h; i++) {
                if (f[p * d + i] != f[p * d + h + i]) {
                    return null;
                }
                out[p][i] = f[p * d + i];
            }
        }
        return out;
    }
}
