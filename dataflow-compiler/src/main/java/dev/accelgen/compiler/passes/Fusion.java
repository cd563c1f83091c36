package dev.accelgen.compiler.passes;

import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Op.BinaryKind;
import dev.accelgen.compiler.ir.Op.UnaryKind;
import dev.accelgen.compiler.ir.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Recognises the decompositions exporters emit and replaces the root node of each match by the fused op (the
 * nodes feeding it become dead and are removed by {@link DeadNodeRemoval}):
 * <ul>
 *   <li>RMSNorm: {@code [w *] (x * 1/sqrt(mean(x^2) + eps))} or {@code x / sqrt(...)};</li>
 *   <li>GELU: {@code x * (erf(x / sqrt2) + 1) * 0.5}, and the tanh form
 *       {@code 0.5 * x * (1 + tanh(sqrt(2/pi) * (x + 0.044715 x^3)))}, in any operand order;</li>
 *   <li>SiLU {@code x * sigmoid(x)}, and SwiGLU {@code silu(g) * u};</li>
 *   <li>attention: {@code softmax(q k^T [/ c | * c] [+ mask]) v} with k^T a Transpose of the last two axes;
 *       a constant upper-triangular -inf mask becomes {@code causal}.</li>
 *   <li>MLGRU unrolled over the sequence by an exporter: {@code sigmoid(g) * concat_t(unsqueeze(h_t, 1))} with
 *       {@code h_t = f_t * h_{t-1} + (1 - f_t) * c_t}, {@code f_t = gather(sigmoid(f_pre), t, axis 1)},
 *       {@code c_t = gather(silu(c_pre), t, axis 1)}, {@code h_{-1} = 0}.</li>
 * </ul>
 */
public final class Fusion {
    private final Map<String, Node> producers;
    private final Map<String, List<Node>> consumers;
    private final Graph graph;
    /** A Transpose an attention match needs in front of it (k^T came from a transpose of more than two axes). */
    private Node pendingTranspose;

    private Fusion(Graph g) {
        this.graph = g;
        this.producers = g.producers();
        this.consumers = g.consumers();
    }

    public static Graph run(Graph g) {
        Graph cur = g;
        // SiLU must exist before SwiGLU can be seen; RMSNorm before nothing else; one sweep per family.
        for (int sweep = 0; sweep < 2; sweep++) {
            Fusion f = new Fusion(cur);
            List<Node> out = new ArrayList<>();
            for (Node n : cur.nodes()) {
                Node r = f.fuse(n);
                if (r != null && f.pendingTranspose != null) {
                    out.add(f.pendingTranspose);
                    f.pendingTranspose = null;
                }
                out.add(r == null ? n : r);
            }
            cur = DeadNodeRemoval.run(cur.withNodes(out, cur.types()));
        }
        return cur;
    }

    private Node fuse(Node n) {
        Node r = rmsNorm(n);
        if (r == null) {
            r = gelu(n);
        }
        if (r == null) {
            r = silu(n);
        }
        if (r == null) {
            r = swiGlu(n);
        }
        if (r == null) {
            r = attention(n);
        }
        if (r == null) {
            r = mlgru(n);
        }
        return r;
    }

    private Node prod(String v) {
        return v.isEmpty() ? null : producers.get(v);
    }

    private boolean isBinary(Node n, BinaryKind k) {
        return n != null && n.op() instanceof Op.Binary b && b.op() == k;
    }

    private boolean isUnary(Node n, UnaryKind k) {
        return n != null && n.op() instanceof Op.Unary u && u.op() == k;
    }

    /** The value of a one-element constant (a Constant node or a weight with data), else null. */
    private Double scalar(String v) {
        Tensor t = constant(v);
        return t != null && t.size() == 1 ? t.get(0) : null;
    }

    private Tensor constant(String v) {
        Node p = prod(v);
        if (p != null && p.op() instanceof Op.Constant c) {
            return c.value();
        }
        return graph.weightData().get(v);
    }

