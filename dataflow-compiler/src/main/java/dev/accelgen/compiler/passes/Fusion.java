package dev.accelgen.compiler.passes;

import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces the decompositions exporters emit by fused ops: {@link RmsNormPattern}, {@link GeluPattern},
 * {@link SiluPattern}, {@link SwiGluPattern}, {@link AttentionPattern}, {@link MlgruPattern}. The root node of each
 * match is replaced in place; the nodes that fed only the match become dead and {@link DeadNodeRemoval} drops them.
 * Two sweeps, because SwiGLU and MLGRU build on SiLU found in the first.
 */
public final class Fusion {
    private Fusion() {
    }

    public static Graph run(Graph g) {
        Graph cur = g;
        for (int sweep = 0; sweep < 2; sweep++) {
            GraphView v = new GraphView(cur);
            List<Pattern> patterns = List.of(new RmsNormPattern(v), new GeluPattern(v), new SiluPattern(v),
                    new SwiGluPattern(v), new AttentionPattern(v), new MlgruPattern(v));
            List<Node> out = new ArrayList<>();
            for (Node n : cur.nodes()) {
                List<Node> replacement = null;
                for (Pattern p : patterns) {
                    replacement = p.match(n);
                    if (replacement != null) {
                        break;
                    }
                }
                if (replacement == null) {
                    out.add(n);
                } else {
                    out.addAll(replacement);
                }
            }
            cur = DeadNodeRemoval.run(cur.withNodes(out, cur.types()));
        }
        return cur;
    }
}
