package dev.accelgen.compiler.onnx;

import dev.accelgen.compiler.ir.DType;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Op.BinaryKind;
import dev.accelgen.compiler.ir.Op.UnaryKind;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The op types the importer accepts, as a table from op type to translation (opset 13 and newer semantics). Most
 * map to one IR op; Flatten, Einsum and Attention lower to several.
 */
final class OnnxOps {
    /** Thrown for an op type the IR does not implement; the importer names the file. */
    static final class UnknownOp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnknownOp(String message) {
            super(message);
        }
    }

    private static final Map<String, BinaryKind> BINARY = Map.ofEntries(
            Map.entry("Add", BinaryKind.ADD), Map.entry("Sub", BinaryKind.SUB), Map.entry("Mul", BinaryKind.MUL),
            Map.entry("Div", BinaryKind.DIV), Map.entry("Pow", BinaryKind.POW), Map.entry("Max", BinaryKind.MAX),
            Map.entry("Min", BinaryKind.MIN), Map.entry("Equal", BinaryKind.EQUAL), Map.entry("Greater", BinaryKind.GREATER),
            Map.entry("GreaterOrEqual", BinaryKind.GREATER_OR_EQUAL), Map.entry("Less", BinaryKind.LESS),
            Map.entry("LessOrEqual", BinaryKind.LESS_OR_EQUAL), Map.entry("And", BinaryKind.AND), Map.entry("Or", BinaryKind.OR));

    private static final Map<String, UnaryKind> UNARY = Map.ofEntries(
            Map.entry("Neg", UnaryKind.NEG), Map.entry("Abs", UnaryKind.ABS), Map.entry("Sqrt", UnaryKind.SQRT),
            Map.entry("Reciprocal", UnaryKind.RECIPROCAL), Map.entry("Exp", UnaryKind.EXP), Map.entry("Log", UnaryKind.LOG),
            Map.entry("Erf", UnaryKind.ERF), Map.entry("Tanh", UnaryKind.TANH), Map.entry("Sigmoid", UnaryKind.SIGMOID),
            Map.entry("Relu", UnaryKind.RELU), Map.entry("Floor", UnaryKind.FLOOR), Map.entry("Ceil", UnaryKind.CEIL),
            Map.entry("Round", UnaryKind.ROUND), Map.entry("Not", UnaryKind.NOT), Map.entry("Identity", UnaryKind.IDENTITY));

    /** Standard-domain op types by their translation; If is inlined by {@link GraphImport} and listed apart. */
    private static final Map<String, Function<OnnxNode, List<Node>>> STANDARD = standard();

    private static final Map<String, Function<OnnxNode, List<Node>>> QONNX = Map.of(
            "Quant", n -> n.as(new Op.Quant(n.i("signed", 1) != 0, n.i("narrow", 0) != 0, rounding(n.s("rounding_mode", "ROUND")))),
            "BipolarQuant", n -> n.as(new Op.BipolarQuant()),
            "Trunc", n -> n.as(new Op.Trunc(rounding(n.s("rounding_mode", "FLOOR")), n.i("signed", 1) != 0, n.i("narrow", 0) != 0)));

    static final String IF = "If";

    private OnnxOps() {
    }

    static boolean isQonnxDomain(String domain) {
        return domain.equals("qonnx.custom_op.general") || domain.equals("finn.custom_op.general") || domain.equals("onnx.brevitas");
    }

    static boolean isStandardDomain(String domain) {
        return domain.isEmpty() || domain.equals("ai.onnx");
    }

    /** The ai.onnx op types the importer accepts, sorted. */
    static SortedSet<String> supportedOpTypes() {
        SortedSet<String> s = new TreeSet<>(STANDARD.keySet());
        s.add(IF);
        return s;
    }

    /** The QONNX op types the importer accepts (in the qonnx, finn and brevitas domains), sorted. */
    static SortedSet<String> supportedQonnxOpTypes() {
        return new TreeSet<>(QONNX.keySet());
    }

    /** The IR nodes for one ONNX node (usually one; lowerings emit several). */
    static List<Node> translate(OnnxNode n) {
        Map<String, Function<OnnxNode, List<Node>>> table = isStandardDomain(n.domain()) ? STANDARD
                : isQonnxDomain(n.domain()) ? QONNX : Map.of();
        Function<OnnxNode, List<Node>> t = table.get(n.type());
        if (t == null) {
            throw unknown(n);
        }
        return t.apply(n);
    }

    private static Map<String, Function<OnnxNode, List<Node>>> standard() {
        Map<String, Function<OnnxNode, List<Node>>> m = new HashMap<>();
        BINARY.forEach((type, k) -> m.put(type, n -> binary(n, new Op.Binary(k))));
        UNARY.forEach((type, k) -> m.put(type, n -> n.as(new Op.Unary(k))));
        m.put("Mod", OnnxOps::mod);
        m.put("Dropout", n -> n.as(new Op.Unary(UnaryKind.IDENTITY)));
        m.put("Gelu", n -> n.as(new Op.Gelu(n.s("approximate", "none").equals("tanh"))));
        m.put("Where", n -> n.as(new Op.Where()));
        m.put("MatMul", n -> n.as(new Op.MatMul()));
        m.put("Gemm", n -> n.as(new Op.Gemm(n.f("alpha", 1f), n.f("beta", 1f), n.i("transA", 0) != 0, n.i("transB", 0) != 0)));
        m.put("Conv", ConvImport::translate);
        m.put("Einsum", EinsumLowering::translate);
        m.put("Softmax", n -> n.as(new Op.Softmax((int) n.i("axis", -1))));
        m.put("LogSoftmax", n -> n.as(new Op.LogSoftmax((int) n.i("axis", -1))));
        m.put("LayerNormalization", n -> {
            if (n.outputs().size() > 1) {
                throw new IllegalArgumentException("node " + n.name() + " (LayerNormalization) asks for Mean/InvStdDev outputs, which are not supported");
            }
            return n.as(new Op.LayerNorm((int) n.i("axis", -1), n.f("epsilon", 1e-5f)));
        });
        m.put("RMSNormalization", n -> n.as(new Op.RmsNorm(n.f("epsilon", 1e-5f))));
        m.put("BatchNormalization", OnnxOps::batchNorm);
        m.put("Attention", AttentionLowering::translate);
        m.put("RotaryEmbedding", n -> n.as(new Op.Rope(n.i("interleaved", 0) != 0, (int) n.i("rotary_embedding_dim", 0),
                (int) n.i("num_heads", 0))));
        m.put("Transpose", n -> n.as(new Op.Transpose(n.ints("perm"))));
        m.put("Reshape", n -> n.as(new Op.Reshape(n.i("allowzero", 0) != 0)));
        m.put("Flatten", OnnxOps::flatten);
        m.put("Split", n -> n.as(new Op.Split((int) n.i("axis", 0))));
        m.put("Concat", n -> n.as(new Op.Concat((int) n.i("axis", 0))));
        m.put("Slice", n -> n.as(new Op.Slice()));
        m.put("Gather", n -> n.as(new Op.Gather((int) n.i("axis", 0))));
        m.put("Unsqueeze", n -> n.as(new Op.Unsqueeze()));
        m.put("Squeeze", n -> n.as(new Op.Squeeze()));
        m.put("Tile", n -> n.as(new Op.Tile()));
        m.put("Expand", n -> n.as(new Op.Expand()));
        m.put("Shape", n -> n.as(new Op.ShapeOf((int) n.i("start", 0), n.has("end") ? (int) n.i("end", 0) : Op.ShapeOf.TO_END)));
        m.put("Cast", n -> n.as(new Op.Cast(OnnxTensors.dtype((int) n.i("to", 1), "Cast target of node " + n.name()))));
        m.put("Constant", n -> n.as(new Op.Constant(constant(n))));
        m.put("ConstantOfShape", n -> n.as(new Op.ConstantOfShape(n.has("value") ? OnnxTensors.decode(n.attr("value").getT(), null)
                : Tensor.ofFloats(Shape.scalar(), new float[] {0f}))));
        m.put("Range", n -> n.as(new Op.Range()));
        for (String r : List.of("ReduceMean", "ReduceSum", "ReduceMax", "ReduceMin")) {
            m.put(r, OnnxOps::reduce);
        }
        m.put("CumSum", n -> n.as(new Op.CumSum(n.i("exclusive", 0) != 0, n.i("reverse", 0) != 0)));
        m.put("TopK", n -> n.as(new Op.TopK((int) n.i("axis", -1), n.i("largest", 1) != 0, n.i("sorted", 1) != 0)));
        m.put("Clip", n -> n.as(new Op.Clip()));
        m.put("QuantizeLinear", n -> n.as(new Op.QuantizeLinear((int) n.i("axis", 1))));
        m.put("DequantizeLinear", n -> n.as(new Op.DequantizeLinear((int) n.i("axis", 1))));
        return Map.copyOf(m);
    }

    private static List<Node> binary(OnnxNode n, Op op) {
        if (n.inputs().size() != 2) {
            throw new IllegalArgumentException("node " + n.name() + " (" + n.type() + ") has " + n.inputs().size()
                    + " inputs; only the two-input form is supported");
        }
        return n.as(op);
    }

    /** Mod: fmod=0 is Python's remainder (integers only, says the standard), fmod=1 C's fmod. */
    private static List<Node> mod(OnnxNode n) {
        boolean fmod = n.i("fmod", 0) != 0;
        if (!fmod && n.inputType(0).dtype().isFloating()) {
            throw n.error("fmod=0 is defined for integer inputs only; float inputs need fmod=1");
        }
        return binary(n, new Op.Binary(fmod ? BinaryKind.FMOD : BinaryKind.MOD));
    }

    /** Flatten(axis) is a Reshape to [prod(dims before axis), prod(dims from axis)]. */
    private static List<Node> flatten(OnnxNode n) {
        Shape s = n.inputShape(0);
        long axis = n.i("axis", 1);
        int a = (int) (axis < 0 ? axis + s.rank() : axis);
        if (a < 0 || a > s.rank()) {
            throw n.error("axis " + axis + " is outside -" + s.rank() + ".." + s.rank() + " for input shape " + s);
        }
        long outer = 1;
        for (int i = 0; i < a; i++) {
            outer *= s.dim(i);
        }
        Emitter e = new Emitter(n.name());
        String shape = e.longs("shape", outer, s.elements() / Math.max(outer, 1));
        return e.finish(new Op.Reshape(true), List.of(n.input(0), shape), n.outputs());
    }

    /** BatchNormalization in inference form; {@code BatchNormFolding} later folds it into a Conv, Gemm or MatMul. */
    private static List<Node> batchNorm(OnnxNode n) {
        if (n.i("training_mode", 0) != 0 || n.hasOutput(1) || n.hasOutput(2)) {
            throw n.error("training mode (running mean/var outputs) is not supported; export the model in eval mode");
        }
        return n.as(new Op.BatchNorm(n.f("epsilon", 1e-5f)));
    }

    private static List<Node> reduce(OnnxNode n) {
        Op.ReduceKind k = switch (n.type()) {
            case "ReduceMean" -> Op.ReduceKind.MEAN;
            case "ReduceSum" -> Op.ReduceKind.SUM;
            case "ReduceMax" -> Op.ReduceKind.MAX;
            default -> Op.ReduceKind.MIN;
        };
        // ReduceSum takes axes as an input from opset 13, the others from opset 18
        return n.as(new Op.Reduce(k, n.ints("axes"), n.i("keepdims", 1) != 0));
    }

    private static UnknownOp unknown(OnnxNode n) {
        String domain = n.domain().isEmpty() ? "ai.onnx" : n.domain();
        return new UnknownOp("unknown op type " + n.type() + " (node " + n.name() + ", domain " + domain + ", opset " + n.opset() + ")");
    }

    private static Op.RoundingMode rounding(String s) {
        return switch (s.toUpperCase(java.util.Locale.ROOT)) {
            case "ROUND", "HALF_EVEN" -> Op.RoundingMode.ROUND;
            case "CEIL" -> Op.RoundingMode.CEIL;
            case "FLOOR" -> Op.RoundingMode.FLOOR;
            case "UP" -> Op.RoundingMode.UP;
            case "DOWN", "ROUND_TO_ZERO" -> Op.RoundingMode.DOWN;
            case "HALF_UP" -> Op.RoundingMode.HALF_UP;
            case "HALF_DOWN" -> Op.RoundingMode.HALF_DOWN;
            default -> throw new IllegalArgumentException("rounding_mode " + s + " is not one of ROUND, HALF_EVEN, CEIL, FLOOR, UP, DOWN, HALF_UP, HALF_DOWN");
        };
    }

    private static Tensor constant(OnnxNode n) {
        if (n.has("value")) {
            return OnnxTensors.decode(n.attr("value").getT(), null);
        }
        if (n.has("value_float")) {
            return Tensor.ofFloats(Shape.scalar(), new float[] {n.f("value_float", 0f)});
        }
        if (n.has("value_int")) {
            return Tensor.scalarLong(n.i("value_int", 0));
        }
        if (n.has("value_floats")) {
            List<Float> v = n.attr("value_floats").getFloatsList();
            float[] f = new float[v.size()];
            for (int k = 0; k < f.length; k++) {
                f[k] = v.get(k);
            }
            return Tensor.ofFloats(Shape.of(f.length), f);
        }
        if (n.has("value_ints")) {
            List<Long> v = n.attr("value_ints").getIntsList();
            long[] l = new long[v.size()];
            for (int k = 0; k < l.length; k++) {
                l[k] = v.get(k);
            }
            return Tensor.ofLongs(DType.INT64, Shape.of(l.length), l);
        }
        throw new IllegalArgumentException("Constant node " + n.name() + " has no supported value attribute");
    }
}
