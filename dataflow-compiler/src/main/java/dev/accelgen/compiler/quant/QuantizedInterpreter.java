package dev.accelgen.compiler.quant;

import dev.accelgen.compiler.interp.FusedKernels;
import dev.accelgen.compiler.interp.Kernels;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.QuantParams;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.pe.mlgru.MlgruArith;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a graph the way the accelerator will: each weight MatMul, and each MoE expert's up and down matrices
 * (routing stays float), through its scheme's {@link QuantizedLayer} (integer arithmetic from pe-library), MLGRU ops through the MLGRU unit's Q3.12 datapath ({@link MlgruArith})
 * when the model is quantized at all, and every other op in float32 (the vector unit).
 */
public final class QuantizedInterpreter {
    private final Graph graph;
    private final Map<String, QuantizedLayer> layers = new LinkedHashMap<>();
    private final Map<String, Scheme> schemes = new LinkedHashMap<>();
    private final Map<String, FusedKernels.Experts> moes = new LinkedHashMap<>();
    private final boolean fixedPointMlgru;

    /** Each expert's up and down matrices as quantized layers of the MoE's scheme. */
    private FusedKernels.Experts experts(Node n, Scheme s, Map<String, Double> ranges) {
        Op.Moe m = (Op.Moe) n.op();
        Tensor up = graph.weightData().get(n.input(2));
        Tensor down = graph.weightData().get(n.input(4));
        QuantizedLayer[] ups = new QuantizedLayer[m.experts()];
        QuantizedLayer[] downs = new QuantizedLayer[m.experts()];
        for (int e = 0; e < m.experts(); e++) {
            ups[e] = s.prepare(FusedKernels.slice(up, e), ranges.getOrDefault(Calibration.moeUpKey(n, e), 0.0));
            downs[e] = s.prepare(FusedKernels.slice(down, e), ranges.getOrDefault(Calibration.moeDownKey(n, e), 0.0));
        }
        return new FusedKernels.Experts() {
            public Tensor up(int e, Tensor row) {
                return ups[e].apply(row);
            }

            public Tensor down(int e, Tensor row) {
                return downs[e].apply(row);
            }
        };
    }

    public QuantizedInterpreter(Graph g, QuantPlan plan, Map<String, Double> actRanges) {
        this.graph = g;
        for (Map.Entry<Node, Scheme> e : plan.resolve(g).entrySet()) {
            Node n = e.getKey();
            Tensor w = g.weightData().get(n.input(1));
            double range = actRanges.getOrDefault(n.name(), 0.0);
            QuantizedLayer l = e.getValue().prepare(w, range);
            schemes.put(n.name(), e.getValue());
            if (l != null) {
                layers.put(n.name(), l);
            }
        }
        for (Map.Entry<Node, Scheme> e : plan.resolveMoe(g).entrySet()) {
            Node n = e.getKey();
            schemes.put(n.name(), e.getValue());
            if (!(e.getValue() instanceof Scheme.Float)) {
                moes.put(n.name(), experts(n, e.getValue(), actRanges));
            }
        }
        this.fixedPointMlgru = !(plan.defaultScheme() instanceof Scheme.Float);
    }

    /** Scheme of each weight MatMul by node name. */
    public Map<String, Scheme> schemes() {
        return schemes;
    }

    /** How each quantized weight is stored, by weight name. */
    public Map<String, QuantParams> weightParams() {
        Map<String, QuantParams> m = new LinkedHashMap<>();
        for (Node n : graph.nodes()) {
            QuantizedLayer l = layers.get(n.name());
            if (l != null) {
                m.put(n.input(1), l.weightParams());
            }
        }
        return m;
    }

    /**
     * The graph with quantization parameters attached: every quantized weight's storage, and each quantized
     * MatMul's input activation (int8/int16 per tensor with its calibrated scale, or int8 per token for ternary).
     */
    public Graph annotated() {
        Map<String, QuantParams> q = new LinkedHashMap<>(weightParams());
        for (Node n : graph.nodes()) {
            QuantizedLayer l = layers.get(n.name());
            if (l != null) {
                q.put(n.input(0), l.activationParams());
            }
        }
        return graph.withQuant(q);
    }

    public Map<String, Tensor> runAll(Map<String, Tensor> inputs) {
        Map<String, Tensor> env = new LinkedHashMap<>(graph.weightData());
        env.putAll(inputs);
        for (Node n : graph.nodes()) {
            List<Tensor> args = new ArrayList<>();
            for (String in : n.inputs()) {
                args.add(in.isEmpty() ? null : env.get(in));
            }
            QuantizedLayer l = layers.get(n.name());
            List<Tensor> outs;
            if (l != null) {
                outs = List.of(l.apply(args.get(0)));
            } else if (moes.containsKey(n.name())) {
                outs = List.of(FusedKernels.moe((Op.Moe) n.op(), args.get(0), args.get(1), args.get(3), args.get(5), moes.get(n.name())));
            } else if (fixedPointMlgru && n.op() instanceof Op.Mlgru) {
                outs = List.of(mlgruFixed(args.get(0), args.get(1), args.get(2)));
            } else {
                outs = Kernels.eval(n.op(), args, n.outputs().size());
            }
            for (int i = 0; i < n.outputs().size(); i++) {
                env.put(n.outputs().get(i), outs.get(i));
            }
        }
        return env;
    }

    /** MLGRU over [B,T,D] with pre-activations rounded to Q3.12 and every step from {@link MlgruArith#step}. */
    static Tensor mlgruFixed(Tensor f, Tensor c, Tensor g) {
        int b = f.shape().dim(0);
        int t = f.shape().dim(1);
        int d = f.shape().dim(2);
        float[] out = new float[f.size()];
        for (int bi = 0; bi < b; bi++) {
            int[] h = new int[d];
            for (int ti = 0; ti < t; ti++) {
                int base = (bi * t + ti) * d;
                for (int j = 0; j < d; j++) {
                    MlgruArith.Step s = MlgruArith.step(MlgruArith.toQ(f.floats()[base + j]),
                            MlgruArith.toQ(c.floats()[base + j]), MlgruArith.toQ(g.floats()[base + j]), h[j]);
                    h[j] = s.h();
                    out[base + j] = (float) MlgruArith.fromQ(s.o());
                }
            }
        }
        return Tensor.ofFloats(f.shape(), out);
    }
}
