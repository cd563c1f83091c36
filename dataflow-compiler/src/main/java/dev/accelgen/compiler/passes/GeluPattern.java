package dev.accelgen.compiler.passes;

import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Op.BinaryKind;
import dev.accelgen.compiler.ir.Op.UnaryKind;
import java.util.List;

/** GELU: {@code x * (erf(x / sqrt2) + 1) * 0.5}, or the tanh form {@code 0.5 * x * (1 + tanh(sqrt(2/pi) * (x + 0.044715 x^3)))}, in any operand order. */
final class GeluPattern implements Pattern {
    private final GraphView v;

    GeluPattern(GraphView v) {
        this.v = v;
    }

    @Override
    public List<Node> match(Node n) {
        Node r = fuse(n);
        return r == null ? null : List.of(r);
    }

    private Node fuse(Node n) {
        // root: Mul(Mul(x, Add(Erf(Div(x, sqrt2)), 1)), 0.5) or Mul(x, Mul(Add(...), 0.5)) variants
        if (!v.isBinary(n, BinaryKind.MUL)) {
            return null;
        }
        for (int side = 0; side < 2; side++) {
            if (!GraphView.near(v.scalar(n.input(1 - side)), 0.5)) {
                continue;
            }
            Node inner = v.prod(n.input(side));
            if (!v.isBinary(inner, BinaryKind.MUL)) {
                continue;
            }
            for (int s2 = 0; s2 < 2; s2++) {
                String x = inner.input(s2);
                Node add = v.prod(inner.input(1 - s2));
                if (!v.isBinary(add, BinaryKind.ADD)) {
                    continue;
                }
                for (int s3 = 0; s3 < 2; s3++) {
                    Node erf = v.prod(add.input(s3));
                    if (GraphView.near(v.scalar(add.input(1 - s3)), 1.0) && v.isUnary(erf, UnaryKind.TANH) && isTanhArgument(v.prod(erf.input(0)), x)) {
                        return new Node(n.name(), new Op.Gelu(true), List.of(x), n.outputs());
                    }
                    if (!GraphView.near(v.scalar(add.input(1 - s3)), 1.0) || !v.isUnary(erf, UnaryKind.ERF)) {
                        continue;
                    }
                    Node div = v.prod(erf.input(0));
                    boolean scaled = (v.isBinary(div, BinaryKind.DIV) && GraphView.near(v.scalar(div.input(1)), Math.sqrt(2)))
                            || (v.isBinary(div, BinaryKind.MUL) && GraphView.near(v.scalar(div.input(1)), 1 / Math.sqrt(2)));
                    if (scaled && div.input(0).equals(x)) {
                        return new Node(n.name(), new Op.Gelu(false), List.of(x), n.outputs());
                    }
                }
            }
        }
        return null;
    }

    /** True if n = sqrt(2/pi) * (x + 0.044715 * x^3), x^3 as Pow(x, 3) or x * (x * x) in any order. */
    private boolean isTanhArgument(Node n, String x) {
        if (!v.isBinary(n, BinaryKind.MUL)) {
            return false;
        }
        for (int side = 0; side < 2; side++) {
            Node add = v.prod(n.input(1 - side));
            if (!GraphView.near(v.scalar(n.input(side)), Math.sqrt(2 / Math.PI)) || !v.isBinary(add, BinaryKind.ADD)) {
                continue;
            }
            for (int s2 = 0; s2 < 2; s2++) {
                Node cubic = v.prod(add.input(1 - s2));
                if (!add.input(s2).equals(x) || !v.isBinary(cubic, BinaryKind.MUL)) {
                    continue;
                }
                for (int s3 = 0; s3 < 2; s3++) {
                    if (GraphView.near(v.scalar(cubic.input(s3)), 0.044715) && isCube(v.prod(cubic.input(1 - s3)), x)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean isCube(Node n, String x) {
        if (v.isBinary(n, BinaryKind.POW)) {
            return n.input(0).equals(x) && GraphView.near(v.scalar(n.input(1)), 3.0);
        }
        if (!v.isBinary(n, BinaryKind.MUL)) {
            return false;
        }
        for (int side = 0; side < 2; side++) {
            Node sq = v.prod(n.input(1 - side));
            if (n.input(side).equals(x) && v.isBinary(sq, BinaryKind.MUL) && sq.input(0).equals(x) && sq.input(1).equals(x)) {
                return true;
            }
        }
        return false;
    }
}
