package dev.accelgen.compiler.hf;

import dev.accelgen.compiler.interp.Broadcast;
import dev.accelgen.compiler.ir.DType;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.ir.TensorBudget;
import dev.accelgen.compiler.ir.TensorType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a typed graph op by op for the config importers. Weights are declared by shape; with
 * {@link WeightMode#SYNTHETIC} each also gets seeded values (normal with std 1/sqrt(fan-in) for matrices,
 * 1/sqrt(fan-in) times uniform {-1, 0, +1} for ternary matrices, 1 + 0.1*normal for norm gains, 0.02*normal for
 * biases and embeddings) so the graph can be simulated.
 */
public final class GraphBuilder {
    /** Whether weights get values. */
    public enum WeightMode { NONE, SYNTHETIC }

    /** How a weight is initialised in synthetic mode. */
    public enum Init { MATRIX, TERNARY, GAIN, SMALL }

    private final String name;
    private final WeightMode mode;
    private final SeededRandom rng;
    private final List<String> inputs = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, TensorType> weights = new LinkedHashMap<>();
    private final Map<String, Tensor> data = new LinkedHashMap<>();
    private final Map<String, TensorType> types = new LinkedHashMap<>();
    private int counter;

    public GraphBuilder(String name, WeightMode mode, long seed) {
        this.name = name;
        this.mode = mode;
        this.rng = new SeededRandom(seed);
    }

    public String input(String n, TensorType t) {
        inputs.add(n);
        types.put(n, t);
        return n;
    }

    public String weight(String n, Init init, int... dims) {
        TensorType t = TensorType.f32(dims);
        weights.put(n, t);
        types.put(n, t);
        if (mode == WeightMode.SYNTHETIC) {
            int count = TensorBudget.elements(t.shape());
            float[] v = new float[count];
            double std = init == Init.MATRIX || init == Init.TERNARY ? 1.0 / Math.sqrt(dims[dims.length - 2])
                    : init == Init.GAIN ? 0.1 : 0.02;
            for (int i = 0; i < count; i++) {
                v[i] = init == Init.TERNARY ? (float) (std * (rng.nextInt(3) - 1))
                        : (float) ((init == Init.GAIN ? 1 : 0) + std * rng.nextGaussian());
            }
            data.put(n, Tensor.ofFloats(t.shape(), v));
        }
        return n;
    }

    public TensorType type(String v) {
        return types.get(v);
    }

    private String node(String base, Op op, List<String> ins, TensorType out) {
        String nodeName = base + "_" + counter++;
        String o = nodeName + ":0";
        nodes.add(new Node(nodeName, op, ins, List.of(o)));
        types.put(o, out);
        return o;
    }

    private String constant(long[] v) {
        Tensor t = Tensor.ofLongs(DType.INT64, Shape.of(v.length), v);
        return node("const", new Op.Constant(t), List.of(), t.type());
    }

    /** A float constant (not a parameter: e.g. rotary tables). */
    public String constant(String scope, float[] v, int... dims) {
        Tensor t = Tensor.ofFloats(Shape.of(dims), v);
        return node(scope + "/Constant", new Op.Constant(t), List.of(), t.type());
    }

    public String neg(String scope, String x) {
        return node(scope + "/Neg", new Op.Unary(Op.UnaryKind.NEG), List.of(x), type(x));
    }

    /** Elements [start, end) of the last axis. */
    public String sliceLast(String scope, String x, int start, int end) {
        int[] out = type(x).shape().dims();
        out[out.length - 1] = end - start;
        return node(scope + "/Slice", new Op.Slice(), List.of(x, constant(new long[] {start}), constant(new long[] {end}),
                constant(new long[] {-1})), TensorType.f32(out));
    }

    public String concatLast(String scope, String a, String c) {
        int[] out = type(a).shape().dims();
        out[out.length - 1] += type(c).shape().dim(-1);
        return node(scope + "/Concat", new Op.Concat(-1), List.of(a, c), TensorType.f32(out));
    }