    private static boolean near(Double v, double want) {
        return v != null && Math.abs(v - want) <= 1e-6 * Math.abs(want);
    }

    private boolean singleUse(String v) {
        return consumers.getOrDefault(v, List.of()).size() == 1;
    }

    /** If x * (1/sqrt(mean(x^2)+eps)) or x / sqrt(...) roots at n, returns {x, eps}. */
    private Object[] rmsCore(Node n) {
        if (isBinary(n, BinaryKind.MUL)) {
            for (int side = 0; side < 2; side++) {
                String x = n.input(side);
                Node inv = prod(n.input(1 - side));
                Node sqrt = null;
                if (isBinary(inv, BinaryKind.DIV) && near(scalar(inv.input(0)), 1.0)) {
                    sqrt = prod(inv.input(1));
                } else if (isUnary(inv, UnaryKind.RECIPROCAL)) {
                    sqrt = prod(inv.input(0));
                }
                Double eps = meanSquareEps(sqrt, x);
                if (eps != null) {
                    return new Object[] {x, eps};
                }
            }
        } else if (isBinary(n, BinaryKind.DIV)) {
            Double eps = meanSquareEps(prod(n.input(1)), n.input(0));
            if (eps != null) {
                return new Object[] {n.input(0), eps};
            }
        }
        return null;
    }

    /** eps if {@code sqrt} is sqrt(mean(x^2, last axis) + eps). */
    private Double meanSquareEps(Node sqrt, String x) {
        if (!isUnary(sqrt, UnaryKind.SQRT)) {
            return null;
        }
        Node add = prod(sqrt.input(0));
        if (!isBinary(add, BinaryKind.ADD)) {
            return null;
        }
        for (int side = 0; side < 2; side++) {
            Double eps = scalar(add.input(1 - side));
            Node mean = prod(add.input(side));
            if (eps == null || mean == null || !(mean.op() instanceof Op.Reduce r) || r.op() != Op.ReduceKind.MEAN || !r.keepDims()) {
                continue;
            }
            int rank = graph.type(x).shape().rank();
            int[] axes = r.axes();
            if (axes == null && mean.hasInput(1)) {
                Tensor a = constant(mean.input(1));
                axes = a == null ? null : new int[] {(int) a.longs()[0]};
                if (a != null && a.size() != 1) {
                    continue;
                }
            }
            if (axes == null || axes.length != 1 || (axes[0] != -1 && axes[0] != rank - 1)) {
                continue;
            }
            Node pow = prod(mean.input(0));
            boolean square = (isBinary(pow, BinaryKind.POW) && near(scalar(pow.input(1)), 2.0) && pow.input(0).equals(x))
                    || (isBinary(pow, BinaryKind.MUL) && pow.input(0).equals(x) && pow.input(1).equals(x));
            if (square) {
                return eps;
            }
        }
        return null;
    }

    private Node rmsNorm(Node n) {
        if (isBinary(n, BinaryKind.MUL)) {
            for (int side = 0; side < 2; side++) {
                String w = n.input(1 - side);
                Node core = prod(n.input(side));
                int d = graph.type(n.output()).shape().dim(-1);
                boolean gain = graph.weights().containsKey(w) && graph.type(w).shape().rank() == 1
                        && graph.type(w).shape().dim(0) == d;
                Object[] m = core == null || !gain || !singleUse(core.output()) ? null : rmsCore(core);
                if (m != null) {
                    return new Node(n.name(), new Op.RmsNorm(((Double) m[1]).floatValue()), List.of((String) m[0], w), n.outputs());
                }
            }
        }
        Object[] m = rmsCore(n);
        return m == null ? null : new Node(n.name(), new Op.RmsNorm(((Double) m[1]).floatValue()), List.of((String) m[0]), n.outputs());
    }

