package dev.accelgen.compiler.passes;

import dev.accelgen.compiler.interp.MathKernels;
import dev.accelgen.compiler.interp.ShapeKernels;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.ir.TensorType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@code Gemm} by a constant matrix (a Linear layer as exporters write it: {@code alpha A B^T + beta C}) into a
 * weight MatMul by the [K, N] matrix {@code alpha B} (transposed once here when {@code transB}) and an Add of the
 * constant {@code beta C}, so quantization schemes and the accelerator treat it like any other projection. The MatMul
 * keeps the Gemm's node name (plan patterns name it as before); a weight keeps its name when only this Gemm reads it and
 * it is used as it is, else it is a new weight {@code <node>#weight} / {@code <node>#bias}. A Gemm with
 * {@code transA}, a non-constant B or C stays and is evaluated.
 */
public final class GemmLifting {
    private final GraphView v;
    private final Map<String, TensorType> weights;
    private final Map<String, Tensor> data;
    private final Map<String, TensorType> types;

    private GemmLifting(Graph g) {
        this.v = new GraphView(g);
        this.weights = new LinkedHashMap<>(g.weights());
        this.data = new LinkedHashMap<>(g.weightData());
        this.types = new LinkedHashMap<>(g.types());
    }

    public static Graph run(Graph g) {
        return new GemmLifting(g).lift(g);
    }

    private Graph lift(Graph g) {
        List<Node> out = new ArrayList<>();
        boolean changed = false;
        for (Node n : g.nodes()) {
            List<Node> lifted = n.op() instanceof Op.Gemm gemm ? lift(n, gemm) : null;
            out.addAll(lifted == null ? List.of(n) : lifted);
            changed |= lifted != null;
        }
        return changed ? g.withWeights(weights, data).withNodes(out, types) : g;
    }

    private List<Node> lift(Node n, Op.Gemm gemm) {
        Tensor b = v.constant(n.input(1));
        Tensor c = n.hasInput(2) ? v.constant(n.input(2)) : null;
        if (gemm.transA() || b == null || b.shape().rank() != 2 || !b.isFloating() || n.hasInput(2) && c == null) {
            return null;
        }
        boolean asIs = !gemm.transB() && gemm.alpha() == 1f;
        Tensor w = gemm.transB() ? ShapeKernels.transpose(b, new int[] {1, 0}) : b;
        if (gemm.alpha() != 1f) {
            w = MathKernels.binary(Op.BinaryKind.MUL, w, Tensor.ofFloats(Shape.scalar(), new float[] {gemm.alpha()}));
        }
        String wName = put(n.input(1), asIs, n.name() + "#weight", w);
        if (c == null || gemm.beta() == 0f) {
            return List.of(new Node(n.name(), new Op.MatMul(), List.of(n.input(0), wName), n.outputs()));
        }
        Tensor bias = gemm.beta() == 1f ? c : MathKernels.binary(Op.BinaryKind.MUL, c, Tensor.ofFloats(Shape.scalar(), new float[] {gemm.beta()}));
        String bName = put(n.input(2), gemm.beta() == 1f, n.name() + "#bias", bias);
        String product = n.name() + "#product:0";
        types.put(product, TensorType.f32(types.get(n.output()).shape().dims()));
        return List.of(new Node(n.name(), new Op.MatMul(), List.of(n.input(0), wName), List.of(product)),
                new Node(n.name() + "#bias_add", new Op.Binary(Op.BinaryKind.ADD), List.of(product, bName), n.outputs()));
    }

    /** {@code original} itself when it is a weight only this node reads and {@code unchanged}, else {@code t} as {@code fresh}. */
    private String put(String original, boolean unchanged, String fresh, Tensor t) {
        if (unchanged && weights.containsKey(original) && v.singleUse(original)) {
            return original;
        }
        weights.put(fresh, t.type());
        data.put(fresh, t);
        types.put(fresh, t.type());
        return fresh;
    }
}
