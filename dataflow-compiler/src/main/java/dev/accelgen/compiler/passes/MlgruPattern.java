package dev.accelgen.compiler.passes;

import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Op.BinaryKind;
import dev.accelgen.compiler.ir.Op.UnaryKind;
import dev.accelgen.compiler.ir.Tensor;
import java.util.List;

/** MLGRU unrolled by an exporter: {@code sigmoid(g) * concat_t(unsqueeze(h_t, 1))}, {@code h_t = f_t * h_{t-1} + (1 - f_t) * c_t}, {@code f_t = gather(sigmoid(f_pre), t, 1)}, {@code c_t = gather(silu(c_pre), t, 1)}, {@code h_{-1} = 0}. */
final class MlgruPattern implements Pattern {
    private final GraphView v;

    MlgruPattern(GraphView v) {
        this.v = v;
    }

    @Override
    public List<Node> match(Node n) {
        Node r = fuse(n);
        return r == null ? null : List.of(r);
    }

    private Node fuse(Node n) {
        if (!v.isBinary(n, BinaryKind.MUL)) {
            return null;
        }
        for (int side = 0; side < 2; side++) {
            Node g = v.prod(n.input(side));
            Node cat = v.prod(n.input(1 - side));
            if (!v.isUnary(g, UnaryKind.SIGMOID) || cat == null || !(cat.op() instanceof Op.Concat c)) {
                continue;
            }
            var seq = v.graph().type(cat.output()).shape();
            if (seq.rank() != 3 || (c.axis() != 1 && c.axis() != -2) || !v.graph().type(g.input(0)).shape().equals(seq)
                    || cat.inputs().size() != seq.dim(1)) {
                continue;
            }
            String[] pre = recurrence(cat);
            if (pre != null && v.graph().type(pre[0]).shape().equals(seq)) {
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
            Node u = v.prod(cat.input(t));
            if (u == null || !(u.op() instanceof Op.Unsqueeze) || !isConstantAxis(u.input(1), 1)) {
                return null;
            }
            Node add = v.prod(u.input(0));
            if (!v.isBinary(add, BinaryKind.ADD)) {
                return null;
            }
            String[] step = null;
            for (int side = 0; side < 2 && step == null; side++) {
                step = step(v.prod(add.input(side)), v.prod(add.input(1 - side)), t);
            }
            if (step == null || (fSeq != null && (!fSeq.equals(step[0]) || !cSeq.equals(step[1])))) {
                return null;
            }
            boolean prevOk = t == 0 ? GraphView.isZero(v.constant(step[2])) : step[2].equals(prev);
            if (!prevOk) {
                return null;
            }
            fSeq = step[0];
            cSeq = step[1];
            prev = u.input(0);
        }
        Node f = v.prod(fSeq);
        Node c = v.prod(cSeq);
        if (!v.isUnary(f, UnaryKind.SIGMOID) || !v.isUnary(c, UnaryKind.SILU)) {
            return null;
        }
        return new String[] {f.input(0), c.input(0)};
    }

    /** For keep = f_t * h_prev and mix = (1 - f_t) * c_t: {F, C, h_prev} (F, C the gathered sequences), else null. */
    private String[] step(Node keep, Node mix, int t) {
        if (!v.isBinary(keep, BinaryKind.MUL) || !v.isBinary(mix, BinaryKind.MUL)) {
            return null;
        }
        for (int ks = 0; ks < 2; ks++) {
            String fSeq = gathered(keep.input(ks), t);
            if (fSeq == null) {
                continue;
            }
            for (int ms = 0; ms < 2; ms++) {
                Node sub = v.prod(mix.input(ms));
                String cSeq = gathered(mix.input(1 - ms), t);
                if (cSeq != null && v.isBinary(sub, BinaryKind.SUB) && GraphView.near(v.scalarOrUniform(sub.input(0)), 1.0)
                        && fSeq.equals(gathered(sub.input(1), t))) {
                    return new String[] {fSeq, cSeq, keep.input(1 - ks)};
                }
            }
        }
        return null;
    }

    /** The sequence {@code value} gathers step t from (Gather on axis 1 with the constant index t), else null. */
    private String gathered(String value, int t) {
        Node g = v.prod(value);
        if (g == null || !(g.op() instanceof Op.Gather ga) || ga.axis() != 1) {
            return null;
        }
        Tensor idx = v.constant(g.input(1));
        return idx != null && idx.size() == 1 && idx.shape().rank() == 0 && idx.get(0) == t ? g.input(0) : null;
    }

    private boolean isConstantAxis(String value, int axis) {
        Tensor a = v.constant(value);
        return a != null && a.size() == 1 && a.get(0) == axis;
    }
}
