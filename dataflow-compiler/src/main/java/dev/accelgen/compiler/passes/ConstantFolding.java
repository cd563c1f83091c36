package dev.accelgen.compiler.passes;

import dev.accelgen.compiler.interp.Kernels;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces every node whose operands are all known (Constant nodes, Shape of a statically typed value, and
 * results of such nodes) with Constant nodes. Weights are not folded into: a Transpose of a weight stays, so
 * weights keep their names and stay visible to quantization.
 */
public final class ConstantFolding {
    private ConstantFolding() {
    }

    public static Graph run(Graph g) {
        Map<String, Tensor> known = new HashMap<>();
        List<Node> out = new ArrayList<>();
        for (Node n : g.nodes()) {
            boolean foldable = !n.outputs().isEmpty();
            List<Tensor> args = new ArrayList<>();
            for (String in : n.inputs()) {
                if (in.isEmpty()) {
                    args.add(null);
                } else if (known.containsKey(in)) {
                    args.add(known.get(in));
                } else {
                    foldable = false;
                }
            }
            if (n.op() instanceof Op.ShapeOf s) {
                Tensor v = Kernels.eval(s, List.of(Tensor.ofFloats(g.type(n.input(0)).shape(),
                        new float[(int) g.type(n.input(0)).shape().elements()])), 1).get(0);
                known.put(n.output(), v);
                out.add(new Node(n.name(), new Op.Constant(v), List.of(), n.outputs()));
                continue;
            }
            if (!foldable) {
                out.add(n);
                continue;
            }
            List<Tensor> vals = Kernels.eval(n.op(), args, n.outputs().size());
            for (int i = 0; i < n.outputs().size(); i++) {
                String o = n.outputs().get(i);
                known.put(o, vals.get(i));
                out.add(new Node(n.outputs().size() == 1 ? n.name() : n.name() + "#" + i, new Op.Constant(vals.get(i)), List.of(), List.of(o)));
            }
        }
        return g.withNodes(out, g.types());
    }
}
