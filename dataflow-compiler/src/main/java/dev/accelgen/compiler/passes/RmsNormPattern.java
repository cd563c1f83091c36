package dev.accelgen.compiler.passes;

import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Op.BinaryKind;
import dev.accelgen.compiler.ir.Op.UnaryKind;
import dev.accelgen.compiler.ir.Tensor;
import java.util.List;

/** {@code [w *] (x * 1/sqrt(mean(x^2) + eps))} or {@code x / sqrt(...)} over the last axis: RMSNorm. */
final class RmsNormPattern implements Pattern {
    private final GraphView v;

    RmsNormPattern(GraphView v) {
        this.v = v;
    }

    @Override
    public List<Node> match(Node n) {
        Node r = fuse(n);
        return r == null ? null : List.of(r);
    }

    private Node fuse(Node n) {
        if (v.isBinary(n, BinaryKind.MUL) && v.graph().type(n.output()).shape().rank() > 0) {
            for (int side = 0; side < 2; side++) {
                String w = n.input(1 - side);
                Node core = v.prod(n.input(side));
                int d = v.graph().type(n.output()).shape().dim(-1);
                boolean gain = v.graph().weights().containsKey(w) && v.graph().type(w).shape().rank() == 1
                        && v.graph().type(w).shape().dim(0) == d;
                Object[] m = core == null || !gain || !v.singleUse(core.output()) ? null : rmsCore(core);
                if (m != null) {
                    return new Node(n.name(), new Op.RmsNorm(((Double) m[1]).floatValue()), List.of((String) m[0], w), n.outputs());
                }
            }
        }
        Object[] m = rmsCore(n);
        return m == null ? null : new Node(n.name(), new Op.RmsNorm(((Double) m[1]).floatValue()), List.of((String) m[0]), n.outputs());
    }

    /** If x * (1/sqrt(mean(x^2)+eps)) or x / sqrt(...) roots at n, returns {x, eps}. */
    private Object[] rmsCore(Node n) {
        if (v.isBinary(n, BinaryKind.MUL)) {
            for (int side = 0; side < 2; side++) {
                String x = n.input(side);
                Node inv = v.prod(n.input(1 - side));
                Node sqrt = null;
                if (v.isBinary(inv, BinaryKind.DIV) && GraphView.near(v.scalar(inv.input(0)), 1.0)) {
                    sqrt = v.prod(inv.input(1));
                } else if (v.isUnary(inv, UnaryKind.RECIPROCAL)) {
                    sqrt = v.prod(inv.input(0));
                }
                Double eps = meanSquareEps(sqrt, x);
                if (eps != null) {
                    return new Object[] {x, eps};
                }
            }
        } else if (v.isBinary(n, BinaryKind.DIV)) {
            Double eps = meanSquareEps(v.prod(n.input(1)), n.input(0));
            if (eps != null) {
                return new Object[] {n.input(0), eps};
            }
        }
        return null;
    }

    /** eps if {@code sqrt} is sqrt(mean(x^2, last axis) + eps). */
    private Double meanSquareEps(Node sqrt, String x) {
        if (!v.isUnary(sqrt, UnaryKind.SQRT)) {
            return null;
        }
        Node add = v.prod(sqrt.input(0));
        if (!v.isBinary(add, BinaryKind.ADD)) {
            return null;
        }
        for (int side = 0; side < 2; side++) {
            Double eps = v.scalar(add.input(1 - side));
            Node mean = v.prod(add.input(side));
            if (eps == null || mean == null || !(mean.op() instanceof Op.Reduce r) || r.op() != Op.ReduceKind.MEAN || !r.keepDims()) {
                continue;
            }
            int rank = v.graph().type(x).shape().rank();
            int[] axes = r.axes();
            if (axes == null && mean.hasInput(1)) {
                Tensor a = v.constant(mean.input(1));
                axes = a == null ? null : new int[] {(int) a.longs()[0]};
                if (a != null && a.size() != 1) {
                    continue;
                }
            }
            if (axes == null || axes.length != 1 || (axes[0] != -1 && axes[0] != rank - 1)) {
                continue;
            }
            Node pow = v.prod(mean.input(0));
            boolean square = (v.isBinary(pow, BinaryKind.POW) && GraphView.near(v.scalar(pow.input(1)), 2.0) && pow.input(0).equals(x))
                    || (v.isBinary(pow, BinaryKind.MUL) && pow.input(0).equals(x) && pow.input(1).equals(x));
            if (square) {
                return eps;
            }
        }
        return null;
    }
}
