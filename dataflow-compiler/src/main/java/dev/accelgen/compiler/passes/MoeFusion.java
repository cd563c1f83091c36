package dev.accelgen.compiler.passes;

import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Op.BinaryKind;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.ir.TensorType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recognises a top-k mixture of experts exported densely and replaces it with one {@link Op.Moe} whose expert
 * matrices are stacked into new [E, ...] weights:
 * <pre>
 *   L = x Wr;  kth = slice(topk(L, k).values, last);  S = softmax(where(L >= kth, L, -big))
 *   out = sum_e slice(S, e) * (gelu(x W1_e + b1_e) W2_e + b2_e)      (summed in expert order)
 * </pre>
 */
public final class MoeFusion {
    private final Graph graph;
    private final GraphView v;

    private MoeFusion(Graph g) {
        this.graph = g;
        this.v = new GraphView(g);
    }

    /** One match: the MoE node and the stacked weights it reads. */
    private record Match(Node node, Map<String, Tensor> weights) {
    }

    public static Graph run(Graph g) {
        MoeFusion f = new MoeFusion(g);
        List<Node> out = new ArrayList<>();
        Map<String, TensorType> weights = new LinkedHashMap<>(g.weights());
        Map<String, Tensor> data = new LinkedHashMap<>(g.weightData());
        boolean changed = false;
        for (Node n : g.nodes()) {
            Match m = f.match(n);
            if (m == null) {
                out.add(n);
                continue;
            }
            changed = true;
            out.add(m.node());
            m.weights().forEach((k, v) -> {
                weights.put(k, v.type());
                data.put(k, v);
            });
        }
        if (!changed) {
            return g;
        }
        Map<String, TensorType> types = new LinkedHashMap<>(g.types());
        data.forEach((k, v) -> types.put(k, v.type()));
        return DeadNodeRemoval.run(g.withWeights(weights, data).withNodes(out, types));
    }

    /** The terms of a chain of single-use Adds rooted at v. */
    private void terms(String value, List<String> out, boolean root) {
        Node p = v.prod(value);
        boolean inner = root || v.singleUse(value);
        if (inner && v.isBinary(p, BinaryKind.ADD) && !v.isWeight(p.input(0)) && !v.isWeight(p.input(1))
                && (v.isBinary(v.prod(p.input(0)), BinaryKind.ADD) || v.isBinary(v.prod(p.input(0)), BinaryKind.MUL))
                && (v.isBinary(v.prod(p.input(1)), BinaryKind.ADD) || v.isBinary(v.prod(p.input(1)), BinaryKind.MUL))) {
            terms(p.input(0), out, false);
            terms(p.input(1), out, false);
        } else {
            out.add(value);
        }
    }

    private Match match(Node root) {
        if (!v.isBinary(root, BinaryKind.ADD)) {
            return null;
        }
        List<String> terms = new ArrayList<>();
        terms(root.output(), terms, true);
        if (terms.size() < 2) {
            return null;
        }
        String softmax = null;
        String x = null;
        Tensor[][] expert = new Tensor[terms.size()][];
        for (String t : terms) {
            Node mul = v.prod(t);
            if (!v.isBinary(mul, BinaryKind.MUL)) {
                return null;
            }
            Object[] gate = null;
            Object[] ex = null;
            for (int side = 0; side < 2 && (gate == null || ex == null); side++) {
                gate = gateSlice(mul.input(side));
                ex = expertOut(mul.input(1 - side));
            }
            if (gate == null || ex == null) {
                return null;
            }
            int e = (Integer) gate[1];
            if ((softmax != null && !softmax.equals(gate[0])) || (x != null && !x.equals(ex[0]))
                    || e < 0 || e >= expert.length || expert[e] != null) {
                return null;
            }
            softmax = (String) gate[0];
            x = (String) ex[0];
            expert[e] = (Tensor[]) ex[1];
        }
        Object[] route = routing(softmax, x);
        if (route == null || graph.type(softmax).shape().dim(-1) != expert.length) {
            return null;
        }
        return build(root, x, (String) route[0], (Integer) route[1], expert);
    }

    /** {S, e} if value = Slice(S, [e], [e+1], last axis) with S a last-axis Softmax. */
    private Object[] gateSlice(String value) {
        Node s = v.prod(value);
        if (s == null || !(s.op() instanceof Op.Slice) || s.hasInput(4) && v.constant(s.input(4)).get(0) != 1) {
            return null;
        }
        Node sm = v.prod(s.input(0));
        if (sm == null || !(sm.op() instanceof Op.Softmax soft)) {
            return null;
        }
        int rank = graph.type(sm.output()).shape().rank();
        Tensor st = v.constant(s.input(1));
        Tensor en = v.constant(s.input(2));
        Tensor ax = s.hasInput(3) ? v.constant(s.input(3)) : null;
        if (st == null || en == null || st.size() != 1 || en.size() != 1 || (soft.axis() != -1 && soft.axis() != rank - 1)
                || ax == null || ax.size() != 1 || (ax.get(0) != -1 && ax.get(0) != rank - 1) || en.get(0) != st.get(0) + 1) {
            return null;
        }
        return new Object[] {s.input(0), (int) st.get(0)};
    }

