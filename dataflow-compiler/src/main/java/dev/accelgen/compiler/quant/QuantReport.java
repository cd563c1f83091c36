package dev.accelgen.compiler.quant;

import dev.accelgen.compiler.interp.FloatInterpreter;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Quantization error of a run: each weight MatMul's output and each graph output against the float run. */
public record QuantReport(List<Layer> layers, Map<String, ErrorStats> outputs) {
    /** One weight MatMul. */
    public record Layer(String node, String weight, String scheme, ErrorStats error) {
    }

    public static QuantReport measure(Graph g, QuantPlan plan, Map<String, Double> ranges, Map<String, Tensor> inputs) {
        Map<String, Tensor> ref = FloatInterpreter.runAll(g, inputs);
        QuantizedInterpreter q = new QuantizedInterpreter(g, plan, ranges);
        Map<String, Tensor> got = q.runAll(inputs);
        List<Layer> layers = new ArrayList<>();
        for (Node n : g.nodes()) {
            Scheme s = q.schemes().get(n.name());
            if (s != null) {
                String weight = QuantPlan.isMoe(n) ? n.input(2) + "+" + n.input(4) : n.input(1);
                layers.add(new Layer(n.name(), weight, s.label(), ErrorStats.of(got.get(n.output()), ref.get(n.output()))));
            }
        }
        Map<String, ErrorStats> outs = new LinkedHashMap<>();
        for (String o : g.outputs()) {
            outs.put(o, ErrorStats.of(got.get(o), ref.get(o)));
        }
        return new QuantReport(layers, outs);
    }

    /** The worst (lowest) cosine similarity over the graph outputs. */
    public double worstOutputCosine() {
        return outputs.values().stream().mapToDouble(ErrorStats::cosine).min().orElse(1);
    }
}
