package dev.accelgen.compiler.passes;

import dev.accelgen.compiler.ir.DType;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.ir.TensorBudget;
import dev.accelgen.compiler.ir.TensorType;
import dev.accelgen.errors.UserInputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Infers the static type of every value of a graph whose weights have data. Each node is evaluated by its float
 * kernel on its constant operands (weights, Constant nodes, Shape results and everything folded from them) and on
 * zero-valued stand-ins for run-time values, so a kernel's own operand checks are the definition of consistent
 * shapes. Operands that decide an output shape (Reshape's target, Slice bounds, ...) must be constant. The
 * node-by-node work is {@link TypeTracker}'s.
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
        TypeTracker t = new TypeTracker();
        for (String in : g.inputs()) {
            t.declareInput(in, g.type(in));
        }
        for (Map.Entry<String, TensorType> w : g.weights().entrySet()) {
            t.declareWeight(w.getKey(), w.getValue(), g.weightData().get(w.getKey()));
        }
        for (Node n : g.nodes()) {
            t.add(n);
        }
        return g.withNodes(g.nodes(), new LinkedHashMap<>(t.types()));
    }

    /** A stand-in of zeros for a value whose data is unknown; refuses a tensor too large to allocate. */
    static Tensor zeros(String value, TensorType t) {
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
            case RANGE -> new int[] {0, 1, 2};
            case BINARY, UNARY, GELU, WHERE, MAT_MUL, GEMM, CONV, SOFTMAX, LOG_SOFTMAX, LAYER_NORM, BATCH_NORM, RMS_NORM,
                    TRANSPOSE, CONCAT, GATHER, SHAPE_OF, CAST, CONSTANT, CLIP, QUANTIZE_LINEAR, DEQUANTIZE_LINEAR, QUANT,
                    BIPOLAR_QUANT, TRUNC, CUM_SUM, ATTENTION, ROPE, SWI_GLU, MLGRU, MOE -> new int[0];
        };
    }
}
