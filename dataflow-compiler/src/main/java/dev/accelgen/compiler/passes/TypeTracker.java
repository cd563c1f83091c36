package dev.accelgen.compiler.passes;

import dev.accelgen.compiler.interp.Kernels;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.ir.TensorBudget;
import dev.accelgen.compiler.ir.TensorType;
import dev.accelgen.errors.UserInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shape inference one node at a time (the method is described in {@link ShapeInference}): the static type of every
 * value declared or added so far, and the value of every constant one. The ONNX importer consults it while it
 * translates, because some translations depend on operand shapes (Flatten, Einsum, Conv padding, Attention) or on
 * constant values (an If's condition).
 */
public final class TypeTracker {
    private final Map<String, TensorType> types = new LinkedHashMap<>();
    private final Map<String, Tensor> constants = new HashMap<>();
    private final Map<String, Tensor> probes = new HashMap<>();

    public void declareInput(String name, TensorType type) {
        types.put(name, type);
    }

    /** A weight; {@code value} null when the graph declares it without data. */
    public void declareWeight(String name, TensorType type, Tensor value) {
        types.put(name, type);
        if (value != null) {
            constants.put(name, value);
        }
    }

    /** Evaluates a node whose inputs are all known; throws {@link ShapeInference.ShapeError} naming the node. */
    public void add(Node n) {
        for (int i : ShapeInference.shapeOperands(n.op())) {
            if (n.hasInput(i) && !constants.containsKey(n.input(i))) {
                throw new ShapeInference.ShapeError("node " + n.name() + " (" + n.op().kind() + "): operand " + n.input(i)
                        + " decides the output shape but is not constant (dynamic shapes are not supported)");
            }
        }
        List<Tensor> args = new ArrayList<>();
        boolean allConstant = true;
        for (String in : n.inputs()) {
            if (in.isEmpty()) {
                args.add(null);
                continue;
            }
            if (!types.containsKey(in)) {
                throw new ShapeInference.ShapeError("node " + n.name() + " reads " + in
                        + " before it is defined (graph not in topological order or value missing)");
            }
            Tensor c = constants.get(in);
            allConstant &= c != null;
            args.add(c != null ? c : probes.computeIfAbsent(in, k -> ShapeInference.zeros(k, types.get(k))));
        }
        List<Tensor> outs = evaluate(n, args);
        boolean constantOut = allConstant || n.op() instanceof Op.ShapeOf;
        for (int i = 0; i < n.outputs().size(); i++) {
            String o = n.outputs().get(i);
            if (o.isEmpty()) {
                continue;
            }
            if (i >= outs.size()) {
                throw new ShapeInference.ShapeError("node " + n.name() + " (" + n.op().kind() + "): output " + i + " (" + o
                        + ") is not supported; only the first " + outs.size() + " can be used");
            }
            types.put(o, outs.get(i).type());
            (constantOut ? constants : probes).put(o, outs.get(i));
        }
    }

    /**
     * Runs the node's kernel. Its operand checks (IllegalArgumentException) and size limits are the model's
     * problems; an integer division by a zero stand-in is evaluated again with stand-ins of one (a real value may
     * be anything); any other failure is accelgen's bug and stays an internal error, with the node named.
     */
    private List<Tensor> evaluate(Node n, List<Tensor> args) {
        String where = "node " + n.name() + " (" + n.op().kind() + "): ";
        try {
            try {
                return Kernels.eval(n.op(), args, n.outputs().size());
            } catch (ArithmeticException divisionByStandIn) {
                List<Tensor> ones = new ArrayList<>(args);
                for (int i = 0; i < ones.size(); i++) {
                    if (ones.get(i) != null && !constants.containsKey(n.input(i)) && !ones.get(i).isFloating()) {
                        ones.set(i, filled(ones.get(i).type(), 1));
                    }
                }
                if (ones.equals(args)) {
                    throw new IllegalArgumentException("integer division by zero in its constant operands");
                }
                return Kernels.eval(n.op(), ones, n.outputs().size());
            }
        } catch (IllegalArgumentException | UserInputException e) {
            throw new ShapeInference.ShapeError(where + e.getMessage());
        } catch (RuntimeException e) {
            throw new IllegalStateException(where + "shape inference failed: " + e, e);
        }
    }

    private static Tensor filled(TensorType t, long v) {
        long[] l = new long[TensorBudget.elements(t.shape())];
        java.util.Arrays.fill(l, v);
        return Tensor.ofLongs(t.dtype(), t.shape(), l);
    }

    /** The type of a value, or null when nothing declared or produced it. */
    public TensorType type(String value) {
        return types.get(value);
    }

    /** The value of a constant (a weight, or computed from weights, constants and static shapes only), else null. */
    public Tensor constant(String value) {
        return constants.get(value);
    }

    /** Every type so far, in declaration order. */
    public Map<String, TensorType> types() {
        return types;
    }
}
