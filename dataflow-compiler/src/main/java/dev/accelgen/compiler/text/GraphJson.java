package dev.accelgen.compiler.text;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.TensorType;

/** The graph as JSON: inputs, outputs, weights (shapes), nodes with op, inputs, outputs and output types. */
public final class GraphJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GraphJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    static ObjectNode type(TensorType t) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("dtype", t.dtype().label());
        ArrayNode s = o.putArray("shape");
        for (int d : t.shape().dims()) {
            s.add(d);
        }
        return o;
    }

    public static ObjectNode toJson(Graph g, boolean withNodes) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("name", g.name());
        root.put("parameters", g.parameterCount());
        root.put("has_weight_data", g.hasWeightData());
        ObjectNode ins = root.putObject("inputs");
        g.inputs().forEach(i -> ins.set(i, type(g.type(i))));
        ObjectNode outs = root.putObject("outputs");
        g.outputs().forEach(o -> outs.set(o, type(g.type(o))));
        ObjectNode ops = root.putObject("op_counts");
        GraphText.opCounts(g).forEach(ops::put);
        if (withNodes) {
            ObjectNode w = root.putObject("weights");
            g.weights().forEach((k, v) -> w.set(k, type(v)));
            ArrayNode nodes = root.putArray("nodes");
            for (Node n : g.nodes()) {
                if (n.op() instanceof Op.Constant) {
                    continue;
                }
                ObjectNode jn = nodes.addObject();
                jn.put("name", n.name());
                jn.put("op", n.op().kind());
                jn.put("attributes", n.op().toString());
                ArrayNode ji = jn.putArray("inputs");
                n.inputs().forEach(ji::add);
                ArrayNode jo = jn.putArray("outputs");
                for (String o : n.outputs()) {
                    ObjectNode e = jo.addObject();
                    e.put("name", o);
                    if (g.types().containsKey(o)) {
                        e.set("type", type(g.type(o)));
                    }
                }
            }
        }
        return root;
    }
}
