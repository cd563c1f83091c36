package dev.accelgen.compiler.passes;

import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Op.BinaryKind;
import dev.accelgen.compiler.ir.Op.UnaryKind;
import java.util.List;

/** SiLU: {@code x * sigmoid(x)}. */
final class SiluPattern implements Pattern {
    private final GraphView v;

    SiluPattern(GraphView v) {
        this.v = v;
    }

    @Override
    public List<Node> match(Node n) {
        Node r = fuse(n);
        return r == null ? null : List.of(r);
    }

    private Node fuse(Node n) {
        if (!v.isBinary(n, BinaryKind.MUL)) {
            return null;
        }
        for (int side = 0; side < 2; side++) {
            Node sig = v.prod(n.input(1 - side));
            if (v.isUnary(sig, UnaryKind.SIGMOID) && sig.input(0).equals(n.input(side))) {
                return new Node(n.name(), new Op.Unary(UnaryKind.SILU), List.of(n.input(side)), n.outputs());
            }
        }
        return null;
    }
}
