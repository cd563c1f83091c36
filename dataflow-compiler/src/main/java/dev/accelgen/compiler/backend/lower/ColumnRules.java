package dev.accelgen.compiler.backend.lower;

import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.compiler.backend.lir.Val;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import java.util.ArrayList;
import java.util.List;

/** Split, Slice and Concat of features: column views of one value. */
final class ColumnRules {
    private final GraphLowerer l;

    ColumnRules(GraphLowerer l) {
        this.l = l;
    }

    boolean lastAxis(int axis, String value) {
        int r = l.g.type(value).shape().rank();
        return axis == -1 || axis == r - 1;
    }

    Form split(Node n, String value) {
        if (!lastAxis(((Op.Split) n.op()).axis(), n.input(0))) {
            throw l.unsupported(n, "it splits an axis other than the features");
        }
        Val x = l.rows(n, n.input(0));
        int from = 0;
        for (String o : n.outputs()) {
            int cols = l.g.type(o).shape().dim(-1);
            if (o.equals(value)) {
                Val out = l.b.fx(o, cols);
                l.b.add(new LirOp.Slice(x, from, out));
                return new Form.Rows(out);
            }
            from += cols;
        }
        throw new IllegalStateException(value + " is not an output of " + n.name());
    }

    Form slice(Node n) {
        Integer start = Slices.lastAxisStart(l.view, n);
        if (start == null) {
            throw l.unsupported(n, "it slices more than a contiguous range of features");
        }
        Val x = l.rows(n, n.input(0));
        Val out = l.b.fx(n.output(), l.g.type(n.output()).shape().dim(-1));
        l.b.add(new LirOp.Slice(x, start, out));
        return new Form.Rows(out);
    }

    Form concat(Node n) {
        if (!lastAxis(((Op.Concat) n.op()).axis(), n.output())) {
            throw l.unsupported(n, "it concatenates along an axis other than the features");
        }
        List<Val> parts = new ArrayList<>();
        for (String in : n.inputs()) {
            parts.add(l.rows(n, in));
        }
        Val out = l.b.fx(n.output(), parts.stream().mapToInt(Val::cols).sum());
        l.b.add(new LirOp.Concat(parts, out));
        return new Form.Rows(out);
    }

}