    private Node gelu(Node n) {
        // root: Mul(Mul(x, Add(Erf(Div(x, sqrt2)), 1)), 0.5) or Mul(x, Mul(Add(...), 0.5)) variants
        if (!isBinary(n, BinaryKind.MUL)) {
            return null;
        }
        for (int side = 0; side < 2; side++) {
            if (!near(scalar(n.input(1 - side)), 0.5)) {
                continue;
            }
            Node inner = prod(n.input(side));
            if (!isBinary(inner, BinaryKind.MUL)) {
                continue;
            }
            for (int s2 = 0; s2 < 2; s2++) {
                String x = inner.input(s2);
                Node add = prod(inner.input(1 - s2));
                if (!isBinary(add, BinaryKind.ADD)) {
                    continue;
                }
                for (int s3 = 0; s3 < 2; s3++) {
                    Node erf = prod(add.input(s3));
                    if (near(scalar(add.input(1 - s3)), 1.0) && isUnary(erf, UnaryKind.TANH) && isTanhArgument(prod(erf.input(0)), x)) {
                        return new Node(n.name(), new Op.Gelu(true), List.of(x), n.outputs());
                    }
                    if (!near(scalar(add.input(1 - s3)), 1.0) || !isUnary(erf, UnaryKind.ERF)) {
                        continue;
                    }
                    Node div = prod(erf.input(0));
                    boolean scaled = (isBinary(div, BinaryKind.DIV) && near(scalar(div.input(1)), Math.sqrt(2)))
                            || (isBinary(div, BinaryKind.MUL) && near(scalar(div.input(1)), 1 / Math.sqrt(2)));
                    if (scaled && div.input(0).equals(x)) {
                        return new Node(n.name(), new Op.Gelu(false), List.of(x), n.outputs());
                    }
                }
            }
        }
        return null;
    }

