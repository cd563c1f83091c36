package dev.accelgen.compiler.interp;

import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Op.BinaryKind;
import dev.accelgen.compiler.ir.Op.UnaryKind;
import dev.accelgen.compiler.ir.Tensor;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values a graph input may take, found by following it through ops that pass values on unchanged (Reshape,
 * Cast, Transpose, Slice, ...) to where the value matters: Gather indices must lie inside the gathered axis,
 * integer divisors must not be zero, and the operand of Log, Sqrt or a fractional Pow must be positive.
 */
final class InputDomains {
    /**
     * @param indexBound integer values lie in {@code [nonZero ? 1 : 0, indexBound)}
     * @param positive   float values must be > 0
     */
    record Domain(int indexBound, boolean nonZero, boolean positive) {
    }

    /** Integer inputs that index nothing take values 0..DEFAULT_BOUND-1. */
    static final int DEFAULT_BOUND = 10;

    private final Graph g;
    private final Map<String, Node> producers;
    private Integer bound;
    private boolean nonZero;
    private boolean positive;

    private InputDomains(Graph g) {
        this.g = g;
        this.producers = g.producers();
    }

    static Domain of(Graph g, String input) {
        InputDomains d = new InputDomains(g);
        Map<String, List<Node>> consumers = g.consumers();
        Deque<String> values = new ArrayDeque<>(List.of(input));
        Set<String> seen = new HashSet<>(values);
        while (!values.isEmpty()) {
            String v = values.pop();
            for (Node n : consumers.getOrDefault(v, List.of())) {
                for (int at = 0; at < n.inputs().size(); at++) {
                    if (n.input(at).equals(v) && d.use(n, at)) {
                        n.outputs().stream().filter(o -> !o.isEmpty() && seen.add(o)).forEach(values::push);
                    }
                }
            }
        }
        return new Domain(d.bound == null ? DEFAULT_BOUND : Math.max(1, d.bound), d.nonZero, d.positive);
    }

    /** Records what operand {@code at} of {@code n} requires; true if the node's outputs hold its values unchanged. */
    private boolean use(Node n, int at) {
        if (n.op() instanceof Op.Gather ga && at == 1) {
            var data = g.type(n.input(0)).shape();
            int size = data.dim(data.axis(ga.axis()));
            bound = bound == null ? size : Math.min(bound, size);
        } else if (n.op() instanceof Op.Binary b && b.op() == BinaryKind.DIV && at == 1) {
            nonZero = true;
        } else if (n.op() instanceof Op.Unary u && (u.op() == UnaryKind.LOG || u.op() == UnaryKind.SQRT)) {
            positive = true;
        } else if (n.op() instanceof Op.Binary b && b.op() == BinaryKind.POW && at == 0 && !integral(constant(n.input(1)))) {
            positive = true;
        }
        return switch (n.op().tag()) {
            case CONCAT -> true;
            case RESHAPE, UNSQUEEZE, SQUEEZE, TRANSPOSE, EXPAND, TILE, SLICE, SPLIT, CAST, GATHER -> at == 0;
            case UNARY -> ((Op.Unary) n.op()).op() == UnaryKind.IDENTITY;
            default -> false;
        };
    }

    private Tensor constant(String v) {
        Node p = producers.get(v);
        return p != null && p.op() instanceof Op.Constant c ? c.value() : g.weightData().get(v);
    }

    /** A constant exponent whose values are all whole numbers (x^2 is fine for any x); unknown counts as fractional. */
    private static boolean integral(Tensor exponent) {
        if (exponent == null) {
            return false;
        }
        for (int i = 0; i < exponent.size(); i++) {
            if (exponent.get(i) != Math.rint(exponent.get(i))) {
                return false;
            }
        }
        return true;
    }
}