    /** {x, [W1, b1, W2, b2]} if value = (gelu(x W1 + b1) W2 + b2) with weights W1, b1, W2, b2. */
    private Object[] expertOut(String value) {
        String[] mb = matmulBias(value);
        if (mb == null) {
            return null;
        }
        Node gelu = v.prod(mb[0]);
        if (gelu == null || !(gelu.op() instanceof Op.Gelu g) || g.tanh()) {
            return null;
        }
        String[] inner = matmulBias(gelu.input(0));
        if (inner == null) {
            return null;
        }
        Map<String, Tensor> d = graph.weightData();
        return new Object[] {inner[0], new Tensor[] {d.get(inner[1]), d.get(inner[2]), d.get(mb[1]), d.get(mb[2])}};
    }

    /** {input, W, b} if value = input W + b (either Add order) with W [K,N] and b [N] weights. */
    private String[] matmulBias(String value) {
        Node add = v.prod(value);
        if (!v.isBinary(add, BinaryKind.ADD)) {
            return null;
        }
        for (int side = 0; side < 2; side++) {
            String b = add.input(1 - side);
            Node mm = v.prod(add.input(side));
            if (v.isWeight(b) && mm != null && mm.op() instanceof Op.MatMul && v.isWeight(mm.input(1))) {
                Shape w = graph.type(mm.input(1)).shape();
                Shape bs = graph.type(b).shape();
                if (w.rank() == 2 && bs.rank() == 1 && bs.dim(0) == w.dim(1)) {
                    return new String[] {mm.input(0), mm.input(1), b};
                }
            }
        }
        return null;
    }

    /** {Wr, k} if S = softmax(where(L >= kth(L), L, -big)) with L = x Wr. */
    private Object[] routing(String softmax, String x) {
        Node where = v.prod(v.prod(softmax).input(0));
        if (where == null || !(where.op() instanceof Op.Where)) {
            return null;
        }
        Tensor big = v.constant(where.input(2));
        Node ge = v.prod(where.input(0));
        String logits = where.input(1);
        Node router = v.prod(logits);
        if (!allAtMost(big, -1e4) || !v.isBinary(ge, BinaryKind.GREATER_OR_EQUAL)
                || !ge.input(0).equals(logits) || router == null || !(router.op() instanceof Op.MatMul)
                || !router.input(0).equals(x) || !v.isWeight(router.input(1))) {
            return null;
        }
        Node kthSlice = v.prod(ge.input(1));
        if (kthSlice == null || !(kthSlice.op() instanceof Op.Slice)) {
            return null;
        }
        Node topk = v.prod(kthSlice.input(0));
        if (topk == null || !(topk.op() instanceof Op.TopK t) || !t.largest() || !topk.input(0).equals(logits)
                || !topk.outputs().get(0).equals(kthSlice.input(0))) {
            return null;
        }
        Tensor k = v.constant(topk.input(1));
        Tensor st = v.constant(kthSlice.input(1));
        if (k == null || st == null || st.size() != 1 || (st.get(0) != -1 && st.get(0) != k.get(0) - 1)) {
            return null;
        }
        return new Object[] {router.input(1), (int) k.get(0)};
    }

    /** A non-empty constant whose every element is <= limit (the "minus infinity" filler of masked logits). */
    private static boolean allAtMost(Tensor t, double limit) {
        if (t == null || t.size() == 0) {
            return false;
        }
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i) > limit) {
                return false;
            }
        }
        return true;
    }

    private Match build(Node root, String x, String router, int topK, Tensor[][] expert) {
        int e = expert.length;
        String base = root.name() + "/experts";
        Map<String, Tensor> w = new LinkedHashMap<>();
        w.put(base + ".up", stack(expert, 0));
        w.put(base + ".up_bias", stack(expert, 1));
        w.put(base + ".down", stack(expert, 2));
        w.put(base + ".down_bias", stack(expert, 3));
        Node n = new Node(root.name(), new Op.Moe(e, topK),
                List.of(x, router, base + ".up", base + ".up_bias", base + ".down", base + ".down_bias"), root.outputs());
        return new Match(n, w);
    }

    private static Tensor stack(Tensor[][] expert, int which) {
        Tensor first = expert[0][which];
        int n = first.size();
        float[] all = new float[n * expert.length];
        for (int i = 0; i < expert.length; i++) {
            Tensor t = expert[i][which];
            if (!t.shape().equals(first.shape())) {
                throw new IllegalArgumentException("experts differ in shape: " + first.shape() + " vs " + t.shape());
            }
            System.arraycopy(t.floats(), 0, all, i * n, n);
        }
        int[] dims = new int[first.shape().rank() + 1];
        dims[0] = expert.length;
        System.arraycopy(first.shape().dims(), 0, dims, 1, first.shape().rank());
        return Tensor.ofFloats(Shape.of(dims), all);
    }
}
