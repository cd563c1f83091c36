package dev.accelgen.compiler.quant;

import dev.accelgen.compiler.interp.FloatInterpreter;
import dev.accelgen.compiler.interp.FusedKernels;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.interp.SeededInputs;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Activation ranges over calibration samples: max |x| of each MatMul's input (static per-tensor scales) and of attention values. */
public final class Calibration {
    private Calibration() {
    }

    /** {@code count} seeded samples: seeds {@code seed+1 .. seed+count} (the run itself uses {@code seed}). */
    public static List<Map<String, Tensor>> seededSamples(Graph g, long seed, int count) {
        List<Map<String, Tensor>> s = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            s.add(SeededInputs.of(g, seed + i));
        }
        return s;
    }

    /** Key of a MoE expert's up-projection input range (the MoE input) and of its down-projection input range. */
    public static String moeUpKey(Node n, int expert) {
        return n.name() + "#expert" + expert + ".up";
    }

    public static String moeDownKey(Node n, int expert) {
        return n.name() + "#expert" + expert + ".down";
    }

    /** Key of an attention's value range (max |v|, which bounds its unnormalized accumulator). */
    public static String valuesKey(Node attention) {
        return attention.name() + "#values";
    }

    /** Runs the MoE in float recording, per expert, the max |row| its up and down projections see. */
    private static Tensor moeRanges(Node n, List<Tensor> args, Map<String, Double> out) {
        Op.Moe m = (Op.Moe) n.op();
        FusedKernels.Experts f = FusedKernels.floatExperts(args.get(2), args.get(4));
        FusedKernels.Experts recording = new FusedKernels.Experts() {
            public Tensor up(int e, Tensor row) {
                out.merge(moeUpKey(n, e), maxAbs(row), Math::max);
                return f.up(e, row);
            }

            public Tensor down(int e, Tensor row) {
                out.merge(moeDownKey(n, e), maxAbs(row), Math::max);
                return f.down(e, row);
            }
        };
        return FusedKernels.moe(m, args.get(0), args.get(1), args.get(3), args.get(5), recording);
    }

    private static double maxAbs(Tensor t) {
        double m = 0;
        for (int i = 0; i < t.size(); i++) {
            m = Math.max(m, Math.abs(t.get(i)));
        }
        return m;
    }

    /**
     * Max |first input| per MatMul node name (weight MatMuls among them), per MoE expert projection
     * ({@link #moeUpKey}) and of each attention's values ({@link #valuesKey}).
     */
    public static Map<String, Double> ranges(Graph g, List<Map<String, Tensor>> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("calibration needs at least one sample");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map<String, Tensor> sample : samples) {
            Map<String, Tensor> env = FloatInterpreter.runAll(g, sample,
                    (n, args) -> QuantPlan.isMoe(n) ? List.of(moeRanges(n, args, out)) : null);
            for (Node n : g.nodes()) {
                if (n.op() instanceof Op.Attention) {
                    out.merge(valuesKey(n), maxAbs(env.get(n.input(2))), Math::max);
                }
                if (n.op() instanceof Op.MatMul) {
                    out.merge(n.name(), maxAbs(env.get(n.input(0))), Math::max);
                }
            }
        }
        return out;
    }
}
