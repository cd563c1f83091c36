package dev.accelgen.compiler.passes;

import dev.accelgen.compiler.interp.Broadcast;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.ir.TensorType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds an inference BatchNorm into the Conv, Gemm or MatMul feeding it: with {@code s = scale / sqrt(var + eps)},
 * each output channel's weights are multiplied by s and its bias becomes {@code (bias - mean) * s + beta}. It folds
 * when the layer's weight (and bias) and the norm's parameters are constants and only the norm reads the layer's
 * output (which is no graph output); a MatMul folds when its output is [N,C] (the channel is the last axis) and becomes MatMul then Add. A
 * folded weight keeps its name when nothing else reads it, else it is a new weight {@code <name>#bn}. Any other
 * BatchNorm stays and is evaluated.
 */
public final class BatchNormFolding {
    private final GraphView v;
    private final Map<String, TensorType> weights;
    private final Map<String, Tensor> data;

    private BatchNormFolding(Graph g) {
        this.v = new GraphView(g);
        this.weights = new LinkedHashMap<>(g.weights());
        this.data = new LinkedHashMap<>(g.weightData());
    }

    public static Graph run(Graph g) {
        return new BatchNormFolding(g).fold(g);
    }

    private Graph fold(Graph g) {
        Map<String, List<Node>> replaced = new HashMap<>();
        for (Node bn : g.nodes()) {
            if (bn.op() instanceof Op.BatchNorm b) {
                Node layer = v.prod(bn.input(0));
                boolean alone = layer != null && v.singleUse(layer.output()) && !g.outputs().contains(layer.output());
                List<Node> folded = alone ? fold(layer, bn, b.eps()) : null;
                if (folded != null) {
                    replaced.put(layer.name(), folded);
                    replaced.put(bn.name(), List.of());
                }
            }
        }
        if (replaced.isEmpty()) {
            return g;
        }
        List<Node> out = new ArrayList<>();
        for (Node n : g.nodes()) {
            out.addAll(replaced.getOrDefault(n.name(), List.of(n)));
        }
        return g.withWeights(weights, data).withNodes(out, g.types());
    }

    /** The nodes replacing {@code layer}, or null when it cannot absorb the norm. */
    private List<Node> fold(Node layer, Node bn, double eps) {
        Tensor w = v.constant(layer.input(1));
        Tensor bias = layer.hasInput(2) ? v.constant(layer.input(2)) : null;
        Shape y = v.graph().type(layer.output()).shape();
        if (w == null || (layer.hasInput(2) && bias == null) || layer.outputs().size() != 1 || y.rank() < 2) {
            return null;
        }
        int channels = y.dim(1);
        Tensor[] p = new Tensor[4];
        for (int i = 0; i < 4; i++) {
            p[i] = v.constant(bn.input(i + 1));
            if (p[i] == null || p[i].size() != channels) {
                return null;
            }
        }
        double[] s = new double[channels];
        double[] shift = new double[channels];
        for (int c = 0; c < channels; c++) {
            s[c] = p[0].get(c) / Math.sqrt(p[3].get(c) + eps);
            shift[c] = p[1].get(c) - p[2].get(c) * s[c];
        }
        String x = layer.input(0);
        if (layer.op() instanceof Op.Conv conv && w.shape().dim(0) == channels) {
            String wf = put(layer.input(1), layer.name() + "#bn_weight", scaleRows(w, s));
            String bf = put(layer.input(2), layer.name() + "#bn_bias", channelBias(bias, 1, s, shift));
            return List.of(new Node(layer.name(), conv, List.of(x, wf, bf), bn.outputs()));
        }
        if (layer.op() instanceof Op.Gemm gemm && y.rank() == 2) {
            String wf = put(layer.input(1), layer.name() + "#bn_weight", gemm.transB() ? scaleRows(w, s) : scaleColumns(w, s));
            String cf = put(layer.input(2), layer.name() + "#bn_bias", channelBias(bias, gemm.beta(), s, shift));
            return List.of(new Node(layer.name(), new Op.Gemm(gemm.alpha(), 1f, gemm.transA(), gemm.transB()), List.of(x, wf, cf),
                    bn.outputs()));
        }
        if (layer.op() instanceof Op.MatMul && w.shape().rank() == 2 && y.rank() == 2) {
            String wf = put(layer.input(1), layer.name() + "#bn_weight", scaleColumns(w, s));
            String bf = put("", layer.name() + "#bn_bias", channelBias(null, 1, s, shift));
            return List.of(new Node(layer.name(), layer.op(), List.of(x, wf), layer.outputs()),
                    new Node(bn.name(), new Op.Binary(Op.BinaryKind.ADD), List.of(layer.output(), bf), bn.outputs()));
        }
        return null;
    }

    /** Stores a folded tensor in place of weight {@code original} when only this layer reads it, else as {@code fresh}. */
    private String put(String original, String fresh, Tensor t) {
        String n = weights.containsKey(original) && v.singleUse(original) ? original : fresh;
        weights.put(n, t.type());
        data.put(n, t);
        return n;
    }

    /** Row c (the leading axis) of w times s[c]. */
    private static Tensor scaleRows(Tensor w, double[] s) {
        float[] r = new float[w.size()];
        int per = w.size() / s.length;
        for (int i = 0; i < r.length; i++) {
            r[i] = (float) (w.floats()[i] * s[i / per]);
        }
        return Tensor.ofFloats(w.shape(), r);
    }

    /** Column c (the last axis) of a matrix times s[c]. */
    private static Tensor scaleColumns(Tensor w, double[] s) {
        float[] r = new float[w.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = (float) (w.floats()[i] * s[i % s.length]);
        }
        return Tensor.ofFloats(w.shape(), r);
    }

    /** {@code beta * bias * s + shift} broadcast over the channel (last) axis; just shift without a bias. */
    private static Tensor channelBias(Tensor bias, double beta, double[] s, double[] shift) {
        Shape ch = Shape.of(s.length);
        Shape out = bias == null ? ch : Broadcast.shape(bias.shape(), ch);
        int[] src = bias == null ? null : Broadcast.sourceIndex(bias.shape(), out);
        float[] r = new float[(int) out.elements()];
        for (int i = 0; i < r.length; i++) {
            int c = i % s.length;
            r[i] = (float) ((bias == null ? 0 : beta * bias.get(src[i]) * s[c]) + shift[c]);
        }
        return Tensor.ofFloats(out, r);
    }
}
