package dev.accelgen.compiler.passes;

import dev.accelgen.compiler.interp.Kernels;
import dev.accelgen.compiler.ir.DType;
import dev.accelgen.compiler.ir.Graph;
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
 * Infers the static type of every value of a graph whose weights have data. Each node is evaluated by its float
 * kernel on its constant operands (weights, Constant nodes, Shape results and everything folded from them) and on
 * zero-valued stand-ins for run-time values, so a kernel's own operand checks are the definition of consistent
 * shapes. Operands that decide an output shape (Reshape's target, Slice bounds, ...) must be constant.
 */
public final class ShapeInference {
    private ShapeInference() {
    }

    /** Thrown with the node and the problem; importers turn it into a one-line error naming the file. */
    public static final class ShapeError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ShapeError(String message) {
            super(message);
        }
    }

    public static Graph infer(Graph g) {
        Map<String, TensorType> types = new LinkedHashMap<>();
        Map<String, Tensor> constants = new HashMap<>(g.weightData());
        Map<String, Tensor> probes = new HashMap<>();
        for (String in : g.inputs()) {
            types.put(in, g.type(in));
        }
        for (Map.Entry<String, TensorType> w : g.weights().entrySet()) {
            types.put(w.getKey(), w.getValue());
        }
        for (Node n : g.nodes()) {
            checkShapeOperandsConstant(n, constants);
            List<Tensor> args = new ArrayList<>();
            boolean allConstant = true;
            for (String in : n.inputs()) {
                if (in.isEmpty()) {
                    args.add(null);
                    continue;
                }
                Tensor c = constants.get(in);
                allConstant &= c != null;
                args.add(c != null ? c : probes.computeIfAbsent(in, k -> zeros(k, types.get(k))));
            }
            List<Tensor> outs = evaluate(n, args, constants);
            boolean constantOut = allConstant || n.op() instanceof Op.ShapeOf;
            for (int i = 0; i < n.outputs().size(); i++) {
                String o = n.outputs().get(i);
                if (o.isEmpty()) {
                    continue;
                }
                if (i >= outs.size()) {
                    throw new ShapeError("node " + n.name() + " (" + n.op().kind() + "): output " + i + " (" + o
                            + ") is not supported; only the first " + outs.size() + " can be used");
                }
                types.put(o, outs.get(i).type());
                if (constantOut) {
                    constants.put(o, outs.get(i));
                } else {
                    probes.put(o, outs.get(i));
                }
            }
        }
        return g.withNodes(g.nodes(), types);
    }

    /**
     * Runs the node's kernel. Its operand checks (IllegalArgumentException) and size limits are the model's
     * problems; an integer division by a zero stand-in is evaluated again with stand-ins of one (a real value may
     * be anything); any other failure is accelgen's bug and stays an internal error, with the node named.
     */
    private static List<Tensor> evaluate(Node n, List<Tensor> args, Map<String, Tensor> constants) {
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
            throw new ShapeError(where + e.getMessage());
        } catch (RuntimeException e) {
            throw new IllegalStateException(where + "shape inference failed: " + e, e);
        }
    }

    private static Tensor filled(TensorType t, long v) {
        long[] l = new long[TensorBudget.elements(t.shape())];
        java.util.Arrays.fill(l, v);
        return Tensor.ofLongs(t.dtype(), t.shape(), l);
    }

    private static Tensor zeros(String value, TensorType t) {
        int n;
        try {
            n = TensorBudget.elements(t.shape());
        } catch (UserInputException e) {
            throw new ShapeError("value " + value + ": " + e.getMessage());
        }
        return t.dtype() == DType.FLOAT32 ? Tensor.ofFloats(t.shape(), new float[n])
                : Tensor.ofLongs(t.dtype(), t.shape(), new long[n]);
    }

    /** Indices of the inputs that decide an op's output shape. */
    static int[] shapeOperands(Op op) {
        return switch (op.tag()) {
            case SLICE -> new int[] {1, 2, 3, 4};
            case RESHAPE, UNSQUEEZE, SQUEEZE, TILE, EXPAND, SPLIT, TOP_K, REDUCE -> new int[] {1};
            case CONSTANT_OF_SHAPE -> new int[] {0};
            case BINARY, UNARY, GELU, WHERE, MAT_MUL, GEMM, SOFTMAX, LAYER_NORM, RMS_NORM, TRANSPOSE, CONCAT, GATHER,
                    SHAPE_OF, CAST, CONSTANT, CLIP, QUANTIZE_LINEAR, DEQUANTIZE_LINEAR, QUANT, BIPOLAR_QUANT, TRUNC,
                    ATTENTION, SWI_GLU, MLGRU, MOE -> new int[0];
        };
    }

    private static void checkShapeOperandsConstant(Node n, Map<String, Tensor> constants) {
        for (int i : shapeOperands(n.op())) {
            if (n.hasInput(i) && !constants.containsKey(n.input(i))) {
                throw new ShapeError("node " + n.name() + " (" + n.op().kind() + "): operand " + n.input(i)
                        + " decides the output shape but is not constant (dynamic shapes are not supported)");
            }
        }
    }
}
