package dev.accelgen.compiler.passes;

import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Op.BinaryKind;
import dev.accelgen.compiler.ir.Op.UnaryKind;
import java.util.List;

/** SwiGLU: {@code silu(g) * u} with g and u of one shape. */
final class SwiGluPattern implements Pattern {
    private final GraphView v;

    SwiGluPattern(GraphView v) {
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
            Node s = v.prod(n.input(side));
            if (v.isUnary(s, UnaryKind.SILU) && v.singleUse(s.output())
                    && v.graph().type(s.input(0)).shape().equals(v.graph().type(n.input(1 - side)).shape())) {
                return new Node(n.name(), new Op.SwiGlu(), List.of(s.input(0), n.input(1 - side)), n.outputs());
            }
        }
        return null;
    }
}
