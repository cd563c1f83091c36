package dev.accelgen.compiler.run;

import dev.accelgen.compiler.backend.exec.LirSession;
import dev.accelgen.compiler.backend.lir.LirModel;
import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.compiler.backend.lower.LowerOptions;
import dev.accelgen.compiler.backend.lower.Lowering;
import dev.accelgen.compiler.interp.FloatInterpreter;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.quant.ErrorStats;
import dev.accelgen.compiler.quant.QuantPlan;
import dev.accelgen.compiler.quant.Scheme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Quantization error of a run: the model lowered to the accelerator's layer IR and run bit-exactly as the
 * accelerator computes it ({@link LirSession}), against the float interpreter: each weight product's output and
 * each graph output. A plan that is float throughout runs the float interpreter only (nothing runs on a matrix
 * unit), so its error is zero.
 *
 * @param lir the model as the accelerator runs it, or null for a float plan
 */
public record QuantReport(List<Layer> layers, Map<String, ErrorStats> outputs, LirModel lir) {
    /** One weight MatMul (or MoE). */
    public record Layer(String node, String weight, String scheme, ErrorStats error) {
    }

    public static QuantReport measure(Graph g, QuantPlan plan, Map<String, Double> ranges, Map<String, Tensor> inputs) {
        return measure(g.name(), g, plan, ranges, inputs);
    }

    /** @param source the model as the user named it (for messages) */
    public static QuantReport measure(String source, Graph g, QuantPlan plan, Map<String, Double> ranges, Map<String, Tensor> inputs) {
        Map<String, Tensor> ref = FloatInterpreter.runAll(g, inputs);
        if (plan.defaultScheme() instanceof Scheme.Float && plan.overrides().isEmpty()) {
            return floatOnly(g, ref);
        }
        LirModel lir = Lowering.lower(source, g, plan, ranges, LowerOptions.defaults());
        LirSession.Result run = new LirSession(lir).run(inputs);
        Map<String, Node> byName = new LinkedHashMap<>();
        g.nodes().forEach(n -> byName.put(n.name(), n));
        List<Layer> layers = new ArrayList<>();
        for (LirOp op : lir.ops()) {
            if (op instanceof LirOp.Linear l) {
                Map<String, List<LirOp.Part>> byNode = new LinkedHashMap<>();
                l.parts().forEach(p -> byNode.computeIfAbsent(p.node(), k -> new ArrayList<>()).add(p));
                byNode.forEach((node, parts) -> layers.add(new Layer(node, byName.get(node).input(1), l.p().scheme().label(),
                        partError(parts, run.values()[l.out().id()], ref))));
            } else if (op instanceof LirOp.Moe m) {
                Node n = byName.values().stream().filter(x -> x.output().equals(m.out().name())).findFirst().orElseThrow();
                Tensor want = ref.get(n.output());
                layers.add(new Layer(n.name(), n.input(2) + "+" + n.input(4), m.router().scheme().label(),
                        ErrorStats.of(floats(run.values()[m.out().id()], m.out().cols()), want.reshape(Shape.of(want.size() / m.out().cols(),
                                m.out().cols())))));
            }
        }
        Map<String, ErrorStats> outs = new LinkedHashMap<>();
        for (String o : g.outputs()) {
            outs.put(o, ErrorStats.of(run.outputs().get(o), ref.get(o)));
        }
        return new QuantReport(layers, outs, lir);
    }

    private static QuantReport floatOnly(Graph g, Map<String, Tensor> ref) {
        List<Layer> layers = new ArrayList<>();
        for (Node n : g.nodes()) {
            if (QuantPlan.isWeightMatMul(g, n) || QuantPlan.isMoe(n)) {
                String weight = QuantPlan.isMoe(n) ? n.input(2) + "+" + n.input(4) : n.input(1);
                layers.add(new Layer(n.name(), weight, "float", ErrorStats.of(ref.get(n.output()), ref.get(n.output()))));
            }
        }
        Map<String, ErrorStats> outs = new LinkedHashMap<>();
        for (String o : g.outputs()) {
            outs.put(o, ErrorStats.of(ref.get(o), ref.get(o)));
        }
        return new QuantReport(layers, outs, null);
    }

    /** One weight product's columns of a linear (divided by their folded factors) against its graph value. */
    private static ErrorStats partError(List<LirOp.Part> parts, int[][] rows, Map<String, Tensor> ref) {
        int cols = parts.stream().mapToInt(LirOp.Part::cols).sum();
        Tensor want = ref.get(parts.get(0).value());
        int width = want.shape().dim(-1);
        float[] g = new float[rows.length * cols];
        float[] w = new float[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            int c = 0;
            for (LirOp.Part p : parts) {
                for (int i = 0; i < p.cols(); i++, c++) {
                    g[r * cols + c] = (float) (rows[r][p.from() + i] / 65536.0 / p.factor());
                    w[r * cols + c] = (float) want.get(r * width + p.valueFrom() + i);
                }
            }
        }
        return ErrorStats.of(Tensor.ofFloats(Shape.of(rows.length, cols), g), Tensor.ofFloats(Shape.of(rows.length, cols), w));
    }

    /** Fx rows as floats. */
    private static Tensor floats(int[][] rows, int cols) {
        float[] f = new float[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < cols; c++) {
                f[r * cols + c] = (float) (rows[r][c] / 65536.0);
            }
        }
        return Tensor.ofFloats(Shape.of(rows.length, cols), f);
    }

    /** The worst (lowest) cosine similarity over the graph outputs. */
    public double worstOutputCosine() {
        return outputs.values().stream().mapToDouble(ErrorStats::cosine).min().orElse(1);
    }
}
