package dev.accelgen.compiler.passes;

import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Op.BinaryKind;
import dev.accelgen.compiler.ir.Op.UnaryKind;
import dev.accelgen.compiler.ir.Tensor;
import java.util.List;
import java.util.Map;

/** Read-only queries the pattern matchers share: producers, consumers and constant values of a graph. */
public final class GraphView {
    private final Graph graph;
    private final Map<String, Node> producers;
    private final Map<String, List<Node>> consumers;

    public GraphView(Graph g) {
        this.graph = g;
        this.producers = g.producers();
        this.consumers = g.consumers();
    }

    public Graph graph() {
        return graph;
    }

    /** The node producing value v, or null for inputs, weights and "". */
    public Node prod(String v) {
        return v.isEmpty() ? null : producers.get(v);
    }

    public boolean singleUse(String v) {
        return consumers.getOrDefault(v, List.of()).size() == 1;
    }

    public boolean isBinary(Node n, BinaryKind k) {
        return n != null && n.op() instanceof Op.Binary b && b.op() == k;
    }

    public boolean isUnary(Node n, UnaryKind k) {
        return n != null && n.op() instanceof Op.Unary u && u.op() == k;
    }

    /**
     * The value of a Constant node's output or of a weight with data (also through Identity nodes, which exporters
     * use to share one initializer under two names), else null.
     */
    public Tensor constant(String v) {
        Node p = prod(v);
        if (p != null && p.op() instanceof Op.Constant c) {
            return c.value();
        }
        if (p != null && p.op() instanceof Op.Unary u && u.op() == UnaryKind.IDENTITY) {
            return constant(p.input(0));
        }
        return graph.weightData().get(v);
    }

    /** The value of a one-element constant, else null. */
    public Double scalar(String v) {
        Tensor t = constant(v);
        return t != null && t.size() == 1 ? t.get(0) : null;
    }

    /** The value of a constant whose elements are all equal, else null. */
    Double scalarOrUniform(String v) {
        Tensor t = constant(v);
        if (t == null || t.size() == 0) {
            return null;
        }
        for (int i = 1; i < t.size(); i++) {
            if (t.get(i) != t.get(0)) {
                return null;
            }
        }
        return t.get(0);
    }

    boolean isWeight(String v) {
        return graph.weightData().containsKey(v);
    }

    static boolean near(Double v, double want) {
        return v != null && Math.abs(v - want) <= 1e-6 * Math.abs(want);
    }

    static boolean isZero(Tensor t) {
        if (t == null) {
            return false;
        }
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i) != 0) {
                return false;
            }
        }
        return true;
    }
}
