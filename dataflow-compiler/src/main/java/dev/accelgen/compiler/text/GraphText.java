package dev.accelgen.compiler.text;

import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Human-readable listing of a graph: header, op histogram, then one line per node. */
public final class GraphText {
    private GraphText() {
    }

    public static Map<String, Integer> opCounts(Graph g) {
        Map<String, Integer> m = new TreeMap<>();
        for (Node n : g.nodes()) {
            if (!(n.op() instanceof Op.Constant)) {
                m.merge(n.op().kind(), 1, Integer::sum);
            }
        }
        return m;
    }

    public static String grouped(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    public static String render(Graph g, boolean withNodes) {
        StringBuilder b = new StringBuilder();
        b.append("graph ").append(g.name()).append('\n');
        for (String in : g.inputs()) {
            b.append("input  ").append(in).append(' ').append(g.type(in)).append('\n');
        }
        for (String out : g.outputs()) {
            b.append("output ").append(out).append(' ').append(g.type(out)).append('\n');
        }
        b.append("parameters ").append(grouped(g.parameterCount()))
                .append(g.hasWeightData() ? " (with weights)" : " (shapes only, no weight data)").append('\n');
        b.append("nodes ").append(g.nodes().size()).append(" ops");
        opCounts(g).forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
        b.append('\n');
        if (withNodes) {
            for (Node n : g.nodes()) {
                if (n.op() instanceof Op.Constant) {
                    continue;
                }
                b.append("  ").append(n.name()).append(" = ").append(n.op().kind()).append('(')
                        .append(String.join(", ", n.inputs())).append(") -> ");
                for (int i = 0; i < n.outputs().size(); i++) {
                    String o = n.outputs().get(i);
                    b.append(i == 0 ? "" : ", ").append(g.types().containsKey(o) ? g.type(o).toString() : "unused");
                }
                b.append('\n');
            }
        }
        return b.toString();
    }
}
