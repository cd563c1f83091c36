package dev.accelgen.compiler.passes;

import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Op.BinaryKind;
import dev.accelgen.compiler.ir.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Attention: {@code softmax(q k^T [/ c | * c] [+ mask]) v} with k^T a Transpose that swaps the last two axes (or,
 * when the exporter merged transposes, any Transpose: a Transpose producing k is inserted); a constant
 * upper-triangular -inf mask becomes {@code causal}.
 */
final class AttentionPattern implements Pattern {
    private final GraphView v;

    AttentionPattern(GraphView v) {
        this.v = v;
    }

    @Override
    public List<Node> match(Node n) {
        if (!(n.op() instanceof Op.MatMul)) {
            return null;
        }
        Node sm = v.prod(n.input(0));
        if (sm == null || !(sm.op() instanceof Op.Softmax s) || !isLastAxis(s.axis(), sm.input(0))) {
            return null;
        }
        Node cur = v.prod(sm.input(0));
        String mask = "";
        if (v.isBinary(cur, BinaryKind.ADD)) {
            mask = cur.input(1);
            cur = v.prod(cur.input(0));
        }
        double scale = 1;
        if (v.isBinary(cur, BinaryKind.DIV) && v.scalar(cur.input(1)) != null) {
            scale = 1 / v.scalar(cur.input(1));
            cur = v.prod(cur.input(0));
        } else if (v.isBinary(cur, BinaryKind.MUL) && v.scalar(cur.input(1)) != null) {
            scale = v.scalar(cur.input(1));
            cur = v.prod(cur.input(0));
        }
        if (cur == null || !(cur.op() instanceof Op.MatMul)) {
            return null;
        }
        Node kt = v.prod(cur.input(1));
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
        if (!mask.isEmpty() && isCausalMask(v.constant(mask))) {
            causal = true;
            mask = "";
        }
        List<String> ins = new ArrayList<>(List.of(cur.input(0), k, n.input(1)));
        if (!mask.isEmpty()) {
            ins.add(mask);
        }
        Node fused = new Node(n.name(), new Op.Attention((float) scale, causal), ins, n.outputs());
        return extra == null ? List.of(fused) : List.of(extra, fused);
    }

    private boolean isLastAxis(int axis, String value) {
        int r = v.graph().type(value).shape().rank();
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
