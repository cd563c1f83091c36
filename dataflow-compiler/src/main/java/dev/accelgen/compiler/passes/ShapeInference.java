package dev.accelgen.compiler.passes;

import dev.accelgen.compiler.interp.Kernels;
import dev.accelgen.compiler.ir.DType;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.ir.TensorType;
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
                args.add(c != null ? c : probes.computeIfAbsent(in, k -> zeros(types.get(k))));
            }
            List<Tensor> outs;
            try {
                outs = Kernels.eval(n.op(), args, n.outputs().size());
            } catch (RuntimeException e) {
                throw new ShapeError("node " + n.name() + " (" + n.op().kind() + "): " + e.getMessage());
            }
            boolean constantOut = allConstant || n.op() instanceof Op.ShapeOf;
            for (int i = 0; i < n.outputs().size(); i++) {
                String o = n.outputs().get(i);
                if (o.isEmpty()) {
                    continue;
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

    private static Tensor zeros(TensorType t) {
        int n = (int) t.shape().elements();
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