    public String matmul(String scope, String x, String w) {
        int[] a = type(x).shape().dims();
        int[] b = type(w).shape().dims();
        if (a[a.length - 1] != b[b.length - 2]) {
            throw new IllegalArgumentException(scope + ": MatMul " + Arrays.toString(a) + " x " + Arrays.toString(b));
        }
        int[] out = a.clone();
        out[out.length - 1] = b[b.length - 1];
        return node(scope + "/MatMul", new Op.MatMul(), List.of(x, w), TensorType.f32(out));
    }

    public String binary(String scope, Op.BinaryKind k, String x, String y) {
        Shape s = Broadcast.shape(type(x).shape(), type(y).shape());
        return node(scope + "/" + k.name(), new Op.Binary(k), List.of(x, y), new TensorType(DType.FLOAT32, s));
    }

    public String rmsNorm(String scope, String x, String w, float eps) {
        return node(scope + "/RMSNorm", new Op.RmsNorm(eps), List.of(x, w), type(x));
    }

    public String layerNorm(String scope, String x, String w, String b, float eps) {
        return node(scope + "/LayerNorm", new Op.LayerNorm(-1, eps), List.of(x, w, b), type(x));
    }

    public String gelu(String scope, String x) {
        return node(scope + "/Gelu", new Op.Gelu(false), List.of(x), type(x));
    }

    public String swiGlu(String scope, String gate, String up) {
        return node(scope + "/SwiGLU", new Op.SwiGlu(), List.of(gate, up), type(gate));
    }

    public String mlgru(String scope, String f, String c, String g) {
        return node(scope + "/MLGRU", new Op.Mlgru(), List.of(f, c, g), type(f));
    }

    /** The MLGRU without output gate: its output is the recurrent state. */
    public String mlgru(String scope, String f, String c) {
        return node(scope + "/MLGRU", new Op.Mlgru(false), List.of(f, c), type(f));
    }

    public String attention(String scope, String q, String k, String v, float scale, boolean causal) {
        return attention(scope, q, k, v, new Op.Attention(scale, causal));
    }

    /** Attention as {@code op} computes it (grouped KV heads, a sliding window). */
    public String attention(String scope, String q, String k, String v, Op.Attention op) {
        int[] out = type(q).shape().dims();
        out[out.length - 1] = type(v).shape().dim(-1);
        return node(scope + "/Attention", op, List.of(q, k, v), TensorType.f32(out));
    }

    public String moe(String scope, Op.Moe op, String x, String router, String up, String upB, String down, String downB) {
        return node(scope + "/MoE", op, List.of(x, router, up, upB, down, downB), type(x));
    }

    public String gather(String scope, String table, String ids) {
        int[] idx = type(ids).shape().dims();
        int[] out = Arrays.copyOf(idx, idx.length + 1);
        out[idx.length] = type(table).shape().dim(1);
        return node(scope + "/Gather", new Op.Gather(0), List.of(table, ids), TensorType.f32(out));
    }

    public String reshape(String scope, String x, int... dims) {
        long[] d = new long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            d[i] = dims[i];
        }
        if (Shape.of(dims).elements() != type(x).shape().elements()) {
            throw new IllegalArgumentException(scope + ": cannot reshape " + type(x).shape() + " to " + Arrays.toString(dims));
        }
        return node(scope + "/Reshape", new Op.Reshape(false), List.of(x, constant(d)), TensorType.f32(dims));
    }

    public String transpose(String scope, String x, int... perm) {
        int[] in = type(x).shape().dims();
        int[] out = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            out[i] = in[perm[i]];
        }
        return node(scope + "/Transpose", new Op.Transpose(perm), List.of(x), TensorType.f32(out));
    }

    public List<String> split(String scope, String x, int axis, int parts) {
        int[] in = type(x).shape().dims();
        int[] out = in.clone();
        out[axis] /= parts;
        String nodeName = scope + "/Split_" + counter++;
        List<String> outs = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            outs.add(nodeName + ":" + i);
            types.put(nodeName + ":" + i, TensorType.f32(out));
        }
        nodes.add(new Node(nodeName, new Op.Split(axis), List.of(x), outs));
        return outs;
    }

    public Graph build(String output) {
        return new Graph(name, inputs, List.of(output), nodes, weights, data, types, Map.of());
    }
}