    /** True if n = sqrt(2/pi) * (x + 0.044715 * x^3), x^3 as Pow(x, 3) or x * (x * x) in any order. */
    private boolean isTanhArgument(Node n, String x) {
        if (!isBinary(n, BinaryKind.MUL)) {
            return false;
        }
        for (int side = 0; side < 2; side++) {
            Node add = prod(n.input(1 - side));
            if (!near(scalar(n.input(side)), Math.sqrt(2 / Math.PI)) || !isBinary(add, BinaryKind.ADD)) {
                continue;
            }
            for (int s2 = 0; s2 < 2; s2++) {
                Node cubic = prod(add.input(1 - s2));
                if (!add.input(s2).equals(x) || !isBinary(cubic, BinaryKind.MUL)) {
                    continue;
                }
                for (int s3 = 0; s3 < 2; s3++) {
                    if (near(scalar(cubic.input(s3)), 0.044715) && isCube(prod(cubic.input(1 - s3)), x)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean isCube(Node n, String x) {
        if (isBinary(n, BinaryKind.POW)) {
            return n.input(0).equals(x) && near(scalar(n.input(1)), 3.0);
        }
        if (!isBinary(n, BinaryKind.MUL)) {
            return false;
        }
        for (int side = 0; side < 2; side++) {
            Node sq = prod(n.input(1 - side));
            if (n.input(side).equals(x) && isBinary(sq, BinaryKind.MUL) && sq.input(0).equals(x) && sq.input(1).equals(x)) {
                return true;
            }
        }
        return false;
    }

    private Node silu(Node n) {
        if (!isBinary(n, BinaryKind.MUL)) {
            return null;
        }
        for (int side = 0; side < 2; side++) {
            Node sig = prod(n.input(1 - side));
            if (isUnary(sig, UnaryKind.SIGMOID) && sig.input(0).equals(n.input(side))) {
                return new Node(n.name(), new Op.Unary(UnaryKind.SILU), List.of(n.input(side)), n.outputs());
            }
        }
        return null;
    }

    private Node swiGlu(Node n) {
        if (!isBinary(n, BinaryKind.MUL)) {
            return null;
        }
        for (int side = 0; side < 2; side++) {
            Node s = prod(n.input(side));
            if (isUnary(s, UnaryKind.SILU) && singleUse(s.output())
                    && graph.type(s.input(0)).shape().equals(graph.type(n.input(1 - side)).shape())) {
                return new Node(n.name(), new Op.SwiGlu(), List.of(s.input(0), n.input(1 - side)), n.outputs());
            }
        }
        return null;
    }

    private Node attention(Node n) {
        if (!(n.op() instanceof Op.MatMul)) {
            return null;
        }
        Node sm = prod(n.input(0));
        if (sm == null || !(sm.op() instanceof Op.Softmax s) || !isLastAxis(s.axis(), sm.input(0))) {
            return null;
        }
        Node cur = prod(sm.input(0));
        String mask = "";
        if (isBinary(cur, BinaryKind.ADD)) {
            mask = cur.input(1);
            cur = prod(cur.input(0));
        }
        double scale = 1;
        if (isBinary(cur, BinaryKind.DIV) && scalar(cur.input(1)) != null) {
            scale = 1 / scalar(cur.input(1));
            cur = prod(cur.input(0));
        } else if (isBinary(cur, BinaryKind.MUL) && scalar(cur.input(1)) != null) {
            scale = scalar(cur.input(1));
            cur = prod(cur.input(0));
        }
        if (cur == null || !(cur.op() instanceof Op.MatMul)) {
            return null;
        }
        Node kt = prod(cur.input(1));
        if (kt == null || !(kt.op() instanceof Op.Transpose t) || t.perm() == null) {
            return null;
        }
        int rank = t.perm().length;
        String k = kt.input(0);
        Node extra = null;
        if (!swapsLastTwo(t.perm(), rank)) {
            // k^T = transpose(x, p): k = transpose(x, p with its last two entries swapped)
            int[] p = t.perm().clone();
            int last = p[rank - 1];
            p[rank - 1] = p[rank - 2];
            p[rank - 2] = last;
            k = kt.name() + "/k";
            extra = new Node(kt.name() + "/as_k", new Op.Transpose(p), List.of(kt.input(0)), List.of(k));
        }
        boolean causal = false;
        if (!mask.isEmpty() && isCausalMask(constant(mask))) {
            causal = true;
            mask = "";
        }
        List<String> ins = new ArrayList<>(List.of(cur.input(0), k, n.input(1)));
        pendingTranspose = extra;
        if (!mask.isEmpty()) {
            ins.add(mask);
        }
        return new Node(n.name(), new Op.Attention((float) scale, causal), ins, n.outputs());
    }

    private Node mlgru(Node n) {
        if (!isBinary(n, BinaryKind.MUL)) {
            return null;
        }
        for (int side = 0; side < 2; side++) {
            Node g = prod(n.input(side));
            Node cat = prod(n.input(1 - side));
            if (!isUnary(g, UnaryKind.SIGMOID) || cat == null || !(cat.op() instanceof Op.Concat c)) {
                continue;
            }
            var seq = graph.type(cat.output()).shape();
            if (seq.rank() != 3 || (c.axis() != 1 && c.axis() != -2) || !graph.type(g.input(0)).shape().equals(seq)
                    || cat.inputs().size() != seq.dim(1)) {
                continue;
            }
            String[] pre = recurrence(cat);
            if (pre != null && graph.type(pre[0]).shape().equals(seq)) {
                return new Node(n.name(), new Op.Mlgru(), List.of(pre[0], pre[1], g.input(0)), n.outputs());
            }
        }
        return null;
    }

    /** {f_pre, c_pre} if the Concat's inputs are the unrolled h_t = f_t h_{t-1} + (1 - f_t) c_t, else null. */
    private String[] recurrence(Node cat) {
        String fSeq = null;
        String cSeq = null;
        String prev = null;
        for (int t = 0; t < cat.inputs().size(); t++) {
            Node u = prod(cat.input(t));
            if (u == null || !(u.op() instanceof Op.Unsqueeze) || !isConstantAxis(u.input(1), 1)) {
                return null;
            }
            Node add = prod(u.input(0));
            if (!isBinary(add, BinaryKind.ADD)) {
                return null;
            }
            String[] step = null;
            for (int side = 0; side < 2 && step == null; side++) {
                step = step(prod(add.input(side)), prod(add.input(1 - side)), t);
            }
            if (step == null || (fSeq != null && (!fSeq.equals(step[0]) || !cSeq.equals(step[1])))) {
                return null;
            }
            boolean prevOk = t == 0 ? isZero(constant(step[2])) : step[2].equals(prev);
            if (!prevOk) {
                return null;
            }
            fSeq = step[0];
            cSeq = step[1];
            prev = u.input(0);
        }
        Node f = prod(fSeq);
        Node c = prod(cSeq);
        if (!isUnary(f, UnaryKind.SIGMOID) || !isUnary(c, UnaryKind.SILU)) {
            return null;
        }
        return new String[] {f.input(0), c.input(0)};
    }

    /** For keep = f_t * h_prev and mix = (1 - f_t) * c_t: {F, C, h_prev} (F, C the gathered sequences), else null. */
    private String[] step(Node keep, Node mix, int t) {
        if (!isBinary(keep, BinaryKind.MUL) || !isBinary(mix, BinaryKind.MUL)) {
            return null;
        }
        for (int ks = 0; ks < 2; ks++) {
            String fSeq = gathered(keep.input(ks), t);
            if (fSeq == null) {
                continue;
            }
            for (int ms = 0; ms < 2; ms++) {
                Node sub = prod(mix.input(ms));
                String cSeq = gathered(mix.input(1 - ms), t);
                if (cSeq != null && isBinary(sub, BinaryKind.SUB) && near(scalarOrUniform(sub.input(0)), 1.0)
                        && fSeq.equals(gathered(sub.input(1), t))) {
                    return new String[] {fSeq, cSeq, keep.input(1 - ks)};
                }
            }
        }
        return null;
    }

    /** The sequence {@code v} gathers step t from (Gather on axis 1 with the constant index t), else null. */
    private String gathered(String v, int t) {
        Node g = prod(v);
        if (g == null || !(g.op() instanceof Op.Gather ga) || ga.axis() != 1) {
            return null;
        }
        Tensor idx = constant(g.input(1));
        return idx != null && idx.size() == 1 && idx.shape().rank() == 0 && idx.get(0) == t ? g.input(0) : null;
    }

    private boolean isConstantAxis(String v, int axis) {
        Tensor a = constant(v);
        return a != null && a.size() == 1 && a.get(0) == axis;
    }

    private static boolean isZero(Tensor t) {
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

    /** The value of a constant whose elements are all equal, else null. */
    private Double scalarOrUniform(String v) {
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

    private boolean isLastAxis(int axis, String v) {
        int r = graph.type(v).shape().rank();
        return axis == -1 || axis == r - 1;
    }

    private static boolean swapsLastTwo(int[] perm, int rank) {
        if (perm == null || perm.length != rank || rank < 2) {
            return false;
        }
        for (int i = 0; i < rank - 2; i++) {
            if (perm[i] != i) {
                return false;
            }
        }
        return perm[rank - 2] == rank - 1 && perm[rank - 1] == rank - 2;
    }

    /** A square [..,T,T] constant with -inf strictly above the diagonal and 0 elsewhere. */
    private static boolean isCausalMask(Tensor m) {
        if (m == null || !m.isFloating() || m.shape().rank() < 2 || m.shape().dim(-1) != m.shape().dim(-2)
                || m.size() != m.shape().dim(-1) * m.shape().dim(-1)) {
            return false;
        }
        int t = m.shape().dim(-1);
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < t; j++) {
                float v = m.floats()[i * t + j];
                if (j > i ? v != Float.NEGATIVE_INFINITY : v != 0f) {
                    return false;
                }
            }
        }
        return true;
    }
}
